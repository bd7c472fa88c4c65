package org.aet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.analysis.Tabulation;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.io.AtomicOutput;
import org.aet.io.ToolVersion;
import org.aet.model.CodedTranscript;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the workbook a team discusses: "Summary" (each code's share of each case, as a table and a
 * chart), "Coded segments" (one row per coding), "Segments" (every segment, coded or not), "Cases"
 * (how often each code occurs in each case, side by side, as counts, shaded percentages and
 * residuals), "Codebook" (the codes with their definitions) and "About" (how the file was made).
 * Rows are streamed (POI SXSSF), so memory stays flat however large the corpus. Headers are frozen
 * and filterable, long text is wrapped, and text that looks like a formula is stored as text that
 * stays text when edited.
 */
public final class XlsxExporter implements CodingExporter {
  static final String SUMMARY_SHEET = "Summary";
  static final String CODED_SHEET = "Coded segments";
  static final String SEGMENTS_SHEET = "Segments";
  static final String CASES_SHEET = "Cases";
  static final String CODEBOOK_SHEET = "Codebook";
  static final String ABOUT_SHEET = "About";
  private static final int ROWS_IN_MEMORY = 200;

  @Override
  public List<String> extensions() {
    return List.of("xlsx");
  }

  @Override
  public ExportSession open(Path target, ExportContext context) throws IOException {
    return new Session(new AtomicOutput(target), context);
  }

  private static final class Session implements ExportSession {
    private final AtomicOutput output;
    private final ExportContext context;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final SheetTable.Styles styles;
    private final SheetTable<CodingTable.CodingRow> coded;
    private final SheetTable<CodingTable.SegmentRow> segments;
    private final Tabulation tabulation;
    private int transcripts;

    Session(AtomicOutput output, ExportContext context) {
      this.output = output;
      this.context = context;
      this.styles = new SheetTable.Styles(workbook);
      this.coded =
          new SheetTable<>(
              workbook.createSheet(CODED_SHEET),
              CodingTable.codingColumns(context.attributes(), context.decided()),
              styles);
      this.segments =
          new SheetTable<>(
              workbook.createSheet(SEGMENTS_SHEET),
              CodingTable.segmentColumns(
                  context.attributes(), context.indicators(), context.decided()),
              styles);
      this.tabulation = new Tabulation(context.codebook(), 0);
    }

    @Override
    public void write(CodedTranscript transcript) {
      Codebook codebook = context.codebook();
      CodingTable.codingRows(transcript, codebook).forEach(coded::add);
      CodingTable.segmentRows(transcript, codebook).forEach(segments::add);
      tabulation.add(transcript);
      transcripts++;
    }

    @Override
    public void finish() throws IOException {
      coded.finish();
      segments.finish();
      CaseComparison cases = new CaseComparison(context.codebook(), tabulation.byCase());
      SXSSFSheet casesSheet = workbook.createSheet(CASES_SHEET);
      SheetTable<CaseComparison.Row> comparison =
          new SheetTable<>(casesSheet, cases.columns(), styles);
      cases.rows().forEach(comparison::add);
      comparison.finish();
      cases.heatmap(casesSheet, context.codebook().codes().size());
      // A chart needs a sheet kept in memory; the summary is small (a row per code).
      XSSFWorkbook whole = workbook.getXSSFWorkbook();
      SummarySheet.write(
          whole.createSheet(SUMMARY_SHEET), context.codebook(), tabulation.byCase(), styles);
      whole.setSheetOrder(SUMMARY_SHEET, 0);
      whole.setActiveSheet(0);
      whole.setSelectedTab(0);
      writeCodebook(workbook.createSheet(CODEBOOK_SHEET));
      writeAbout(workbook.createSheet(ABOUT_SHEET));
      try (OutputStream out = Files.newOutputStream(output.temporary())) {
        workbook.write(out);
      }
      output.commit();
    }

    private void writeCodebook(SXSSFSheet sheet) {
      SheetTable<Code> table =
          new SheetTable<>(sheet, CodebookTable.columns(context.codebook()), styles);
      context.codebook().codes().forEach(table::add);
      table.finish();
    }

    private void writeAbout(SXSSFSheet sheet) {
      Codebook codebook = context.codebook();
      List<String[]> facts =
          List.of(
              new String[] {"Made by", "aet (Auto-Ethnography Toolkit) " + ToolVersion.current()},
              new String[] {"Made at", context.createdAt().toString()},
              new String[] {"Input", String.join(", ", context.inputs())},
              new String[] {"Transcripts", Integer.toString(transcripts)},
              new String[] {"Codebook", codebook.title() + " (" + codebook.name() + ")"},
              new String[] {
                "Codebook version", codebook.version() + " (content hash of the codebook file)"
              },
              new String[] {"Segment unit", context.unit().label()},
              new String[] {
                "Codings",
                context.decided()
                    ? coded.rows()
                        + " final codings: people's decisions in review, one row per segment, code"
                        + " and coder, or the team's consensus where it recorded one (\"Decided"
                        + " by\"), with the coder's memo"
                    : coded.rows()
                        + " suggestions made by the machine (\"Source\": rules, the codebook's"
                        + " meaning, or a learned model): status \"suggested\" until a person"
                        + " accepts or rejects them"
              },
              new String[] {
                "Offsets",
                "Segment ids are transcript@start-end: character positions in the normalised"
                    + " transcript text (turns separated by a blank line), the same on every run"
              });
      List<String[]> all = new java.util.ArrayList<>(facts);
      context.method().forEach((item, how) -> all.add(new String[] {item, how}));
      SheetTable<String[]> table =
          new SheetTable<>(
              sheet,
              List.of(
                  new CodingTable.Column<>("item", "Item", 20, false, f -> f[0]),
                  // 20 + 80 characters print on one landscape page at 8 pt or more; longer
                  // values wrap.
                  new CodingTable.Column<>("value", "Value", 80, true, f -> f[1])),
              styles);
      all.forEach(table::add);
      table.finish();
    }

    @Override
    public void close() throws IOException {
      try {
        workbook.close();
      } finally {
        output.close();
      }
    }
  }
}
