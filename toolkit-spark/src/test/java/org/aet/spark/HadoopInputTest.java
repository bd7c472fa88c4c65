package org.aet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aet.diagnostics.AetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Addresses are read through Hadoop's file systems: a {@code file://} folder is copied with what
 * aet reads in it and nothing else, and an address whose connector is not on the class path is
 * refused with a message naming the connector.
 */
class HadoopInputTest {
  @TempDir Path temp;

  @Test
  void aFolderIsCopiedWithItsTranscriptsAndManifestOnly() throws Exception {
    Path corpus = temp.resolve("corpus");
    Files.createDirectories(corpus.resolve("Eastmoor"));
    Files.writeString(corpus.resolve("Eastmoor/leader.txt"), "Ann: We met.\n");
    Files.writeString(corpus.resolve("corpus.csv"), "file,case\nEastmoor/leader.txt,Eastmoor\n");
    Files.write(corpus.resolve("Eastmoor/leader.wav"), new byte[] {1, 2, 3});
    Files.writeString(corpus.resolve(".notes.txt"), "hidden");
    HadoopInput copied = HadoopInput.copy(corpus.toUri().toString(), Map.of());
    try (Stream<Path> files = Files.walk(copied.local())) {
      assertEquals(
          List.of("Eastmoor/leader.txt", "corpus.csv"),
          files
              .filter(Files::isRegularFile)
              .map(f -> copied.local().relativize(f).toString())
              .sorted()
              .toList());
    }
    assertEquals("Ann: We met.\n", Files.readString(copied.local().resolve("Eastmoor/leader.txt")));
    assertEquals(
        corpus.toUri().toString().replaceAll("/$", "") + "/Eastmoor/leader.txt:1:1: x",
        copied.name(copied.local().resolve("Eastmoor/leader.txt") + ":1:1: x"));
  }

  @Test
  void anAddressWithoutItsConnectorIsRefusedNamingTheConnector() {
    AetException e =
        assertThrows(
            AetException.class, () -> HadoopInput.copy("s3a://archive/hearings", Map.of()));
    assertTrue(e.getMessage().startsWith("s3a://archive/hearings: "), e.getMessage());
    assertTrue(e.getMessage().contains("hadoop-aws"), e.getMessage());
    AetException unknown =
        assertThrows(AetException.class, () -> HadoopInput.copy("nosuch://x/y", Map.of()));
    assertTrue(unknown.getMessage().contains("connector for nosuch://"), unknown.getMessage());
    // The Hadoop settings given (spark.hadoop.* of the run) are the ones used: with a file system
    // named for the scheme it is no longer a missing connector.
    AetException named =
        assertThrows(
            AetException.class,
            () ->
                HadoopInput.copy(
                    "nosuch://x/y",
                    Map.of("fs.nosuch.impl", "org.apache.hadoop.fs.LocalFileSystem")));
    assertFalse(named.getMessage().contains("connector"), named.getMessage());
  }

  @Test
  void aMissingFolderIsNamed() {
    String address = temp.resolve("absent").toUri().toString();
    AetException e = assertThrows(AetException.class, () -> HadoopInput.copy(address, Map.of()));
    assertEquals(address + ": no such file or folder", e.getMessage());
  }

  @Test
  void pathsAreNotAddresses() {
    assertTrue(HadoopInput.isAddress("hdfs://namenode/corpus"));
    assertTrue(HadoopInput.isAddress("file:///tmp/corpus"));
    assertFalse(HadoopInput.isAddress("corpora/partnerships"));
    assertFalse(HadoopInput.isAddress("/data/hearings"));
    assertFalse(HadoopInput.isAddress("C:\\data\\hearings"));
  }
}
