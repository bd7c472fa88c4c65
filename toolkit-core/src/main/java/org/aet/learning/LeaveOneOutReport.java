package org.aet.learning;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.EvaluationReports;
import org.aet.export.CodingTable.Column;
import org.aet.export.ReportFiles;
import org.aet.export.SheetTable;

/**
 * A {@link LeaveOneTranscriptOut} trial as text for the terminal, or as a workbook or JSON Lines
 * (the same rows: one per way of suggesting and code, then the reliability tables).
 */
public final class LeaveOneOutReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One row of scores: a way of suggesting (and the turns it learned from), one code. */
  private record ScoreRow(String method, Integer turns, Evaluation.CodeScore score) {}

  /** One row of a reliability table. */
  private record BinRow(String method, LeaveOneTranscriptOut.Bin bin) {}

  private LeaveOneOutReport() {}

  /** The trial as aligned text: scores per code and pooled, reliability, the learning curve. */
  public static void print(LeaveOneTranscriptOut.Outcome outcome, PrintWriter out) {
    printJudged(outcome, out);
    if (!outcome.curve().isEmpty()) {
      out.println();
      printCurveHeading(out);
      outcome.curve().forEach(p -> printPoint(p, out));
    }
    out.flush();
  }

  /** The codebook alone and the learned model: scores per code and pooled, reliability. */
  public static void printJudged(LeaveOneTranscriptOut.Outcome outcome, PrintWriter out) {
    out.printf(
        "Each of %d transcripts judged by what was learned without it (%d labelled segments).%n",
        outcome.transcripts().size(), outcome.segments());
    for (LeaveOneTranscriptOut.Result result : outcome.judged()) {
      out.println();
      printResult(result, out);
    }
    if (outcome.starter() != null) {
      out.println();
      out.println(starterVerdict(outcome.starter()));
    }
    out.flush();
  }

  /** Whether the starter model would help on this coding, by the rule, in words. */
  static String starterVerdict(LeaveOneTranscriptOut.StarterTrial starter) {
    if (starter.result() == null) {
      return "The starter model was not judged: it learned from "
          + starter.learnedFromHere().size()
          + " of these transcripts ("
          + String.join(", ", starter.learnedFromHere())
          + "), so its figures here would flatter it.";
    }
    return "The starter model "
        + (starter.helps()
            ? "with the codebook passes the rule on this coding (pooled kappa above the codebook"
                + " alone's, precision not below it, kappa above it on every code whose"
                + " suggestions it changes): --starter is worth using here."
            : "with the codebook does not pass the rule on this coding (pooled kappa above the"
                + " codebook alone's, precision not below it, kappa above it on every code whose"
                + " suggestions it changes): keep the codebook alone.");
  }

  /** The heading of the learning curve's table. */
  public static void printCurveHeading(PrintWriter out) {
    out.println(
        "Learning curve: a model learned from the first N coded turns of the other transcripts"
            + " (whole transcripts first, in an order fixed by the seed), pooled over the codes:");
    out.printf("  %6s %11s %9s %7s %7s%n", "turns", "suggestions", "precision", "recall", "kappa");
    out.flush();
  }

  /** One row of the learning curve's table. */
  public static void printPoint(LeaveOneTranscriptOut.CurvePoint point, PrintWriter out) {
    Evaluation.CodeScore s = point.result().pooled();
    out.printf(
        Locale.ROOT,
        "  %6d %11d %9s %7s %7s%n",
        point.turns(),
        point.result().suggestions(),
        EvaluationReports.shown(s.precision()),
        EvaluationReports.shown(s.recall()),
        EvaluationReports.shown(s.kappa()));
    out.flush();
  }

  private static void printResult(LeaveOneTranscriptOut.Result result, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s: %d suggestion(s), mean confidence shown %s.%n",
        capitalised(result.method()),
        result.suggestions(),
        EvaluationReports.shown(result.meanConfidence()));
    int width = result.codes().stream().mapToInt(s -> s.code().length()).max().orElse(10);
    String row = "  %-" + width + "s %9s %7s %7s %7s %8s%n";
    out.printf(row, "code", "precision", "recall", "F1", "kappa", "support");
    List<Evaluation.CodeScore> rows = new ArrayList<>(result.codes());
    rows.add(result.pooled());
    for (Evaluation.CodeScore s : rows) {
      out.printf(
          Locale.ROOT,
          row,
          s.code().equals("micro average") ? "pooled" : s.code(),
          EvaluationReports.shown(s.precision()),
          EvaluationReports.shown(s.recall()),
          EvaluationReports.shown(s.f1()),
          EvaluationReports.shown(s.kappa()),
          String.valueOf(s.support()));
    }
    out.println("  Confidence shown against the share right, over every candidate:");
    out.printf("  %11s %10s %10s %9s%n", "shown", "candidates", "mean shown", "observed");
    for (LeaveOneTranscriptOut.Bin bin : result.reliability()) {
      out.printf(
          Locale.ROOT,
          "  %4.1f - %3.1f %10d %10.3f %9.3f%n",
          bin.from(),
          bin.to(),
          bin.candidates(),
          bin.meanConfidence(),
          bin.observed());
    }
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * Writes the trial as .xlsx (sheets "Scores" and "Reliability") or .jsonl, whole or not at all.
   */
  public static void write(LeaveOneTranscriptOut.Outcome outcome, Path target) throws AetException {
    List<ScoreRow> scores = new ArrayList<>();
    List<BinRow> bins = new ArrayList<>();
    for (LeaveOneTranscriptOut.Result result : outcome.judged()) {
      add(result, null, scores, bins);
    }
    outcome.curve().forEach(p -> add(p.result(), p.turns(), scores, bins));
    List<Column<ScoreRow>> scoreColumns = scoreColumns();
    List<Column<BinRow>> binColumns = binColumns();
    ReportFiles.write(
        target,
        out -> {
          for (ScoreRow r : scores) {
            out.write(MAPPER.writeValueAsString(line("scores", scoreColumns, r)) + "\n");
          }
          for (BinRow r : bins) {
            out.write(MAPPER.writeValueAsString(line("reliability", binColumns, r)) + "\n");
          }
        },
        (workbook, styles) -> {
          SheetTable<ScoreRow> sheet =
              new SheetTable<>(workbook.createSheet("Scores"), scoreColumns, styles);
          scores.forEach(sheet::add);
          sheet.finish();
          SheetTable<BinRow> reliability =
              new SheetTable<>(workbook.createSheet("Reliability"), binColumns, styles);
          bins.forEach(reliability::add);
          reliability.finish();
        });
  }

  private static void add(
      LeaveOneTranscriptOut.Result result,
      Integer turns,
      List<ScoreRow> scores,
      List<BinRow> bins) {
    result.codes().forEach(s -> scores.add(new ScoreRow(result.method(), turns, s)));
    scores.add(new ScoreRow(result.method(), turns, result.pooled()));
    if (turns == null) {
      result.reliability().forEach(b -> bins.add(new BinRow(result.method(), b)));
    }
  }

  private static <R> Map<String, Object> line(String table, List<Column<R>> columns, R row) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("table", table);
    for (Column<R> column : columns) {
      Object value = column.value().apply(row);
      line.put(column.key(), "".equals(value) ? null : value);
    }
    return line;
  }

  private static List<Column<ScoreRow>> scoreColumns() {
    return List.of(
        new Column<>("method", "Suggested by", 50, false, ScoreRow::method),
        new Column<>("turns", "Coded turns learned from", 12, false, r -> blank(r.turns())),
        new Column<>(
            "code",
            "Code",
            40,
            false,
            r -> r.score().code().equals("micro average") ? "pooled" : r.score().code()),
        number("precision", "Precision", r -> r.score().precision()),
        number("recall", "Recall", r -> r.score().recall()),
        number("f1", "F1", r -> r.score().f1()),
        number("kappa", "Cohen's kappa", r -> r.score().kappa()),
        new Column<>("support", "Support", 10, false, r -> r.score().support()),
        new Column<>("suggested", "Suggested", 10, false, r -> suggested(r.score())),
        new Column<>("right", "Right", 10, false, r -> r.score().truePositives()));
  }

  private static List<Column<BinRow>> binColumns() {
    return List.of(
        new Column<>("method", "Suggested by", 50, false, BinRow::method),
        new Column<>("from", "Confidence from", 12, false, r -> r.bin().from()),
        new Column<>("to", "to below", 12, false, r -> r.bin().to()),
        new Column<>("candidates", "Candidates", 12, false, r -> r.bin().candidates()),
        number("mean_shown", "Mean confidence shown", r -> r.bin().meanConfidence()),
        number("observed", "Share right", r -> r.bin().observed()));
  }

  private static <R> Column<R> number(String key, String header, Function<R, Double> value) {
    return new Column<>(
        key,
        header,
        12,
        false,
        r -> {
          double v = value.apply(r);
          return Double.isNaN(v) ? "" : (Object) v;
        });
  }

  private static int suggested(Evaluation.CodeScore s) {
    return s.truePositives() + s.falsePositives();
  }

  private static Object blank(Integer value) {
    return value == null ? "" : value;
  }
}
