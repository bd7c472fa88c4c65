package org.aet.export;

import java.util.HashMap;
import java.util.Map;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The codebook as a printed document: each code a block headed by its number, name and a swatch of
 * its colour, then its path, definition, when to use it and when not, examples and rules, one below
 * the other in a column narrow enough to print on A4 at full size. The page header names the
 * codebook and its version, the footer numbers the pages, and no block is split from its heading.
 */
final class CodebookSheet {
  static final String NAME = "Codebook";
  private static final int LABEL_WIDTH = 16;
  private static final int TEXT_WIDTH = 70;

  private CodebookSheet() {}

  static void write(SXSSFWorkbook workbook, Codebook codebook) {
    SXSSFSheet sheet = workbook.createSheet(NAME);
    sheet.setColumnWidth(0, 3 * 256);
    sheet.setColumnWidth(1, LABEL_WIDTH * 256);
    sheet.setColumnWidth(2, TEXT_WIDTH * 256);
    sheet.setDisplayGridlines(false);
    sheet.setPrintGridlines(false);
    Styles styles = new Styles(workbook);
    int r = 0;
    Row title = sheet.createRow(r++);
    cell(title, 1, codebook.title(), styles.title);
    title.setHeightInPoints(24);
    Row version = sheet.createRow(r++);
    cell(
        version,
        1,
        "Codebook " + codebook.name() + ", version " + codebook.version(),
        styles.label);
    sheet.addMergedRegion(new CellRangeAddress(1, 1, 1, 2));
    if (!codebook.description().isBlank()) {
      r = field(sheet, r, "", codebook.description(), styles);
    }
    r++;
    int colour = 0;
    for (Code code : codebook.codes()) {
      String hex = code.colour().isBlank() ? Palette.series(colour++) : code.colour();
      Row heading = sheet.createRow(r++);
      heading.setHeightInPoints(20);
      cell(heading, 0, "", styles.swatch(hex));
      cell(heading, 1, codebook.outlineNumber(code) + "  " + code.name(), styles.heading);
      sheet.addMergedRegion(new CellRangeAddress(heading.getRowNum(), heading.getRowNum(), 1, 2));
      r = field(sheet, r, "Code path", codebook.path(code.id()), styles);
      r = field(sheet, r, "Definition", code.definition(), styles);
      r = field(sheet, r, "Use when", code.useWhen(), styles);
      r = field(sheet, r, "Do not use when", code.doNotUseWhen(), styles);
      r = field(sheet, r, "Examples", String.join("\n\n", code.examples()), styles);
      r = field(sheet, r, "Counter-examples", String.join("\n\n", code.counterExamples()), styles);
      r = field(sheet, r, "Detection rules", CodebookTable.describe(code.rules()), styles);
      r++;
    }
    sheet.getHeader().setLeft(codebook.title());
    sheet.getHeader().setRight(codebook.name() + " version " + codebook.version());
    sheet.getFooter().setCenter("Page &P of &N");
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(false);
    // The columns fit portrait A4 at full size in Excel's font; where another font is wider (no
    // Calibri in LibreOffice), the page is scaled to its width, a little, rather than cut in two.
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT, 0.5);
    sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT, 0.5);
  }

  private static int field(SXSSFSheet sheet, int r, String label, String text, Styles styles) {
    if (text.isBlank()) {
      return r;
    }
    Row row = sheet.createRow(r);
    cell(row, 1, label, styles.label);
    cell(
        row, 2, SpreadsheetText.fitCell(text), styles.text(SpreadsheetText.looksLikeFormula(text)));
    row.setHeightInPoints(
        Math.min(409f, SheetTable.wrappedLines(text, TEXT_WIDTH - 4) * 14.5f + 3));
    return r + 1;
  }

  private static void cell(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  /** The styles of the document: a workbook may hold only so many, so each is made once. */
  private static final class Styles {
    private final SXSSFWorkbook workbook;
    final CellStyle title;
    final CellStyle heading;
    final CellStyle label;
    private final CellStyle text;
    private final CellStyle formulaLike;
    private final Map<String, CellStyle> swatches = new HashMap<>();

    Styles(SXSSFWorkbook workbook) {
      this.workbook = workbook;
      title = style(font(16, true), false);
      heading = style(font(13, true), false);
      heading.setBorderBottom(BorderStyle.THIN);
      label = style(font(10, true), false);
      text = style(font(11, false), true);
      formulaLike = style(font(11, false), true);
      formulaLike.setQuotePrefixed(true);
    }

    CellStyle text(boolean looksLikeFormula) {
      return looksLikeFormula ? formulaLike : text;
    }

    CellStyle swatch(String hex) {
      return swatches.computeIfAbsent(
          hex.toUpperCase(java.util.Locale.ROOT),
          h -> {
            XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
            style.setFillForegroundColor(new XSSFColor(Palette.rgb(h), null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
          });
    }

    private Font font(int points, boolean bold) {
      Font font = workbook.createFont();
      font.setFontHeightInPoints((short) points);
      font.setBold(bold);
      return font;
    }

    private CellStyle style(Font font, boolean wrap) {
      CellStyle style = workbook.createCellStyle();
      style.setFont(font);
      style.setWrapText(wrap);
      style.setVerticalAlignment(VerticalAlignment.TOP);
      return style;
    }
  }
}
