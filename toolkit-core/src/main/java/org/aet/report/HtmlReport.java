package org.aet.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.aet.analysis.Tabulation;
import org.aet.export.CodingExporter;
import org.aet.export.ExportContext;
import org.aet.export.ExportSession;
import org.aet.io.AtomicOutput;
import org.aet.model.CodedTranscript;

/**
 * Writes the report ({@code .html}): one self-contained page a team can open together, from any
 * coded transcripts. Transcripts are counted as they stream past and only a few candidate quotes
 * per code and case are kept, so memory stays small; the page is written to a temporary file and
 * moved into place when complete. For a project it also shows the review and the coders' agreement,
 * the {@link ReviewState} its export context carries.
 */
public final class HtmlReport implements CodingExporter {
  /** Quotes shown per code and case. */
  static final int QUOTES = 3;

  /**
   * The report's comparison of cases (share of each case's segments with each code, the clear
   * differences marked, and its bar chart) as an HTML section, for another page that shows it: the
   * workspace's Team page.
   */
  public static String caseComparison(org.aet.analysis.Tabulation tab) {
    return ReportPage.cases(tab);
  }

  /**
   * The style rules {@link #caseComparison}'s shading and indentation need, for a page that serves
   * its own style sheet.
   */
  public static String caseComparisonStyle() {
    return ReportStyle.TABLES;
  }

  /** Shows a project's review state when the context carries one. */
  @Override
  public Set<Class<?>> uses() {
    return Set.of(ReviewState.class);
  }

  @Override
  public List<String> extensions() {
    return List.of("html");
  }

  @Override
  public ExportSession open(Path target, ExportContext context) throws IOException {
    AtomicOutput output = new AtomicOutput(target);
    Tabulation tab = new Tabulation(context.codebook(), QUOTES);
    ReviewState review = context.extra(ReviewState.class).orElse(null);
    return new ExportSession() {
      @Override
      public void write(CodedTranscript transcript) {
        tab.add(transcript);
      }

      @Override
      public void finish() throws IOException {
        Files.writeString(
            output.temporary(), ReportPage.render(tab, context, review), StandardCharsets.UTF_8);
        output.commit();
      }

      @Override
      public void close() throws IOException {
        output.close();
      }
    };
  }
}
