package org.aet.export;

import java.util.List;
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
 * A streamed sheet laid out for people: a bold, frozen, filterable header row, column widths,
 * wrapped long text with rows tall enough to show it, landscape printing one page wide, and text
 * that looks like a formula stored so that it stays text. Every aet workbook is made of these.
 */
public final class SheetTable<R> {
  private static final float POINTS_PER_LINE = 15f;
  private static final float MAX_ROW_POINTS = 409f;

  private final SXSSFSheet sheet;
  private final List<CodingTable.Column<R>> columns;
  private final Styles styles;
  private int next = 1;

  public SheetTable(SXSSFSheet sheet, List<CodingTable.Column<R>> columns, Styles styles) {
    this.sheet = sheet;
    this.columns = columns;
    this.styles = styles;
    Row header = sheet.createRow(0);
    int lines = 1;
    for (int c = 0; c < columns.size(); c++) {
      Cell cell = header.createCell(c);
      cell.setCellValue(columns.get(c).header());
      cell.setCellStyle(styles.header);
      sheet.setColumnWidth(c, columns.get(c).width() * 256);
      lines = Math.max(lines, wrappedLines(columns.get(c).header(), columns.get(c).width() - 1));
    }
    // Wrapped headers get the height they need, so they never run into the first row.
    header.setHeightInPoints(lines * POINTS_PER_LINE);
    sheet.createFreezePane(0, 1);
    sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    PrintLayout.readable(sheet, columns.size());
  }

  public void add(R value) {
    Row row = sheet.createRow(next++);
    int lines = 1;
    for (int c = 0; c < columns.size(); c++) {
      CodingTable.Column<R> column = columns.get(c);
      Object v = column.value().apply(value);
      Cell cell = row.createCell(c);
      if (v instanceof Share share) {
        cell.setCellValue(share.value());
        cell.setCellStyle(styles.percent);
      } else if (v instanceof Number n) {
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
   * About how many lines {@code text} takes when wrapped in a column {@code width} characters wide.
   * Spreadsheets do not grow rows to fit wrapped text written by a program, so the height is set
   * from this estimate.
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

  public void finish() {
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(next - 1, 1), 0, columns.size() - 1));
  }

  /**
   * The few cell styles the workbook uses (a workbook may hold only so many, so they are made
   * once).
   */
  public static final class Styles {
    final CellStyle header;
    final CellStyle plain;
    final CellStyle decimal;
    final CellStyle percent;
    private final CellStyle[] texts = new CellStyle[4];

    public Styles(SXSSFWorkbook workbook) {
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
      percent = workbook.createCellStyle();
      percent.setVerticalAlignment(VerticalAlignment.TOP);
      percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
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
