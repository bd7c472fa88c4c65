package org.aet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.InputException;
import org.aet.io.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
  private static final Registry<TranscriptReader> READERS = TranscriptReader.registry();

  @Test
  void subfoldersAreCasesAndIdsAreStable(@TempDir Path dir) throws Exception {
    write(dir.resolve("Northbrook/one.txt"), "Jane: hello\n");
    write(
        dir.resolve("Riverside/deep/two.vtt"),
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nTom: hi\n");
    write(dir.resolve("loose.txt"), "Ann: hey\n");
    write(dir.resolve("notes.md"), "# not a transcript\n");
    write(dir.resolve(".hidden.txt"), "X: y\n");
    Corpus corpus = Corpus.discover(List.of(dir), READERS);
    assertEquals(
        List.of(
            new Corpus.Entry(dir.resolve("Northbrook/one.txt"), "Northbrook/one", "Northbrook"),
            new Corpus.Entry(
                dir.resolve("Riverside/deep/two.vtt"), "Riverside/deep/two", "Riverside"),
            new Corpus.Entry(dir.resolve("loose.txt"), "loose", "")),
        corpus.entries());
    assertEquals("Northbrook", corpus.read(corpus.entries().get(0)).transcript().caseName());
  }

  @Test
  void aFileThatNamesItsCaseWinsOverItsFolder(@TempDir Path dir) throws Exception {
    write(dir.resolve("A/one.txt"), "---\ncase: Partnership B\n---\nJane: hello\n");
    Corpus corpus = Corpus.discover(List.of(dir), READERS);
    assertEquals("Partnership B", corpus.read(corpus.entries().get(0)).transcript().caseName());
  }

  @Test
  void problemsWithInputsAreNamed(@TempDir Path dir) throws Exception {
    write(dir.resolve("talk.pdf"), "%PDF");
    AetException unknown =
        assertThrows(
            AetException.class, () -> Corpus.discover(List.of(dir.resolve("talk.pdf")), READERS));
    assertEquals(
        dir.resolve("talk.pdf")
            + ": aet cannot read .pdf files; it reads .csv, .docx, .json, .jsonl, .srt, .tsv, .txt, .vtt",
        unknown.getMessage());
    AetException missing =
        assertThrows(
            AetException.class, () -> Corpus.discover(List.of(dir.resolve("nope.txt")), READERS));
    assertTrue(missing.getMessage().endsWith("nope.txt: no such file or folder"));
    AetException empty =
        assertThrows(AetException.class, () -> Corpus.discover(List.of(dir), READERS));
    assertTrue(empty.getMessage().startsWith("no transcripts found in"));
  }

  @Test
  void filesThatWouldShareAnIdArePrefixedWithTheirFolders(@TempDir Path dir) throws Exception {
    write(dir.resolve("a/x.txt"), "A: b\n");
    write(dir.resolve("b/x.txt"), "A: b\n");
    write(dir.resolve("c/d/x.txt"), "A: b\n");
    write(dir.resolve("e/d/x.txt"), "A: b\n");
    Corpus corpus =
        Corpus.discover(
            List.of(
                dir.resolve("a/x.txt"),
                dir.resolve("b"),
                dir.resolve("c/d"),
                dir.resolve("e/d/x.txt")),
            READERS);
    assertEquals(
        List.of("a/x", "b/x", "c/d/x", "e/d/x"),
        corpus.entries().stream().map(Corpus.Entry::id).toList());
  }

  @Test
  void aBadFileIsReportedWithItsPath(@TempDir Path dir) throws Exception {
    write(dir.resolve("bad.vtt"), "not a caption file\n");
    Corpus corpus = Corpus.discover(List.of(dir), READERS);
    InputException e =
        assertThrows(InputException.class, () -> corpus.read(corpus.entries().get(0)));
    assertTrue(e.getMessage().startsWith(dir.resolve("bad.vtt") + ":1:1: error:"), e.getMessage());
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
