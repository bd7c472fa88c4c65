package org.aet.export;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The conventions of every workbook a person fills in for aet (coding review, pseudonym review): a
 * grey bold header that wraps; locked cells for what aet wrote and light yellow unlocked cells for
 * what the person decides; a drop-down list for decisions; frozen header, filters and sorting that
 * still work on the protected sheet, and a page layout that prints.
 */
public final class ReviewSheets {
  private ReviewSheets() {}

  /** The header style. */
  public static CellStyle header(Workbook workbook) {
    Font bold = workbook.createFont();
    bold.setBold(true);
    CellStyle style = workbook.createCellStyle();
    style.setFont(bold);
    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    style.setWrapText(true);
    return style;
  }

  /** Writes {@code headers} into row 0 in {@code style}, with column widths in characters. */
  public static void headerRow(Sheet sheet, List<String> headers, int[] widths, CellStyle style) {
    org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
    for (int c = 0; c < headers.size(); c++) {
      org.apache.poi.ss.usermodel.Cell cell = head.createCell(c);
      cell.setCellValue(headers.get(c));
      cell.setCellStyle(style);
      sheet.setColumnWidth(c, widths[c] * 256);
    }
  }

  /** A body style: locked (aet's) or open (light yellow, for the person), wrapping or not. */
  public static CellStyle body(Workbook workbook, boolean locked, boolean wrap) {
    CellStyle style = workbook.createCellStyle();
    style.setLocked(locked);
    style.setWrapText(wrap);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    if (!locked) {
      style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
    return style;
  }

  /** A drop-down of {@code choices} on rows {@code 1..lastRow} of {@code column}. */
  public static void dropdown(
      Sheet sheet, List<String> choices, int lastRow, int column, String title, String error) {
    if (lastRow < 1) {
      return;
    }
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidation dropdown =
        helper.createValidation(
            helper.createExplicitListConstraint(choices.toArray(String[]::new)),
            new CellRangeAddressList(1, lastRow, column, column));
    dropdown.setShowErrorBox(true);
    dropdown.createErrorBox(title, error);
    sheet.addValidationData(dropdown);
  }

  /**
   * Freezes the header, adds filters, repeats the header on printed pages, lays the sheet out to
   * print and protects it (filters and sorting stay usable).
   */
  public static void finish(Sheet sheet, int columns, int lastRow) {
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, lastRow), 0, columns - 1));
    sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, columns - 1));
    PrintLayout.readable(sheet, columns);
    sheet.protectSheet("");
    ((XSSFSheet) sheet).lockAutoFilter(false);
    ((XSSFSheet) sheet).lockSort(false);
  }
}
