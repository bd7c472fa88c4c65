package org.aet.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.aet.diagnostics.AetException;
import org.aet.export.CodingTable.Column;
import org.aet.export.ReportFiles;
import org.aet.export.SheetTable;
import org.aet.io.Registry;

/**
 * How far coders agree, with the segment as the unit: for each code, whether each coder gave it to
 * each segment (yes or no; missing when a coder did not code the segment). Reported per code, per
 * transcript (all codes of its segments together) and pooled, as every registered {@link
 * AgreementStatistic} (percent agreement, Cohen's kappa for two coders, Fleiss' kappa,
 * Krippendorff's alpha with missing data allowed, Brennan-Prediger kappa); and the disputed
 * segments, for the meeting.
 */
public final class AgreementReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Loaded once, so rows' maps share their keys. */
  static final Registry<AgreementStatistic> STATISTICS =
      Registry.load(AgreementStatistic.class, "agreement statistic");

  /**
   * One coder's coding: codes per segment id (a segment absent from the map was not coded), and
   * memos.
   */
  public record CoderLabels(
      String coder, Map<String, List<String>> codes, Map<String, String> memos) {}

  /** A segment, for the disagreement sheet. */
  public record Unit(String segmentId, String transcriptId, String speaker, String text) {}

  /** What a row of the report is about. */
  public enum Scope {
    /** One code: whether coders agreed on giving it to each segment. */
    CODE,
    /** All codes within one transcript. */
    TRANSCRIPT,
    /** All codes and segments together. */
    POOLED;

    /** The word shown in reports ("code"). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The scope {@code label} names (any case).
     *
     * @throws IllegalArgumentException when it names none
     */
    public static Scope of(String label) {
      return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One line of the report.
   *
   * @param units the segments rated by at least two coders
   * @param values each statistic's value, in report order (NaN where it cannot be computed)
   */
  public record Row(Scope scope, String name, int units, Map<AgreementStatistic, Double> values) {
    public Row {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of the statistic called {@code statistic} ("krippendorff_alpha"). */
    public double value(String statistic) {
      return values.get(STATISTICS.get(statistic));
    }
  }

  /** A segment the coders coded differently, with every coder's codes and memo. */
  public record Disagreement(Unit unit, List<String> codes, List<String> memos) {}

  /** The whole report. */
  public record Report(List<String> coders, List<Row> rows, List<Disagreement> disagreements) {}

  private AgreementReport() {}

  public static Report compute(List<Unit> units, List<CoderLabels> coders) {
    TreeSet<String> codes = new TreeSet<>();
    coders.forEach(c -> c.codes().values().forEach(codes::addAll));
    List<Row> rows = new ArrayList<>();
    for (String code : codes) {
      rows.add(row(Scope.CODE, code, items(units, coders, List.of(code))));
    }
    Map<String, List<Unit>> byTranscript = new LinkedHashMap<>();
    units.forEach(
        u -> byTranscript.computeIfAbsent(u.transcriptId(), k -> new ArrayList<>()).add(u));
    for (Map.Entry<String, List<Unit>> transcript : byTranscript.entrySet()) {
      rows.add(
          row(
              Scope.TRANSCRIPT,
              transcript.getKey(),
              items(transcript.getValue(), coders, List.copyOf(codes))));
    }
    rows.add(
        row(Scope.POOLED, "all codes, all segments", items(units, coders, List.copyOf(codes))));
    List<Disagreement> disagreements = new ArrayList<>();
    for (Unit unit : units) {
      List<List<String>> given = new ArrayList<>();
      for (CoderLabels coder : coders) {
        List<String> c = coder.codes().get(unit.segmentId());
        if (c != null) {
          given.add(c.stream().sorted().toList());
        }
      }
      if (given.size() >= 2 && given.stream().distinct().count() > 1) {
        disagreements.add(
            new Disagreement(
                unit,
                coders.stream().map(c -> describe(c.codes().get(unit.segmentId()))).toList(),
                coders.stream().map(c -> c.memos().getOrDefault(unit.segmentId(), "")).toList()));
      }
    }
    return new Report(coders.stream().map(CoderLabels::coder).toList(), rows, disagreements);
  }

  /**
   * One rating item per (unit, code): each coder's yes or no, or null where the coder did not code
   * the unit.
   */
  private static Ratings items(List<Unit> units, List<CoderLabels> coders, List<String> codes) {
    List<List<String>> items = new ArrayList<>();
    for (Unit unit : units) {
      for (String code : codes) {
        List<String> ratings = new ArrayList<>();
        for (CoderLabels coder : coders) {
          List<String> given = coder.codes().get(unit.segmentId());
          ratings.add(given == null ? null : given.contains(code) ? "yes" : "no");
        }
        items.add(ratings);
      }
    }
    return new Ratings(items);
  }

  private static Row row(Scope scope, String name, Ratings ratings) {
    Map<AgreementStatistic, Double> values = new LinkedHashMap<>();
    STATISTICS.all().forEach(s -> values.put(s, s.compute(ratings)));
    return new Row(scope, name, ratings.pairable().size(), values);
  }

  private static String describe(List<String> codes) {
    return codes == null ? "(not coded)" : codes.isEmpty() ? "(nothing)" : String.join("; ", codes);
  }

  /** The report as aligned text. */
  public static void print(Report report, PrintWriter out) {
    out.println(
        "Coders: "
            + String.join(", ", report.coders())
            + ". Unit: the segment; each code is a yes/no"
            + " decision per segment.");
    int width =
        Math.max(24, report.rows().stream().mapToInt(r -> r.name().length()).max().orElse(0));
    StringBuilder header =
        new StringBuilder(String.format("%-11s %-" + width + "s %6s", "scope", "name", "units"));
    STATISTICS.all().forEach(s -> header.append(String.format(" %8s", s.shortLabel())));
    out.println(header);
    for (Row r : report.rows()) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%-11s %-" + width + "s %6d",
                  r.scope().label(),
                  r.name(),
                  r.units()));
      r.values().values().forEach(v -> line.append(String.format(" %8s", number(v))));
      out.println(line);
    }
    out.printf("%d disputed segment(s).%n", report.disagreements().size());
    out.flush();
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  /**
   * Writes the report as .xlsx (agreement, disagreements, what the figures mean) or .jsonl (one
   * object per code).
   */
  public static void write(Report report, Path target) throws AetException {
    ReportFiles.write(
        target,
        out -> {
          for (Row r : report.rows()) {
            if (r.scope() == Scope.CODE) {
              Map<String, Object> line = new LinkedHashMap<>();
              line.put("code", r.name());
              line.put("units", r.units());
              r.values().forEach((statistic, v) -> line.put(statistic.name(), nullable(v)));
              out.write(MAPPER.writeValueAsString(line));
              out.write('\n');
            }
          }
        },
        (workbook, styles) -> {
          List<Column<Row>> statistics =
              new ArrayList<>(
                  List.of(
                      new Column<>("scope", "Scope", 12, false, r -> r.scope().label()),
                      new Column<>("name", "Code or transcript", 40, false, Row::name),
                      new Column<>("units", "Segments", 10, false, Row::units)));
          for (AgreementStatistic statistic : STATISTICS.all()) {
            statistics.add(
                new Column<>(
                    statistic.name(),
                    statistic.label(),
                    12,
                    false,
                    r -> cell(r.values().get(statistic))));
          }
          SheetTable<Row> rows =
              new SheetTable<>(workbook.createSheet("Agreement"), statistics, styles);
          report.rows().forEach(rows::add);
          rows.finish();
          List<Column<Disagreement>> columns =
              new ArrayList<>(
                  List.of(
                      new Column<>(
                          "segment_id", "Segment id", 26, false, d -> d.unit().segmentId()),
                      new Column<>(
                          "transcript", "Transcript", 22, false, d -> d.unit().transcriptId()),
                      new Column<>("speaker", "Speaker", 16, false, d -> d.unit().speaker()),
                      new Column<>("text", "Segment text", 70, true, d -> d.unit().text())));
          for (int i = 0; i < report.coders().size(); i++) {
            int coder = i;
            String who = report.coders().get(i);
            columns.add(new Column<>(who, who + ": codes", 30, true, d -> d.codes().get(coder)));
            columns.add(
                new Column<>(who + "_memo", who + ": memo", 30, true, d -> d.memos().get(coder)));
          }
          SheetTable<Disagreement> disputes =
              new SheetTable<>(workbook.createSheet("Disagreements"), columns, styles);
          report.disagreements().forEach(disputes::add);
          disputes.finish();
          SheetTable<String[]> meaning =
              new SheetTable<>(
                  workbook.createSheet("What the figures mean"),
                  List.of(
                      new Column<>("figure", "Figure", 22, false, f -> f[0]),
                      new Column<>("meaning", "What it means", 100, true, f -> f[1])),
                  styles);
          meanings().forEach(meaning::add);
          meaning.finish();
        });
  }

  /** The figures of the Agreement sheet explained, for people who do not use them every day. */
  private static List<String[]> meanings() {
    List<String[]> meanings = new ArrayList<>();
    meanings.add(
        new String[] {
          "Scope",
          "\"code\": whether coders agreed on giving that one code (yes or no) to each segment;"
              + " \"transcript\": all codes within one transcript; \"pooled\": all codes and"
              + " segments together."
        });
    meanings.add(new String[] {"Segments", "How many segments the figures on that row rest on."});
    STATISTICS.all().forEach(s -> meanings.add(new String[] {s.label(), s.meaning()}));
    meanings.add(
        new String[] {
          "An empty cell",
          "The figure cannot be computed: for example every segment got the same decision from"
              + " everyone, so there is no variation to agree on beyond chance."
        });
    meanings.add(
        new String[] {
          "Disagreements sheet",
          "Every segment the coders coded differently, with each coder's codes and memo: the"
              + " material for the team's discussion of what the codes mean."
        });
    return meanings;
  }

  private static Object cell(double value) {
    return Double.isNaN(value) ? "" : value;
  }

  private static Double nullable(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
