package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aet.cli.AetRunner.Result;
import org.aet.learning.LearnedModel;
import org.aet.service.StarterModels;
import org.aet.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four-tensions starter model is what its documented command makes: the command {@link
 * StarterModels#rebuildCommand} gives (the one docs/validity.md shows), run as a user runs it on
 * the gold sets in ../shared, writes the shipped file byte for byte.
 */
class StarterModelRebuildTest {
  private static final Path SHIPPED =
      AetRunner.repositoryRoot().resolve("codebooks/four-tensions" + StarterModels.SUFFIX);

  @Test
  void theDocumentedCommandRebuildsTheShippedStarterModelByteForByte(@TempDir Path dir)
      throws Exception {
    Path gold = Shared.require("gold");
    LearnedModel shipped = LearnedModel.load(SHIPPED);
    String command = StarterModels.rebuildCommand(shipped);
    for (LearnedModel.Source source : shipped.learnedFrom()) {
      assertEquals(
          source.sha256(),
          java.util.HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(Files.readAllBytes(gold.resolve(source.file())))),
          source.file()
              + " is not the file the starter model was learned from: rebuild it with "
              + command);
    }
    Path rebuilt = dir.resolve("rebuilt.model");
    List<String> args = new ArrayList<>();
    String[] words = command.split(" ");
    assertEquals("./aet", words[0]);
    for (int i = 1; i < words.length; i++) {
      String word = words[i];
      if (word.startsWith("../shared/gold/")) {
        args.add(gold.resolve(word.substring("../shared/gold/".length())).toString());
      } else if (words[i - 1].equals("-o")) {
        args.add(rebuilt.toString());
      } else {
        args.add(word);
      }
    }
    args.add("--cache");
    args.add(dir.resolve("cache").toString());
    Result result = aet(args.toArray(String[]::new));
    assertEquals(0, result.exit(), result.err());
    assertArrayEquals(
        Files.readAllBytes(SHIPPED),
        Files.readAllBytes(rebuilt),
        "the shipped starter model is not what its command makes: rebuild it with " + command);
    try (InputStream inJar =
        StarterModels.class.getResourceAsStream("/org/aet/codebooks/four-tensions.starter.model")) {
      assertArrayEquals(
          Files.readAllBytes(SHIPPED), inJar.readAllBytes(), "the jar holds the file");
    }
  }
}
