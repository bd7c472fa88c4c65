package org.aet.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.project.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcripts go into a project once: by the hash of their file, and never twice by their text. */
class ProjectAdditionsTest {
  @Test
  void aFileIsAddedOnceAndTheSameTextUnderAnotherNameNotAtAll(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectory(dir.resolve("in"));
    Files.writeString(folder.resolve("a.txt"), "Ann: We paid contributors.\nTom: Good.\n");
    Path project = dir.resolve("study.aet");
    ProjectStore.create(project).close();
    List<String> notes = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void note(String message) {
            notes.add(message);
          }
        };
    assertEquals(
        new ProjectAdditions.Added(1, 0, 0),
        ProjectAdditions.transcripts(project, read(folder), listener));
    assertEquals(
        new ProjectAdditions.Added(0, 1, 0),
        ProjectAdditions.transcripts(project, read(folder), listener));
    Files.copy(folder.resolve("a.txt"), folder.resolve("b.txt"));
    assertEquals(
        new ProjectAdditions.Added(0, 1, 1),
        ProjectAdditions.transcripts(project, read(folder), listener));
    assertEquals(1, notes.size(), "" + notes);
    assertEquals(
        folder.resolve("b.txt")
            + ": not added: the project already holds this very text as the transcript \"a\"",
        notes.get(0));
  }

  @Test
  void theContentHashIsTheSha256OfTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "Ann: abc\n");
    ReadCorpus read = read(dir);
    assertEquals(
        "98a3999d262771db3a5741515e5d7a4f69145fe4e199948513238f2bdcd7cbb3",
        ProjectAdditions.contentHash(read.transcripts().get(0)),
        "as sha256sum gives it, and as aet add stored it before");
  }

  private static ReadCorpus read(Path folder) throws Exception {
    return ReadCorpus.read(
        Corpus.discover(List.of(folder), TranscriptReader.registry()), ProgressListener.SILENT);
  }
}
