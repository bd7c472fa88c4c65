package org.aet.export;

import java.util.List;
import org.aet.analysis.CodeTable;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The Summary sheet, first in the workbook: each code's share of each case's segments as a table
 * and as a native bar chart (one colour per case, colour-blind safe), so a team sees its cases side
 * by side before reading any rows. The chart is drawn from the table's cells, so it stays a real
 * Excel and LibreOffice chart that follows edits.
 */
final class SummarySheet {
  static final String TITLE = "Code shares by case";

  /** The row of the table's header; the codes follow it. */
  static final int HEADER_ROW = 3;

  private SummarySheet() {}

  static void write(XSSFSheet sheet, Codebook codebook, CodeTable table, SheetTable.Styles styles) {
    List<String> cases = table.groups();
    List<Code> codes = codebook.codes();
    sheet.createRow(0).createCell(0).setCellValue(TITLE);
    sheet.getRow(0).getCell(0).setCellStyle(styles.header);
    sheet
        .createRow(1)
        .createCell(0)
        .setCellValue(
            "The share of each case's segments that got the code (a tension counts the segments of"
                + " its codes). The Cases sheet has the counts, and residuals that mark where a case"
                + " has clearly more or less of a code than the others.");
    sheet.getRow(1).getCell(0).setCellStyle(styles.text(true, false));
    sheet.getRow(1).setHeightInPoints(45);
    if (!cases.isEmpty()) {
      sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, cases.size()));
    }
    Row header = sheet.createRow(HEADER_ROW);
    header.createCell(0).setCellValue("Code");
    sheet.setColumnWidth(0, 44 * 256);
    for (int c = 0; c < cases.size(); c++) {
      header.createCell(c + 1).setCellValue(cases.get(c));
      sheet.setColumnWidth(c + 1, Math.max(12, Math.min(cases.get(c).length() + 2, 20)) * 256);
    }
    header.forEach(cell -> cell.setCellStyle(styles.header));
    for (int r = 0; r < codes.size(); r++) {
      Code code = codes.get(r);
      Row row = sheet.createRow(HEADER_ROW + 1 + r);
      row.createCell(0).setCellValue("  ".repeat(codebook.depth(code.id())) + code.name());
      for (int c = 0; c < cases.size(); c++) {
        Cell cell = row.createCell(c + 1);
        cell.setCellValue(table.share(code.id(), cases.get(c)));
        cell.setCellStyle(styles.percent);
      }
    }
    int last = HEADER_ROW + codes.size();
    sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, cases.size()));
    if (!cases.isEmpty() && !codes.isEmpty()) {
      chart(sheet, cases.size(), codes.size(), last);
    }
    PrintLayout.readable(sheet, cases.size() + 1);
  }

  private static void chart(XSSFSheet sheet, int cases, int codes, int last) {
    int top = last + 2;
    int height = Math.max(16, codes * Math.max(1, cases) / 3 + 6);
    XSSFChart chart =
        sheet
            .createDrawingPatriarch()
            .createChart(new XSSFClientAnchor(0, 0, 0, 0, 0, top, cases + 1, top + height));
    chart.setTitleText(TITLE);
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis codeAxis = chart.createCategoryAxis(AxisPosition.LEFT);
    codeAxis.setOrientation(AxisOrientation.MAX_MIN); // codebook order from the top down
    XDDFValueAxis shareAxis = chart.createValueAxis(AxisPosition.BOTTOM);
    shareAxis.setTitle("share of the case's segments");
    shareAxis.setMinimum(0);
    shareAxis.setCrosses(AxisCrosses.AUTO_ZERO);
    shareAxis.setNumberFormat("0%");
    XDDFBarChartData data =
        (XDDFBarChartData) chart.createData(ChartTypes.BAR, codeAxis, shareAxis);
    data.setBarDirection(BarDirection.BAR);
    data.setBarGrouping(BarGrouping.CLUSTERED);
    data.setVaryColors(false);
    XDDFCategoryDataSource names =
        XDDFDataSourcesFactory.fromStringCellRange(
            sheet, new CellRangeAddress(HEADER_ROW + 1, last, 0, 0));
    for (int c = 1; c <= cases; c++) {
      XDDFNumericalDataSource<Double> shares =
          XDDFDataSourcesFactory.fromNumericCellRange(
              sheet, new CellRangeAddress(HEADER_ROW + 1, last, c, c));
      XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(names, shares);
      series.setTitle(sheet.getRow(HEADER_ROW).getCell(c).getStringCellValue(), null);
      series.setFillProperties(
          new XDDFSolidFillProperties(XDDFColor.from(Palette.rgb(Palette.series(c - 1)))));
    }
    chart.plot(data);
  }
}
