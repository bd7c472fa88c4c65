package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aet.export.CodingExporter;
import org.aet.export.ExportContext;
import org.aet.export.ExportSession;
import org.aet.model.CodedTranscript;
import org.aet.pipeline.ProgressListener;
import org.aet.report.ReviewState;
import org.aet.service.FinalExport;
import org.aet.service.NlpSettings;
import org.aet.service.NlpStack;
import org.aet.service.OutputStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's final export gives its review state to any exporter that says it uses one, not only
 * to the HTML report, and to no other: {@code FinalExport} names no exporter.
 */
class ExportExtrasTest {
  private static final Path SAMPLE = AetRunner.repositoryRoot().resolve("corpora/partnerships");

  @Test
  void theReviewStateGoesToTheExportersThatUseIt(@TempDir Path dir) throws Exception {
    Path study = dir.resolve("study.aet");
    assertEquals(0, aet("init", study.toString()).exit());
    assertEquals(0, aet("add", study.toString(), SAMPLE.toString()).exit());
    assertEquals(0, aet("code", study.toString(), "--no-semantic", "-q").exit());
    Path alice = dir.resolve("alice.xlsx");
    assertEquals(
        0,
        aet("review", "export", study.toString(), "--coder", "alice", "-o", alice.toString())
            .exit());
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(alice))) {
      Row row = workbook.getSheet("Review").getRow(2);
      row.createCell(8).setCellValue("reject"); // the decision column
      try (OutputStream out = Files.newOutputStream(alice)) {
        workbook.write(out);
      }
    }
    assertEquals(0, aet("review", "import", study.toString(), alice.toString()).exit());

    var annotator = new NlpStack(new NlpSettings(dir.resolve("cache"), true, false, false));
    Recording withReview = new Recording(Set.of(ReviewState.class));
    FinalExport.write(
        study,
        null,
        dir.resolve("a.txt"),
        withReview,
        OutputStyle.AS_WRITTEN,
        annotator.annotator(ProgressListener.SILENT));
    Optional<ReviewState> review = withReview.seen.get(0).extra(ReviewState.class);
    assertTrue(review.isPresent(), "an exporter that uses the review state gets it");
    assertTrue(review.get().segments() > 0, review.get().toString());
    assertEquals(1, review.get().reviewed(), review.get().toString());
    assertTrue(review.get().note().contains("Only alice has reviewed"), review.get().note());

    Recording plain = new Recording(Set.of());
    FinalExport.write(
        study,
        null,
        dir.resolve("b.txt"),
        plain,
        OutputStyle.AS_WRITTEN,
        annotator.annotator(ProgressListener.SILENT));
    assertTrue(plain.seen.get(0).extra(ReviewState.class).isEmpty(), "nor is it computed for it");
  }

  /** An exporter that keeps the contexts it was opened with and writes nothing. */
  private static final class Recording implements CodingExporter {
    final List<ExportContext> seen = new ArrayList<>();
    private final Set<Class<?>> uses;

    Recording(Set<Class<?>> uses) {
      this.uses = uses;
    }

    @Override
    public Set<Class<?>> uses() {
      return uses;
    }

    @Override
    public List<String> extensions() {
      return List.of("txt");
    }

    @Override
    public ExportSession open(Path target, ExportContext context) {
      seen.add(context);
      return new ExportSession() {
        @Override
        public void write(CodedTranscript coded) {}

        @Override
        public void finish() {}

        @Override
        public void close() {}
      };
    }
  }
}
