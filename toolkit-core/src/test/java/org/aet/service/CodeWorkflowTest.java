package org.aet.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.ingest.Corpus;
import org.aet.ingest.PlainTextReader;
import org.aet.ingest.SourceText;
import org.aet.ingest.TranscriptReader;
import org.aet.pipeline.ProgressListener;
import org.aet.project.ProjectStore;
import org.aet.segment.SegmentUnit;
import org.aet.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coding workflow any front end runs: inputs read, outputs composed, a project's run stored.
 */
class CodeWorkflowTest {
  private static final Path SAMPLE = Shared.repositoryRoot().resolve("corpora/partnerships");

  private static final String TRANSCRIPT =
      "Ann: It was a tick box exercise at first {vocalsound}.\n"
          + "Tom: And the money?\n"
          + "Ann: We paid contributors for their time, in the end.\n";

  private final List<String> notes = new ArrayList<>();
  private final ProgressListener listener =
      new ProgressListener() {
        @Override
        public void note(String message) {
          notes.add(message);
        }
      };

  private static CodingJob.Settings rules(Codebook book) {
    return new CodingJob.Settings(book, SegmentUnit.TURN, 2, 0.5, null, null, null, false);
  }

  private static NlpStack uncached() {
    return new NlpStack(new NlpSettings(null, false, false, false));
  }

  @Test
  void filesAreCodedIntoTheOutputAndTheLabelledSegments(@TempDir Path dir) throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    Path output = dir.resolve("coded.csv");
    Path labels = dir.resolve("labels.jsonl");
    Inputs source =
        new Inputs.Files(
            List.of(SAMPLE), () -> Corpus.discover(List.of(SAMPLE), TranscriptReader.registry()));
    CodeWorkflow.Result result =
        CodeWorkflow.run(
            new CodeWorkflow.Request(
                rules(book), null, false, source, output, labels, null, OutputStyle.AS_WRITTEN),
            uncached(),
            listener);
    assertNull(result.project());
    assertEquals(4, result.summary().transcripts());
    assertTrue(result.summary().codings() > 0, "the rules find something in the sample corpus");
    assertTrue(Files.readString(output).lines().count() > result.summary().codings());
    assertEquals(
        result.summary().segments(),
        Files.readAllLines(labels).size(),
        "a labelled line for every segment");
    assertTrue(
        notes.contains("Using the corpus manifest " + SAMPLE.resolve("corpus.csv")), "" + notes);
    assertFalse(result.unusedCodes().isEmpty() && result.summary().codingsByCode().isEmpty());
  }

  @Test
  void aProjectIsCodedIntoANewRunWithoutAnOutputFile(@TempDir Path dir) throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    Path project = dir.resolve("study.aet");
    try (ProjectStore store = ProjectStore.create(project)) {
      store.addTranscript(
          new PlainTextReader()
              .read(new SourceText(Path.of("t.txt"), "t", "", TRANSCRIPT, "UTF-8"))
              .transcript(),
          "hash-1");
    }
    Path labels = dir.resolve("labels.jsonl");
    CodeWorkflow.Result result =
        CodeWorkflow.run(
            new CodeWorkflow.Request(
                rules(book),
                null,
                false,
                new Inputs.Project(project),
                null,
                labels,
                null,
                new OutputStyle(true, null)),
            uncached(),
            listener);
    assertEquals(project, result.project());
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      assertEquals(1, store.runs().size());
      assertEquals(
          "the codebook's rules alone (--no-semantic)",
          store.latestRun().method().get("Suggested by"));
    }
    String labelled = Files.readString(labels);
    assertTrue(labelled.contains("tick box exercise at first"), labelled);
    assertFalse(labelled.contains("{vocalsound}"), "markup dropped as asked: " + labelled);
  }

  @Test
  void anEmptyProjectSaysHowToAddTranscripts(@TempDir Path dir) throws Exception {
    Path project = dir.resolve("empty.aet");
    ProjectStore.create(project).close();
    AetException e =
        assertThrows(
            AetException.class,
            () ->
                CodeWorkflow.run(
                    new CodeWorkflow.Request(
                        rules(Codebooks.load("four-tensions")),
                        null,
                        false,
                        new Inputs.Project(project),
                        null,
                        null,
                        null,
                        OutputStyle.AS_WRITTEN),
                    uncached(),
                    listener));
    assertEquals(
        project + " holds no transcripts yet; add some with \"aet add " + project + " FOLDER\"",
        e.getMessage());
  }
}
