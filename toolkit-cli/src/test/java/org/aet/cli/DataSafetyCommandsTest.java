package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.aet.cli.AetRunner.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproductions of the data-safety issue, run as a researcher would: no command replaces a file
 * it was not asked to write, and each refusal says what to do instead.
 */
class DataSafetyCommandsTest {
  private static final Path SAMPLE = AetRunner.repositoryRoot().resolve("corpora/partnerships");

  private static Path project(Path dir) {
    Path study = dir.resolve("study.aet");
    assertEquals(0, aet("init", study.toString()).exit());
    assertEquals(0, aet("add", study.toString(), SAMPLE.toString()).exit());
    return study;
  }

  /** A file name whose extension the command does not write is a wrong use: exit 2. */
  private static void assertWrongUse(Result result, String expected) {
    assertEquals(2, result.exit(), result.out() + result.err());
    assertTrue(result.err().contains(expected), result.err());
  }

  private static void assertRefused(Result result, String expected) {
    assertEquals(1, result.exit(), result.out() + result.err());
    assertTrue(result.err().contains(expected), result.err());
  }

  @Test
  void noOutputMayBeTheProjectOrAnInput(@TempDir Path dir) throws Exception {
    Path study = project(dir);
    byte[] before = Files.readAllBytes(study);
    assertWrongUse(
        aet("code", study.toString(), "--labels", study.toString()), "--labels writes .jsonl");
    assertWrongUse(
        aet(
            "review",
            "export",
            study.toString(),
            "--coder",
            "a",
            "-o",
            study.toString(),
            "--overwrite"),
        "-o writes .xlsx");
    Path renamed = dir.resolve("study.xlsx");
    Files.createSymbolicLink(renamed, study);
    assertRefused(
        aet(
            "review",
            "export",
            study.toString(),
            "--coder",
            "a",
            "-o",
            renamed.toString(),
            "--overwrite"),
        "is the project this command reads");
    assertArrayEquals(before, Files.readAllBytes(study), "the project is untouched");

    Path transcript = dir.resolve("t.csv");
    Files.writeString(transcript, "speaker,text\nAnn,We paid contributors for their time.\n");
    byte[] text = Files.readAllBytes(transcript);
    assertRefused(
        aet("code", transcript.toString(), "-o", transcript.toString(), "--overwrite"),
        "is an input this command reads");
    assertArrayEquals(text, Files.readAllBytes(transcript));

    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(gold, "{\"segment_id\": \"t@0-5\", \"text\": \"a\", \"codes\": [\"x\"]}\n");
    assertRefused(
        aet(
            "evaluate",
            "--gold",
            gold.toString(),
            "--predicted",
            gold.toString(),
            "-o",
            gold.toString(),
            "--overwrite"),
        "is the gold file this command reads");
    assertWrongUse(
        aet(
            "train",
            "--codebook",
            "four-tensions",
            "--from",
            gold.toString(),
            "-o",
            gold.toString(),
            "--overwrite"),
        "-o writes .model");
  }

  @Test
  void existingFilesNeedOverwriteAndTwoOutputsCannotShareAFile(@TempDir Path dir) throws Exception {
    Path labels = dir.resolve("labels.jsonl");
    Files.writeString(labels, "precious\n");
    assertRefused(
        aet(
            "code",
            SAMPLE.toString(),
            "-o",
            dir.resolve("c.csv").toString(),
            "--labels",
            labels.toString()),
        "already exists; choose another name, or add --overwrite");
    Path queue = dir.resolve("queue.csv");
    Files.writeString(queue, "precious\n");
    assertRefused(
        aet(
            "code",
            SAMPLE.toString(),
            "-o",
            dir.resolve("c.csv").toString(),
            "--model",
            "m.model",
            "--queue",
            queue.toString()),
        "already exists");
    assertEquals("precious\n", Files.readString(labels));
    assertEquals("precious\n", Files.readString(queue));
    Path same = dir.resolve("same.jsonl");
    assertRefused(
        aet("code", SAMPLE.toString(), "-o", same.toString(), "--labels", same.toString()),
        "is named by both -o and --labels");
    assertFalse(Files.exists(same));
  }

  @Test
  void onlyOrdinaryFilesAreEverReplaced(@TempDir Path dir) throws Exception {
    Path device = Path.of("/dev/full");
    assumeTrue(Files.exists(device), "needs /dev/full");
    Path link = Files.createSymbolicLink(dir.resolve("coded.csv"), device);
    assertRefused(
        aet("code", SAMPLE.toString(), "-o", link.toString(), "--overwrite"),
        "is not an ordinary file");
    assertTrue(Files.isSymbolicLink(link), "the link is still there");
    assertFalse(Files.isRegularFile(device), "and the device is still a device");
    Result result = aet("ingest", SAMPLE.toString(), "-o", dir.toString() + "/", "--overwrite");
    assertEquals(2, result.exit(), result.err());
    assertTrue(Files.isDirectory(dir), "the folder is still a folder");
    Path folder = dir.resolve("out.jsonl");
    assertTrue(folder.toFile().mkdir());
    assertRefused(
        aet("ingest", SAMPLE.toString(), "-o", folder.toString(), "--overwrite"),
        "is not an ordinary file");
    assertTrue(Files.isDirectory(folder));
  }

  @Test
  void aNonProjectIsNeverTurnedIntoOne(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.aet"));
    assertRefused(aet("add", empty.toString(), SAMPLE.toString()), "is empty (0 bytes)");
    assertEquals(0, Files.size(empty));
    Path notes = Files.writeString(dir.resolve("notes.aet"), "not a database\n");
    assertRefused(
        aet("export", notes.toString(), "-o", dir.resolve("x.csv").toString()),
        "not a database file");
    assertEquals("not a database\n", Files.readString(notes));
  }

  @Test
  void oneFileAddedFromTwoFoldersIsOneTranscript(@TempDir Path dir) throws Exception {
    Path study = project(dir);
    Path copy = Files.createDirectories(dir.resolve("copy"));
    Path source = SAMPLE.resolve("Northbrook").toFile().listFiles()[0].toPath();
    Files.copy(source, copy.resolve(source.getFileName()));
    Result again = aet("add", study.toString(), copy.toString());
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("Added 0 transcript(s)"), again.out());
    assertTrue(again.err().contains("the project already holds this very text"), again.err());
  }

  @Test
  void controlCharactersFromFilesNeverReachTheTerminal(@TempDir Path dir) throws Exception {
    // a few control characters in an ordinary transcript (a file mostly of them is refused as not
    // text)
    Files.writeString(
        dir.resolve("t.txt"),
        "Ann\u001b]0;owned\u0007\u001b[31m: hello there\n"
            + "Bob: thanks, and here is a longer answer about the partnership and its work.\n"
                .repeat(20));
    Result result = aet("inspect", dir.toString());
    assertEquals(0, result.exit(), result.err());
    String shown = result.out() + result.err();
    assertFalse(shown.contains("\u001b"), "no raw escape");
    assertFalse(shown.contains("\u0007"));
    assertTrue(shown.contains("Ann\\u001B]0;owned\\u0007"), shown);
  }

  @Test
  void aModelFileHoldingAZipBombIsRefusedWithAMessage(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(inner)) {
      zip.putNextEntry(new ZipEntry("manifest.properties"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 300; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    Path model = dir.resolve("bomb.model");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(model))) {
      zip.putNextEntry(new ZipEntry("model.json"));
      zip.write(
          ("{\"format\": \"aet learned model 1\", \"codebook\": \"four-tensions\","
                  + " \"codebook_version\": \"x\", \"algorithm\": \"logistic\","
                  + " \"codes\": [{\"code\": \"power\", \"file\": \"code-0.bin\"}]}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("code-0.bin"));
      zip.write(inner.toByteArray());
      zip.closeEntry();
    }
    Result result =
        aet(
            "code",
            SAMPLE.toString(),
            "--no-semantic",
            "--model",
            model.toString(),
            "-o",
            dir.resolve("c.csv").toString());
    assertRefused(result, "zip bomb");
    assertFalse(result.err().contains("OutOfMemoryError"), result.err());
  }
}
