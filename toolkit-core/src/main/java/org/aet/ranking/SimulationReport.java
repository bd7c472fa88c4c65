package org.aet.ranking;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aet.diagnostics.AetException;
import org.aet.export.CodingTable.Column;
import org.aet.export.ReportFiles;
import org.aet.export.SheetTable;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A simulation's report as a file: JSON Lines with one object per target (the measures and the
 * reading order), or a workbook with the measures, the recall curves as a table and, beside it, a
 * chart of recall against the share read for any code, each tension and a random order.
 */
public final class SimulationReport {
  static final String SUMMARY_SHEET = "Summary";
  static final String CURVES_SHEET = "Curves";
  static final String STOPPING_SHEET = "Stopping";

  /** Okabe-Ito colours, told apart with every common colour-vision deficiency. */
  private static final byte[][] PALETTE = {
    rgb(0x00, 0x00, 0x00),
    rgb(0xE6, 0x9F, 0x00),
    rgb(0x56, 0xB4, 0xE9),
    rgb(0x00, 0x9E, 0x73),
    rgb(0xD5, 0x5E, 0x00),
    rgb(0xCC, 0x79, 0xA7),
    rgb(0x00, 0x72, 0xB2)
  };

  private static final byte[] GREY = rgb(0x99, 0x99, 0x99);

  private SimulationReport() {}

  private static byte[] rgb(int r, int g, int b) {
    return new byte[] {(byte) r, (byte) g, (byte) b};
  }

  /** The measures of one target, by their JSON keys. */
  public static Map<String, Object> summary(ReviewSimulation.Outcome o, int batch) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("target", o.target());
    json.put("segments", o.segments());
    json.put("relevant", o.relevant());
    json.put("batch", batch);
    for (double share : ReviewSimulation.READ_SHARES) {
      json.put("recall_at_" + Math.round(share * 100), round(o.recallAfter(share)));
    }
    json.put("reads95", o.readsFor(0.95));
    json.put("wss95", round(o.wss(0.95)));
    json.put("random_wss95", round(o.randomWss95()));
    return json;
  }

  /**
   * What held-out replays come to, by their JSON keys: how many transcripts were held out, and the
   * mean work saved at 95% recall for any code with each first-round ranking.
   */
  public static Map<String, Object> heldOutSummary(List<HeldOutSimulation.Held> held) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("held_out", held.size());
    for (HeldOutSimulation.Arm arm : HeldOutSimulation.Arm.values()) {
      summary.put(
          "mean_wss95_" + arm.name().toLowerCase(Locale.ROOT),
          HeldOutSimulation.mean(held, arm, ReviewTarget.ANY, o -> o.wss(0.95)));
    }
    return summary;
  }

  /** Writes {@code report} as .jsonl or .xlsx, whole or not at all. */
  public static void write(ReviewSimulation.Report report, int batch, Path target)
      throws AetException {
    ObjectMapper mapper = new ObjectMapper();
    ReportFiles.write(
        target,
        out -> {
          for (ReviewSimulation.Outcome o : report.outcomes()) {
            Map<String, Object> json = summary(o, batch);
            json.put("found_in_reading_order", o.found().stream().map(f -> f ? 1 : 0).toList());
            if (o.target().equals(ReviewTarget.ANY)) {
              json.put("stopping", report.stopping());
            }
            out.write(mapper.writeValueAsString(json));
            out.write('\n');
          }
        },
        (workbook, styles) -> {
          SheetTable<Map<String, Object>> table =
              new SheetTable<>(
                  workbook.createSheet(SUMMARY_SHEET),
                  columns(summary(report.outcomes().get(0), batch)),
                  styles);
          report.outcomes().forEach(o -> table.add(summary(o, batch)));
          table.finish();
          stopping(workbook, styles, report.stopping());
          // A chart needs a sheet kept in memory; the curves are small (one row per segment).
          curves(workbook.getXSSFWorkbook().createSheet(CURVES_SHEET), report);
        });
  }

  /** A row per round: what the team would have been told was left, and what really was. */
  private static void stopping(
      org.apache.poi.xssf.streaming.SXSSFWorkbook workbook,
      SheetTable.Styles styles,
      List<ReviewSimulation.Checkpoint> checkpoints) {
    SheetTable<ReviewSimulation.Checkpoint> table =
        new SheetTable<>(
            workbook.createSheet(STOPPING_SHEET),
            List.of(
                new Column<>("read", "Segments read", 14, false, ReviewSimulation.Checkpoint::read),
                new Column<>(
                    "found", "With a code, found", 18, false, ReviewSimulation.Checkpoint::found),
                new Column<>(
                    "left",
                    "With a code, really left",
                    22,
                    false,
                    ReviewSimulation.Checkpoint::left),
                new Column<>(
                    "estimated",
                    "Estimated left (as the round said)",
                    30,
                    false,
                    c -> round(c.estimated()))),
            styles);
    checkpoints.forEach(table::add);
    table.finish();
  }

  /**
   * Writes a held-out replay as .jsonl or .xlsx (a row per transcript held out, first-round ranking
   * and target), whole or not at all.
   */
  public static void writeHeldOut(List<HeldOutSimulation.Held> held, int batch, Path target)
      throws AetException {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (HeldOutSimulation.Held h : held) {
      for (HeldOutSimulation.Arm arm : HeldOutSimulation.Arm.values()) {
        for (ReviewSimulation.Outcome o : arm.of(h).outcomes()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("held_out", h.transcript());
          row.put("first_rounds", arm.label());
          row.putAll(summary(o, batch));
          rows.add(row);
        }
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    ReportFiles.write(
        target,
        out -> {
          for (Map<String, Object> row : rows) {
            out.write(mapper.writeValueAsString(row));
            out.write('\n');
          }
        },
        (workbook, styles) -> {
          SheetTable<Map<String, Object>> table =
              new SheetTable<>(workbook.createSheet(SUMMARY_SHEET), columns(rows.get(0)), styles);
          rows.forEach(table::add);
          table.finish();
        });
  }

  private static List<Column<Map<String, Object>>> columns(Map<String, Object> first) {
    return first.keySet().stream()
        .map(
            k ->
                new Column<Map<String, Object>>(
                    k,
                    k.replace('_', ' '),
                    k.equals("target") ? 44 : 14,
                    false,
                    m -> {
                      Object v = m.get(k);
                      return v instanceof Double d && d.isNaN() ? "" : v;
                    }))
        .toList();
  }

  /** Recall after each read for "any code", each tension and a random order, and their chart. */
  private static void curves(XSSFSheet sheet, ReviewSimulation.Report report) {
    List<ReviewSimulation.Outcome> shown =
        report.outcomes().stream()
            .filter(o -> o.target().equals(ReviewTarget.ANY) || !o.target().contains("/"))
            .toList();
    int n = shown.get(0).segments();
    curveRows(sheet, shown, n);
    curveChart(sheet, shown, n);
  }

  /** A heading, then one row per segment read (0 to {@code n}): the share read and each recall. */
  private static void curveRows(XSSFSheet sheet, List<ReviewSimulation.Outcome> shown, int n) {
    Row head = sheet.createRow(0);
    head.createCell(0).setCellValue("share read");
    for (int c = 0; c < shown.size(); c++) {
      head.createCell(c + 1).setCellValue(shown.get(c).target());
    }
    head.createCell(shown.size() + 1).setCellValue("random order");
    int[] found = new int[shown.size()];
    for (int k = 0; k <= n; k++) {
      Row row = sheet.createRow(k + 1);
      row.createCell(0).setCellValue(k / (double) n);
      for (int c = 0; c < shown.size(); c++) {
        ReviewSimulation.Outcome o = shown.get(c);
        if (k > 0 && o.found().get(k - 1)) {
          found[c]++;
        }
        row.createCell(c + 1).setCellValue(found[c] / (double) o.relevant());
      }
      row.createCell(shown.size() + 1).setCellValue(k / (double) n);
    }
  }

  /** The chart of the rows {@link #curveRows} wrote, beside them, printable on one page. */
  private static void curveChart(XSSFSheet sheet, List<ReviewSimulation.Outcome> shown, int n) {
    XSSFChart chart =
        sheet
            .createDrawingPatriarch()
            .createChart(
                new XSSFClientAnchor(0, 0, 0, 0, shown.size() + 3, 1, shown.size() + 11, 24));
    // Landscape, and a chart narrow enough to print on one page.
    sheet.getPrintSetup().setLandscape(true);
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
    chart.setTitleText("Recall by share read, in ranked order");
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFValueAxis bottom = chart.createValueAxis(AxisPosition.BOTTOM);
    bottom.setTitle("share of segments read");
    bottom.setMinimum(0);
    bottom.setMaximum(1);
    XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
    left.setTitle("recall");
    left.setMinimum(0);
    left.setMaximum(1);
    left.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFScatterChartData data =
        (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, bottom, left);
    data.setStyle(ScatterStyle.LINE);
    XDDFNumericalDataSource<Double> shares =
        XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, n + 1, 0, 0));
    for (int c = 1; c <= shown.size() + 1; c++) {
      XDDFNumericalDataSource<Double> recall =
          XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, n + 1, c, c));
      XDDFScatterChartData.Series series =
          (XDDFScatterChartData.Series) data.addSeries(shares, recall);
      series.setTitle(c <= shown.size() ? shown.get(c - 1).target() : "random order", null);
      series.setSmooth(false);
      series.setMarkerStyle(MarkerStyle.NONE);
      series.setLineProperties(curveLine(c, c > shown.size()));
    }
    chart.plot(data);
  }

  /**
   * The line of the curve in column {@code column} (the first thicker, the random order grey and
   * dashed). Without line properties a scatter series without markers draws nothing in LibreOffice.
   */
  private static XDDFLineProperties curveLine(int column, boolean random) {
    XDDFLineProperties line =
        new XDDFLineProperties(
            new XDDFSolidFillProperties(XDDFColor.from(PALETTE[(column - 1) % PALETTE.length])));
    line.setWidth(column == 1 ? 2.5 : 1.5);
    if (random) {
      line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(GREY)));
      line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
    }
    return line;
  }

  private static double round(double value) {
    return Double.isNaN(value) ? Double.NaN : Math.round(value * 1000) / 1000.0;
  }
}
