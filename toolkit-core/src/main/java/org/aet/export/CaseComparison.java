package org.aet.export;

import java.util.ArrayList;
import java.util.List;
import org.aet.analysis.CodeTable;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFColorScaleFormatting;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;

/**
 * The Cases sheet: for each code, how many segments of each case got it, the share of the case's
 * segments as a percentage (shaded as a heatmap, darker for more), and the standardised residual
 * (blue where a case has clearly more of the code than the others, orange where clearly less).
 */
final class CaseComparison {
  /** One code's row; the totals row has a null code. */
  record Row(Code code, String name) {}

  private final Codebook codebook;
  private final CodeTable table;

  CaseComparison(Codebook codebook, CodeTable table) {
    this.codebook = codebook;
    this.table = table;
  }

  /** A row per code in codebook order, then the segments per case. */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Code code : codebook.codes()) {
      rows.add(new Row(code, "  ".repeat(codebook.depth(code.id())) + code.name()));
    }
    rows.add(new Row(null, "Segments in the case"));
    return rows;
  }

  /** The columns: the code, then a count, a percentage and a residual per case. */
  List<CodingTable.Column<Row>> columns() {
    List<CodingTable.Column<Row>> columns = new ArrayList<>();
    columns.add(
        new CodingTable.Column<>(
            "path",
            "Code path",
            24,
            false,
            r -> r.code() == null ? "" : codebook.path(r.code().id())));
    columns.add(new CodingTable.Column<>("name", "Code", 34, false, Row::name));
    List<String> cases = table.groups();
    for (String caseName : cases) {
      columns.add(
          new CodingTable.Column<>(
              caseName,
              caseName,
              width(caseName),
              false,
              r ->
                  r.code() == null
                      ? table.segments(caseName)
                      : table.count(r.code().id(), caseName)));
    }
    for (String caseName : cases) {
      columns.add(
          new CodingTable.Column<>(
              caseName + " %",
              caseName + " %",
              width(caseName),
              false,
              r ->
                  r.code() == null
                      ? ""
                      : (Object) new Share(table.share(r.code().id(), caseName))));
    }
    for (String caseName : cases) {
      columns.add(
          new CodingTable.Column<>(
              caseName + " residual",
              caseName + " residual",
              width(caseName),
              false,
              r -> {
                double residual =
                    r.code() == null ? Double.NaN : table.residual(r.code().id(), caseName);
                return Double.isNaN(residual) ? "" : (Object) (Math.round(residual * 10) / 10.0);
              }));
    }
    return columns;
  }

  private static int width(String caseName) {
    return Math.max(10, Math.min(caseName.length() + 2, 18));
  }

  /**
   * Shades the percentages white to blue, and the residuals orange (clearly less, -3) through white
   * (as expected) to blue (clearly more, +3), on {@code sheet} whose code rows are 1 to {@code
   * codes}.
   */
  void heatmap(SXSSFSheet sheet, int codes) {
    int cases = table.groups().size();
    if (cases == 0 || codes == 0) {
      return;
    }
    SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
    int first = 2 + cases;
    XSSFConditionalFormattingRule shares =
        (XSSFConditionalFormattingRule) formatting.createConditionalFormattingColorScaleRule();
    XSSFColorScaleFormatting scale = shares.getColorScaleFormatting();
    scale.setNumControlPoints(2);
    scale.getThresholds()[0].setRangeType(RangeType.NUMBER);
    scale.getThresholds()[0].setValue(0d);
    scale.getThresholds()[1].setRangeType(RangeType.MAX);
    scale.setColors(new XSSFColor[] {colour("#FFFFFF"), colour("#6BAED6")});
    formatting.addConditionalFormatting(
        new CellRangeAddress[] {new CellRangeAddress(1, codes, first, first + cases - 1)}, shares);
    XSSFConditionalFormattingRule residuals =
        (XSSFConditionalFormattingRule) formatting.createConditionalFormattingColorScaleRule();
    XSSFColorScaleFormatting diverging = residuals.getColorScaleFormatting();
    double[] points = {-3, 0, 3};
    for (int i = 0; i < 3; i++) {
      diverging.getThresholds()[i].setRangeType(RangeType.NUMBER);
      diverging.getThresholds()[i].setValue(points[i]);
    }
    diverging.setColors(
        new XSSFColor[] {colour(Palette.LESS), colour(Palette.NEUTRAL), colour("#56B4E9")});
    formatting.addConditionalFormatting(
        new CellRangeAddress[] {
          new CellRangeAddress(1, codes, first + cases, first + 2 * cases - 1)
        },
        residuals);
  }

  private static XSSFColor colour(String hex) {
    return new XSSFColor(Palette.rgb(hex), null);
  }
}
