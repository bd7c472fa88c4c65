package org.aet.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.export.CodedJsonl;
import org.aet.export.ExportContext;
import org.aet.model.CodedTranscript;
import org.aet.model.Indicators;
import org.aet.model.Transcript;
import org.aet.pipeline.ReadCorpus;
import org.aet.report.HtmlReport;
import org.aet.segment.SegmentUnit;

/**
 * The report from coded JSON Lines files that {@code aet code} wrote: the codings read back as they
 * are, with no language processing, so the page is the one coding them would give ({@code aet
 * report coded.jsonl}).
 */
public final class CodedReport {
  private CodedReport() {}

  /**
   * Writes the report of {@code files}, coded against {@code book} in segments of {@code unit}, to
   * {@code output} in {@code style}: the whole page or none.
   *
   * @return how many transcripts the page shows
   * @throws AetException when a file is not coded against {@code book}, the key does not cover it
   *     or the page cannot be written
   */
  public static int write(
      List<Path> files, Codebook book, SegmentUnit unit, Path output, OutputStyle style)
      throws AetException {
    List<CodedTranscript> coded = new ArrayList<>();
    for (Path file : files) {
      coded.addAll(CodedJsonl.read(file, book));
    }
    List<Transcript> transcripts = coded.stream().map(CodedTranscript::transcript).toList();
    OutputStyle.Applied applied = style.applyTo(transcripts);
    ExportContext context =
        new ExportContext(
            book,
            unit,
            applied.inputs(files.stream().map(Path::toString).toList()),
            Instant.now(),
            ReadCorpus.of(transcripts).attributes(),
            Indicators.standard());
    applied.write(new HtmlReport(), output, context, coded);
    return coded.size();
  }
}
