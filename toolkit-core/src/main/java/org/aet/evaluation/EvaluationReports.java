package org.aet.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aet.diagnostics.AetException;
import org.aet.export.CodingTable.Column;
import org.aet.export.ReportFiles;
import org.aet.export.SheetTable;

/**
 * An evaluation report as a table in the terminal, a workbook, or JSON Lines (one object per code).
 */
public final class EvaluationReports {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EvaluationReports() {}

  /** The report as aligned text: per code, the averages, and the confusions. */
  public static void print(Evaluation.Report report, PrintWriter out) {
    out.printf("Scored %d gold segment(s)", report.units());
    if (report.missingPredictions() > 0) {
      out.printf(
          " (%d not in the predicted file: counted as coded with nothing)",
          report.missingPredictions());
    }
    out.println(".");
    int width =
        Math.max(14, report.codes().stream().mapToInt(c -> c.code().length()).max().orElse(0));
    out.printf(
        "%-" + width + "s %9s %7s %7s %7s %8s%n",
        "code",
        "precision",
        "recall",
        "F1",
        "kappa",
        "support");
    for (Evaluation.CodeScore s : all(report)) {
      out.printf(
          Locale.ROOT,
          "%-" + width + "s %9s %7s %7s %7s %8d%n",
          s.code(),
          shown(s.precision()),
          shown(s.recall()),
          shown(s.f1()),
          shown(s.kappa()),
          s.support());
    }
    out.println(
        "n/a: undefined (precision with nothing predicted, recall with nothing in the gold file, F1 and kappa with the code in neither);"
            + " the macro average is over "
            + report.macroScope()
            + ", each where defined.");
    if (!report.confusions().isEmpty()) {
      out.println();
      out.println(
          "Most common confusions (gold code missed -> code predicted instead, on the same segment):");
      report
          .confusions()
          .forEach(c -> out.printf("  %4d  %s -> %s%n", c.count(), c.gold(), c.predicted()));
    }
    out.flush();
  }

  /**
   * Writes the report as .xlsx (per code, confusions) or .jsonl (one object per code, then the
   * averages).
   */
  public static void write(Evaluation.Report report, Path target) throws AetException {
    ReportFiles.write(
        target,
        out -> {
          for (Evaluation.CodeScore s : all(report)) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", s.code());
            line.put("precision", defined(s.precision()));
            line.put("recall", defined(s.recall()));
            line.put("f1", defined(s.f1()));
            line.put("kappa", defined(s.kappa()));
            line.put("support", s.support());
            line.put("true_positives", s.truePositives());
            line.put("false_positives", s.falsePositives());
            line.put("false_negatives", s.falseNegatives());
            out.write(MAPPER.writeValueAsString(line));
            out.write('\n');
          }
        },
        (workbook, styles) -> {
          SheetTable<Evaluation.CodeScore> codes =
              new SheetTable<>(
                  workbook.createSheet("Per code"),
                  List.of(
                      new Column<>("code", "Code", 40, false, Evaluation.CodeScore::code),
                      new Column<>(
                          "precision",
                          "Precision",
                          11,
                          false,
                          s -> blankIfUndefined(s.precision())),
                      new Column<>(
                          "recall", "Recall", 11, false, s -> blankIfUndefined(s.recall())),
                      new Column<>("f1", "F1", 11, false, s -> blankIfUndefined(s.f1())),
                      new Column<>(
                          "kappa", "Cohen's kappa", 13, false, s -> blankIfUndefined(s.kappa())),
                      new Column<>("support", "Support", 10, false, Evaluation.CodeScore::support),
                      new Column<>(
                          "tp", "True positives", 10, false, Evaluation.CodeScore::truePositives),
                      new Column<>(
                          "fp", "False positives", 10, false, Evaluation.CodeScore::falsePositives),
                      new Column<>(
                          "fn",
                          "False negatives",
                          10,
                          false,
                          Evaluation.CodeScore::falseNegatives)),
                  styles);
          all(report).forEach(codes::add);
          codes.finish();
          SheetTable<Evaluation.Confusion> confusions =
              new SheetTable<>(
                  workbook.createSheet("Confusions"),
                  List.of(
                      new Column<>(
                          "gold", "Gold code (missed)", 40, false, Evaluation.Confusion::gold),
                      new Column<>(
                          "predicted",
                          "Predicted instead",
                          40,
                          false,
                          Evaluation.Confusion::predicted),
                      new Column<>("count", "Segments", 10, false, Evaluation.Confusion::count)),
                  styles);
          report.confusions().forEach(confusions::add);
          confusions.finish();
        });
  }

  /** A score with three decimals, or "n/a" when it is undefined. */
  public static String shown(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }

  /** A score for a file: the number, or null (an empty cell, JSON null) when it is undefined. */
  private static Double defined(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /** An empty cell for an undefined score. */
  private static Object blankIfUndefined(double value) {
    return Double.isNaN(value) ? "" : value;
  }

  private static List<Evaluation.CodeScore> all(Evaluation.Report report) {
    List<Evaluation.CodeScore> all = new ArrayList<>(report.codes());
    all.add(report.micro());
    all.add(report.macro());
    return all;
  }
}
