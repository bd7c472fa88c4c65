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

/**
 * How far coders agree, with the segment as the unit: for each code, whether each coder gave it to
 * each segment (yes or no; missing when a coder did not code the segment). Reported per code, per
 * transcript (all codes of its segments together) and pooled, as percent agreement, Cohen's kappa
 * (two coders), Fleiss' kappa, Krippendorff's alpha (nominal, missing data allowed) and
 * Brennan-Prediger kappa; and the disputed segments, for the meeting.
 */
public final class AgreementReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One coder's coding: codes per segment id (a segment absent from the map was not coded), and
   * memos.
   */
  public record CoderLabels(
      String coder, Map<String, List<String>> codes, Map<String, String> memos) {}

  /** A segment, for the disagreement sheet. */
  public record Unit(String segmentId, String transcriptId, String speaker, String text) {}

  /** One line of the report. {@code scope} is "code", "transcript" or "pooled". */
  public record Row(
      String scope,
      String name,
      int units,
      double percentAgreement,
      double cohenKappa,
      double fleissKappa,
      double krippendorffAlpha,
      double brennanPrediger) {}

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
      rows.add(row("code", code, items(units, coders, List.of(code))));
    }
    Map<String, List<Unit>> byTranscript = new LinkedHashMap<>();
    units.forEach(
        u -> byTranscript.computeIfAbsent(u.transcriptId(), k -> new ArrayList<>()).add(u));
    for (Map.Entry<String, List<Unit>> transcript : byTranscript.entrySet()) {
      rows.add(
          row(
              "transcript",
              transcript.getKey(),
              items(transcript.getValue(), coders, List.copyOf(codes))));
    }
    rows.add(row("pooled", "all codes, all segments", items(units, coders, List.copyOf(codes))));
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
  private static Agreement.Ratings items(
      List<Unit> units, List<CoderLabels> coders, List<String> codes) {
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
    return new Agreement.Ratings(items);
  }

  private static Row row(String scope, String name, Agreement.Ratings ratings) {
    return new Row(
        scope,
        name,
        ratings.pairable().size(),
        Agreement.percentAgreement(ratings),
        Agreement.cohenKappa(ratings),
        Agreement.fleissKappa(ratings),
        Agreement.krippendorffAlpha(ratings),
        Agreement.brennanPrediger(ratings, 2));
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
    out.printf(
        "%-11s %-" + width + "s %6s %8s %7s %7s %7s %7s%n",
        "scope",
        "name",
        "units",
        "percent",
        "cohen",
        "fleiss",
        "alpha",
        "b-p");
    for (Row r : report.rows()) {
      out.printf(
          Locale.ROOT,
          "%-11s %-" + width + "s %6d %8s %7s %7s %7s %7s%n",
          r.scope(),
          r.name(),
          r.units(),
          number(r.percentAgreement()),
          number(r.cohenKappa()),
          number(r.fleissKappa()),
          number(r.krippendorffAlpha()),
          number(r.brennanPrediger()));
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
            if (r.scope().equals("code")) {
              Map<String, Object> line = new LinkedHashMap<>();
              line.put("code", r.name());
              line.put("units", r.units());
              line.put("percent_agreement", nullable(r.percentAgreement()));
              line.put("cohen_kappa", nullable(r.cohenKappa()));
              line.put("fleiss_kappa", nullable(r.fleissKappa()));
              line.put("krippendorff_alpha", nullable(r.krippendorffAlpha()));
              line.put("brennan_prediger", nullable(r.brennanPrediger()));
              out.write(MAPPER.writeValueAsString(line));
              out.write('\n');
            }
          }
        },
        (workbook, styles) -> {
          SheetTable<Row> rows =
              new SheetTable<>(
                  workbook.createSheet("Agreement"),
                  List.of(
                      new Column<>("scope", "Scope", 12, false, Row::scope),
                      new Column<>("name", "Code or transcript", 40, false, Row::name),
                      new Column<>("units", "Segments", 10, false, Row::units),
                      new Column<>(
                          "percent",
                          "Percent agreement",
                          12,
                          false,
                          r -> cell(r.percentAgreement())),
                      new Column<>("cohen", "Cohen's kappa", 12, false, r -> cell(r.cohenKappa())),
                      new Column<>(
                          "fleiss", "Fleiss' kappa", 12, false, r -> cell(r.fleissKappa())),
                      new Column<>(
                          "alpha",
                          "Krippendorff's alpha",
                          12,
                          false,
                          r -> cell(r.krippendorffAlpha())),
                      new Column<>(
                          "bp", "Brennan-Prediger", 12, false, r -> cell(r.brennanPrediger()))),
                  styles);
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
          MEANINGS.forEach(meaning::add);
          meaning.finish();
        });
  }

  /** The figures of the Agreement sheet explained, for people who do not use them every day. */
  private static final List<String[]> MEANINGS =
      List.of(
          new String[] {
            "Scope",
            "\"code\": whether coders agreed on giving that one code (yes or no) to each segment;"
                + " \"transcript\": all codes within one transcript; \"pooled\": all codes and"
                + " segments together."
          },
          new String[] {"Segments", "How many segments the figures on that row rest on."},
          new String[] {
            "Percent agreement",
            "The share of segments where the coders made the same decision. Easy to read but"
                + " flattering: for a rare code, two coders who never use it agree on almost every"
                + " segment."
          },
          new String[] {
            "Cohen's kappa",
            "Agreement between two coders corrected for what chance would give with each coder's"
                + " own habits. 1 is perfect, 0 is no better than chance, below 0 worse. Shown only"
                + " for two coders."
          },
          new String[] {
            "Fleiss' kappa",
            "The same correction for any number of coders, with chance from everyone's habits"
                + " pooled."
          },
          new String[] {
            "Krippendorff's alpha",
            "Agreement corrected for chance that allows segments some coders did not code. The usual"
                + " reading: 0.8 or more is reliable; 0.667 to 0.8 allows only tentative"
                + " conclusions; below 0.667, discuss the code's definition and code again"
                + " (Krippendorff 2004)."
          },
          new String[] {
            "Brennan-Prediger",
            "A kappa that assumes chance picks yes or no equally often. It stays meaningful for"
                + " rare codes, where the kappas and alpha can be low even when the coders"
                + " almost always agree (the prevalence paradox)."
          },
          new String[] {
            "An empty cell",
            "The figure cannot be computed: for example every segment got the same decision from"
                + " everyone, so there is no variation to agree on beyond chance."
          },
          new String[] {
            "Disagreements sheet",
            "Every segment the coders coded differently, with each coder's codes and memo: the"
                + " material for the team's discussion of what the codes mean."
          });

  private static Object cell(double value) {
    return Double.isNaN(value) ? "" : value;
  }

  private static Double nullable(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
