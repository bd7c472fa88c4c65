package org.aet.export;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aet.diagnostics.AetException;
import org.aet.io.AtomicOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules every command's outputs are checked against, each on its own. */
class OutputTargetsTest {
  private static String refusal(OutputTargets targets, boolean overwrite) {
    return assertThrows(AetException.class, () -> targets.check(overwrite)).getMessage();
  }

  @Test
  void anInputIsRecognisedHoweverItsPathIsSpelt(@TempDir Path dir) throws Exception {
    Path input = Files.writeString(dir.resolve("team.jsonl"), "x\n");
    Path linkedFolder = Files.createSymbolicLink(dir.resolve("link"), dir);
    Path spelt = linkedFolder.resolve("sub/../team.jsonl");
    assertTrue(
        refusal(
                new OutputTargets().input(input, "the labelled file").output(spelt, "-o", ".jsonl"),
                true)
            .contains("is the labelled file this command reads"));
  }

  @Test
  void aFileInsideAnInputFolderIsAnInput(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("interviews"));
    Path transcript = Files.writeString(folder.resolve("a.csv"), "speaker,text\n");
    assertTrue(
        refusal(
                new OutputTargets().input(folder, "an input").output(transcript, "-o", ".csv"),
                true)
            .contains("is an input this command reads"));
    new OutputTargets()
        .input(folder, "an input")
        .output(folder.resolve("new.csv"), "-o", ".csv")
        .check(false);
  }

  @Test
  void twoOutputsNotYetWrittenCannotBeOneFile(@TempDir Path dir) {
    Path a = dir.resolve("x/../out.jsonl");
    Path b = dir.resolve("out.jsonl");
    assertTrue(
        refusal(
                new OutputTargets().output(a, "-o", ".jsonl").output(b, "--labels", ".jsonl"),
                false)
            .contains("is named by both -o and --labels"));
  }

  @Test
  void theExtensionMustSayWhatIsWritten(@TempDir Path dir) {
    assertTrue(
        refusal(new OutputTargets().output(dir.resolve("out.csv"), "-o", ".xlsx"), false)
            .contains("-o writes .xlsx; name the file so that it ends in .xlsx"));
    assertTrue(
        refusal(new OutputTargets().output(dir.resolve("OUT"), "-o", ".xlsx", ".jsonl"), false)
            .contains("ends in one of .xlsx, .jsonl"));
  }

  @Test
  void aFolderIsNeverReplacedEvenWithOverwrite(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("report.xlsx"));
    assertTrue(
        refusal(new OutputTargets().output(folder, "-o", ".xlsx"), true)
            .contains("is not an ordinary file"));
    assertThrows(java.io.IOException.class, () -> new AtomicOutput(folder).close());
  }
}
