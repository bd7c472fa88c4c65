package org.aet.pseudonym;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.AetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivatePlacesTest {
  @Test
  void aKeyLinkedIntoTheOutputFolderIsRefused(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path in = Files.createDirectories(dir.resolve("in"));
    Path priv = Files.createDirectories(dir.resolve("priv"));
    Files.createSymbolicLink(priv.resolve("lnk"), Path.of("../out"));
    AetException e =
        assertThrows(
            AetException.class,
            () -> PrivatePlaces.check(priv.resolve("lnk/key.csv"), null, out, List.of(in)));
    assertTrue(e.getMessage().contains("inside the output folder"), e.getMessage());
    Files.createSymbolicLink(dir.resolve("shared"), out);
    assertThrows(
        AetException.class,
        () ->
            PrivatePlaces.check(out.resolve("key.csv"), null, dir.resolve("shared"), List.of(in)));
    assertThrows(
        AetException.class,
        () ->
            PrivatePlaces.check(
                priv.resolve("key.csv"), priv.resolve("lnk/r.xlsx"), out, List.of(in)));
    assertDoesNotThrow(() -> PrivatePlaces.check(priv.resolve("key.csv"), null, out, List.of(in)));
  }
}
