package org.aet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.model.CodedTranscript;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the workbook a team discusses: "Coded segments" (one row per coding), "Segments" (every segment, coded
 * or not), "Codebook" (the codes with their definitions) and "About" (how the file was made). Rows are streamed
 * (POI SXSSF), so memory stays flat however large the corpus. Headers are frozen and filterable, long text is
 * wrapped, and text that looks like a formula is stored as text that stays text when edited.
 */
public final class XlsxExporter implements CodingExporter {
  static final String CODED_SHEET = "Coded segments";
  static final String SEGMENTS_SHEET = "Segments";
  static final String CODEBOOK_SHEET = "Codebook";
  static final String ABOUT_SHEET = "About";
  private static final int ROWS_IN_MEMORY = 200;
  private static final float POINTS_PER_LINE = 15f;
  private static final float MAX_ROW_POINTS = 409f;

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
    private final Styles styles;
    private final TableSheet<CodingTable.CodingRow> coded;
    private final TableSheet<CodingTable.SegmentRow> segments;
    private int transcripts;

    Session(AtomicOutput output, ExportContext context) {
      this.output = output;
      this.context = context;
      this.styles = new Styles(workbook);
      this.coded = new TableSheet<>(workbook.createSheet(CODED_SHEET), CodingTable.codingColumns(context.attributes()),
          styles);
      this.segments = new TableSheet<>(workbook.createSheet(SEGMENTS_SHEET), CodingTable.segmentColumns(context.attributes()),
          styles);
    }

    @Override
    public void write(CodedTranscript transcript) {
      Codebook codebook = context.codebook();
      CodingTable.codingRows(transcript, codebook).forEach(coded::add);
      CodingTable.segmentRows(transcript, codebook).forEach(segments::add);
      transcripts++;
    }

    @Override
    public void finish() throws IOException {
      coded.finish();
      segments.finish();
      writeCodebook(workbook.createSheet(CODEBOOK_SHEET));
      writeAbout(workbook.createSheet(ABOUT_SHEET));
      try (OutputStream out = Files.newOutputStream(output.temporary())) {
        workbook.write(out);
      }
      output.commit();
    }

    private void writeCodebook(SXSSFSheet sheet) {
      Codebook codebook = context.codebook();
      List<CodingTable.Column<Code>> columns = List.of(
          new CodingTable.Column<>("path", "Code path", 30, false, c -> codebook.path(c.id())),
          new CodingTable.Column<>("name", "Code", 30, false, c -> "  ".repeat(codebook.depth(c.id())) + c.name()),
          new CodingTable.Column<>("definition", "Definition", 60, true, Code::definition),
          new CodingTable.Column<>("use_when", "Use when", 45, true, Code::useWhen),
          new CodingTable.Column<>("do_not_use_when", "Do not use when", 45, true, Code::doNotUseWhen),
          new CodingTable.Column<>("examples", "Examples", 60, true, c -> String.join("\n\n", c.examples())),
          new CodingTable.Column<>("counter_examples", "Counter-examples", 45, true,
              c -> String.join("\n\n", c.counterExamples())),
          new CodingTable.Column<>("rules", "Detection rules", 45, true, Session::describeRules));
      TableSheet<Code> table = new TableSheet<>(sheet, columns, styles);
      codebook.codes().forEach(table::add);
      table.finish();
    }

    private static String describeRules(Code code) {
      StringBuilder out = new StringBuilder();
      if (!code.rules().lemmas().isEmpty()) {
        out.append("words: ").append(String.join(", ", code.rules().lemmas()));
      }
      if (!code.rules().phrases().isEmpty()) {
        out.append(out.length() > 0 ? "\n" : "").append("phrases: ").append(String.join(", ", code.rules().phrases()));
      }
      if (!code.rules().exclude().isEmpty()) {
        out.append(out.length() > 0 ? "\n" : "").append("not when: ").append(String.join(", ", code.rules().exclude()));
      }
      return out.toString();
    }

    private void writeAbout(SXSSFSheet sheet) {
      Codebook codebook = context.codebook();
      List<String[]> facts = List.of(
          new String[] {"Made by", "aet (Auto-Ethnography Toolkit) " + ExportContext.toolVersion()},
          new String[] {"Made at", context.createdAt().toString()},
          new String[] {"Input", String.join(", ", context.inputs())},
          new String[] {"Transcripts", Integer.toString(transcripts)},
          new String[] {"Codebook", codebook.title() + " (" + codebook.name() + ")"},
          new String[] {"Codebook version", codebook.version() + " (content hash of the codebook file)"},
          new String[] {"Segment unit", context.unit().label()},
          new String[] {"Codings", coded.rows() + " suggestions from detection rules: status \"suggested\" until a"
              + " person accepts or rejects them"},
          new String[] {"Offsets", "Segment ids are transcript@start-end: character positions in the normalised"
              + " transcript text (turns separated by a blank line), the same on every run"});
      TableSheet<String[]> table = new TableSheet<>(sheet, List.of(
          new CodingTable.Column<>("item", "Item", 20, false, f -> f[0]),
          new CodingTable.Column<>("value", "Value", 100, true, f -> f[1])), styles);
      facts.forEach(table::add);
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

  /** A sheet with a frozen, filterable header row, written one row at a time. */
  private static final class TableSheet<R> {
    private final SXSSFSheet sheet;
    private final List<CodingTable.Column<R>> columns;
    private final Styles styles;
    private int next = 1;

    TableSheet(SXSSFSheet sheet, List<CodingTable.Column<R>> columns, Styles styles) {
      this.sheet = sheet;
      this.columns = columns;
      this.styles = styles;
      Row header = sheet.createRow(0);
      for (int c = 0; c < columns.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(columns.get(c).header());
        cell.setCellStyle(styles.header);
        sheet.setColumnWidth(c, columns.get(c).width() * 256);
      }
      sheet.createFreezePane(0, 1);
      sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, columns.size() - 1));
      sheet.getPrintSetup().setLandscape(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
      sheet.setFitToPage(true);
    }

    void add(R value) {
      Row row = sheet.createRow(next++);
      int lines = 1;
      for (int c = 0; c < columns.size(); c++) {
        CodingTable.Column<R> column = columns.get(c);
        Object v = column.value().apply(value);
        Cell cell = row.createCell(c);
        if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
          cell.setCellStyle(n instanceof Double ? styles.decimal : styles.plain);
        } else {
          String text = SpreadsheetText.fitCell(v == null ? "" : v.toString());
          cell.setCellValue(text);
          cell.setCellStyle(styles.text(column.longText(), SpreadsheetText.looksLikeFormula(text)));
          if (column.longText()) {
            lines = Math.max(lines, wrappedLines(text, column.width()));
          }
        }
      }
      if (lines > 1) {
        row.setHeightInPoints(Math.min(MAX_ROW_POINTS, lines * POINTS_PER_LINE));
      }
    }

    /**
     * About how many lines {@code text} takes when wrapped in a column {@code width} characters wide. Spreadsheets
     * do not grow rows to fit wrapped text written by a program, so the height is set from this estimate.
     */
    static int wrappedLines(String text, int width) {
      int lines = 0;
      for (String paragraph : text.split("\n", -1)) {
        lines += Math.max(1, (int) Math.ceil(paragraph.length() * 1.1 / width));
      }
      return lines;
    }

    int rows() {
      return next - 1;
    }

    void finish() {
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(next - 1, 1), 0, columns.size() - 1));
    }
  }

  /** The few cell styles the workbook uses (a workbook may hold only so many, so they are made once). */
  private static final class Styles {
    final CellStyle header;
    final CellStyle plain;
    final CellStyle decimal;
    private final CellStyle[] texts = new CellStyle[4];

    Styles(SXSSFWorkbook workbook) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      header = workbook.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setVerticalAlignment(VerticalAlignment.TOP);
      header.setWrapText(true);
      plain = workbook.createCellStyle();
      plain.setVerticalAlignment(VerticalAlignment.TOP);
      decimal = workbook.createCellStyle();
      decimal.setVerticalAlignment(VerticalAlignment.TOP);
      decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
      for (int i = 0; i < texts.length; i++) {
        CellStyle style = workbook.createCellStyle();
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setWrapText((i & 1) != 0);
        style.setQuotePrefixed((i & 2) != 0);
        texts[i] = style;
      }
    }

    CellStyle text(boolean wrap, boolean quotePrefixed) {
      return texts[(wrap ? 1 : 0) | (quotePrefixed ? 2 : 0)];
    }
  }
}
