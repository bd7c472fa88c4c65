package org.aet.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.SettingException;
import org.aet.export.CodingExporter;
import org.aet.export.ExportContext;
import org.aet.export.ExportSession;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.pipeline.RunSummary;
import org.aet.segment.SegmentUnit;
import org.aet.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coding job any front end runs: its settings checked, its coders chosen, its output whole. */
class CodingJobTest {
  private static final Path SAMPLE = Shared.repositoryRoot().resolve("corpora/partnerships");

  private static CodingJob.Settings settings(
      Codebook book, int threads, Path model, boolean queue) {
    return new CodingJob.Settings(
        book,
        SegmentUnit.TURN,
        threads,
        0.5,
        null,
        model == null ? null : ModelSource.file(model),
        0.5,
        queue);
  }

  @Test
  void settingsOutOfRangeAreRefusedNamingTheSettingNotAFrontEndsOption() throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    SettingException threads =
        assertThrows(SettingException.class, () -> settings(book, 0, null, false));
    assertEquals("threads", threads.setting());
    assertEquals("threads must be at least 1", threads.getMessage());
    assertEquals(
        "Transcripts at once must be at least 1",
        threads.message(s -> s.equals("threads") ? "Transcripts at once" : null));
    SettingException queue =
        assertThrows(SettingException.class, () -> settings(book, 1, null, true));
    assertEquals(List.of("reviewQueue", "model"), queue.settings());
    assertEquals("floor", floorOf(1.5).setting());
    assertEquals("floor", floorOf(Double.NaN).setting());
    SettingException calibration =
        assertThrows(
            SettingException.class,
            () ->
                CodingJob.prepare(
                    new CodingJob.Settings(
                        book,
                        SegmentUnit.TURN,
                        1,
                        0.5,
                        new CodingJob.Labelled("gold.jsonl", List.of()),
                        null,
                        0.5,
                        false),
                    CoreNlpAnnotator.shared(),
                    null,
                    ProgressListener.SILENT),
            "calibration needs the semantic layer");
    assertEquals(List.of("calibration", "rulesOnly"), calibration.settings());
    for (SettingException e : List.of(threads, queue, calibration)) {
      assertFalse(e.getMessage().contains("--"), "no command-line option: " + e.getMessage());
    }
  }

  private static SettingException floorOf(double floor) throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    return assertThrows(
        SettingException.class,
        () -> new CodingJob.Settings(book, SegmentUnit.TURN, 1, floor, null, null, 0.5, false));
  }

  @Test
  void rulesAloneCodeTheSampleCorpusIntoAFile(@TempDir Path dir) throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    List<String> notes = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void note(String message) {
            notes.add(message);
          }
        };
    CodingJob job =
        CodingJob.prepare(
            settings(book, 2, null, false), CoreNlpAnnotator.shared(), null, listener);
    ReadCorpus read =
        ReadCorpus.read(
            Corpus.discover(List.of(SAMPLE), TranscriptReader.registry()), ProgressListener.SILENT);
    Path target = dir.resolve("coded.jsonl");
    ExportContext context =
        new ExportContext(book, SegmentUnit.TURN, List.of("sample"), Instant.EPOCH, List.of());
    ExportSession session = CodingExporter.forFile(target).open(target, context);
    RunSummary summary = job.run(read, session, target, listener);
    assertEquals(4, summary.transcripts());
    assertTrue(summary.codings() > 0, "the rules find something in the sample corpus");
    List<String> lines = Files.readAllLines(target);
    assertEquals(
        summary.codings(),
        lines.stream().filter(l -> !l.contains("\"code\":null")).count(),
        "a line per coding, and one for each segment without a code");
    assertFalse(
        job.unusedCodes(summary).contains(summary.codingsByCode().keySet().iterator().next()));
  }
}
