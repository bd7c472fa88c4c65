package org.aet.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.AetException;
import org.aet.export.CodingExporter;
import org.aet.export.ExportContext;
import org.aet.model.CodedTranscript;
import org.aet.model.Indicators;
import org.aet.model.Transcript;
import org.aet.nlp.Annotator;
import org.aet.pipeline.ReadCorpus;
import org.aet.project.FinalCoding;
import org.aet.project.ProjectReview;
import org.aet.project.ProjectStore;
import org.aet.report.ReviewState;

/**
 * Writes a project's final coding (the consensus where the team recorded one, elsewhere each
 * coder's latest decision) to one file: the work behind {@code aet export} and {@code aet report}
 * on a project. A report shows the review status and the coders' agreement too; the file says how
 * the suggestions the team reviewed were made.
 */
public final class FinalExport {
  private FinalExport() {}

  /**
   * Writes the final coding of {@code project} against {@code codebookName} (null: the latest
   * decision's) to {@code output} with {@code exporter}, in {@code style}: the whole file or none.
   * The caller shows the result's notes.
   *
   * @param annotator annotates transcripts whose stored annotation is out of date
   * @throws AetException when the project cannot be read, holds no decision against the codebook,
   *     the key does not cover it or the file cannot be written
   */
  public static FinalCoding.Result write(
      Path project,
      String codebookName,
      Path output,
      CodingExporter exporter,
      OutputStyle style,
      Annotator annotator)
      throws AetException {
    FinalCoding.Result result;
    ReviewState review = null;
    Map<String, String> method;
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      result = FinalCoding.of(store, codebookName, annotator);
      method = FinalCoding.reviewedMethod(store);
      if (exporter.uses().contains(ReviewState.class)) {
        review = ProjectReview.of(store);
      }
    }
    List<Transcript> transcripts =
        result.coded().stream().map(CodedTranscript::transcript).toList();
    OutputStyle.Applied applied = style.applyTo(transcripts);
    ExportContext context =
        new ExportContext(
                result.codebook(),
                result.unit(),
                applied.inputs(List.of(project.toString())),
                Instant.now(),
                ReadCorpus.of(transcripts).attributes(),
                Indicators.standard(),
                true)
            .withMethod(method);
    if (review != null) {
      context =
          context.with(
              ReviewState.class,
              applied.pseudonymiser() == null ? review : review.renamed(applied::names));
    }
    applied.write(exporter, output, context, result.coded());
    return result;
  }
}
