package org.aet.export;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * How a wide table prints so that people can read it: landscape A4, the header row on every page,
 * and squeezed to fit the page width only as far as the text stays at 8 pt or more; a wider table
 * goes across as many pages as that takes, printed row band by row band (across, then down) so that
 * the pages of one row come together.
 */
public final class PrintLayout {
  /** The width of landscape A4 inside Excel's default margins, in points. */
  static final double PAGE_WIDTH_POINTS = 297 / 25.4 * 72 - 2 * 0.7 * 72;

  /** One character of column width in the default 11 pt font, in points (7 pixels at 96 dpi). */
  static final double POINTS_PER_CHARACTER = 5.25;

  /** The smallest print scale that keeps 11 pt text at 8 pt or more. */
  static final double SMALLEST_SCALE = 8.0 / 11.0;

  private PrintLayout() {}

  /** Sets up {@code sheet}, whose table is {@code columns} wide, to print readably. */
  public static void readable(Sheet sheet, int columns) {
    double points = 0;
    for (int c = 0; c < columns; c++) {
      points += sheet.getColumnWidth(c) / 256.0 * POINTS_PER_CHARACTER;
    }
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(true);
    print.setFitWidth((short) pagesAcross(points));
    print.setFitHeight((short) 0);
    print.setLeftToRight(true);
    sheet.setFitToPage(true);
  }

  /** How many pages a table {@code points} wide needs across to print at 8 pt or more. */
  static int pagesAcross(double points) {
    return Math.max(1, (int) Math.ceil(points / (PAGE_WIDTH_POINTS * SMALLEST_SCALE)));
  }
}
