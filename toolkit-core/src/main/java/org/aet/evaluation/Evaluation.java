package org.aet.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How well predicted codes match a gold standard, segment by segment. Each code is scored as a
 * yes/no decision on every gold segment: precision, recall, F1, Cohen's kappa (agreement beyond
 * chance on that decision) and support (gold segments with the code). Micro averages pool every
 * decision; macro averages weigh every code alike. Confusions count, on one segment, a gold code
 * that was missed together with a predicted code that was not in the gold: the pairs a team most
 * often mixes up.
 */
public final class Evaluation {
  /** Scores of one code (or, for the averages, of all). */
  public record CodeScore(
      String code,
      int truePositives,
      int falsePositives,
      int falseNegatives,
      int trueNegatives,
      double precision,
      double recall,
      double f1,
      double kappa,
      int support) {}

  /** A gold code missed where another was predicted instead, and how often. */
  public record Confusion(String gold, String predicted, int count) {}

  /**
   * The whole report.
   *
   * @param units gold segments scored
   * @param codes per code, in name order
   * @param micro all decisions pooled
   * @param macro the mean of the codes' scores, each where defined, over {@code macroScope}
   * @param macroScope which codes the macro average is over, in words: a codebook's, or those found
   *     in either file
   * @param confusions the most common confusions, most frequent first
   * @param missingPredictions gold segments the predicted file did not mention (counted as coded
   *     with nothing)
   */
  public record Report(
      int units,
      List<CodeScore> codes,
      CodeScore micro,
      CodeScore macro,
      String macroScope,
      List<Confusion> confusions,
      int missingPredictions) {}

  /**
   * What to compare: code paths as given, or only their top-level code (in four-tensions, the
   * tension).
   */
  public enum Level {
    CODE,
    PARENT;

    /** The word used in options and reports ("code", "parent"). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The level {@code label} names (any case).
     *
     * @throws IllegalArgumentException when it names none
     */
    public static Level of(String label) {
      return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }
  }

  private Evaluation() {}

  /**
   * Scores {@code predicted} against {@code gold}, code by code, over the codes found in either.
   */
  public static Report evaluate(
      List<LabelledSegment> gold, List<LabelledSegment> predicted, Level level) {
    return evaluate(gold, predicted, level, null);
  }

  /**
   * Scores {@code predicted} against {@code gold}, every code of {@code codebook} included (those
   * found in neither file show as undefined) and the macro average taken over the codebook's codes.
   * Labels may name codes by path, id or name; labels the codebook lacks are scored but left out of
   * the macro average. A null codebook scores the codes found in either file.
   */
  public static Report evaluate(
      List<LabelledSegment> gold,
      List<LabelledSegment> predicted,
      Level level,
      org.aet.codebook.Codebook codebook) {
    java.util.function.Function<List<String>, Set<String>> labels =
        codes -> at(level, codebook == null ? codes : paths(codebook, codes));
    Map<String, Set<String>> predictedById = new HashMap<>();
    predicted.forEach(p -> predictedById.put(p.segmentId(), labels.apply(p.codes())));
    Set<String> scope =
        codebook == null
            ? null
            : at(level, codebook.codes().stream().map(c -> codebook.path(c.id())).toList());
    Set<String> codes = new TreeSet<>(scope == null ? Set.of() : scope);
    List<Set<String>[]> units = new ArrayList<>();
    int missing = 0;
    for (LabelledSegment segment : gold) {
      Set<String> g = labels.apply(segment.codes());
      Set<String> p = predictedById.get(segment.segmentId());
      if (p == null) {
        missing++;
        p = Set.of();
      }
      codes.addAll(g);
      codes.addAll(p);
      @SuppressWarnings("unchecked")
      Set<String>[] pair = new Set[] {g, p};
      units.add(pair);
    }
    List<CodeScore> scores = new ArrayList<>();
    int[] pooled = new int[4];
    for (String code : codes) {
      int[] counts = new int[4];
      for (Set<String>[] unit : units) {
        boolean inGold = unit[0].contains(code);
        boolean inPredicted = unit[1].contains(code);
        counts[inGold ? (inPredicted ? 0 : 2) : (inPredicted ? 1 : 3)]++;
      }
      for (int i = 0; i < 4; i++) {
        pooled[i] += counts[i];
      }
      scores.add(score(code, counts));
    }
    CodeScore micro = score("micro average", pooled);
    CodeScore macro =
        macro(
            scope == null
                ? scores
                : scores.stream().filter(s -> scope.contains(s.code())).toList());
    String macroScope =
        scope == null
            ? "the " + codes.size() + " code(s) found in either file"
            : "the "
                + scope.size()
                + (level == Level.PARENT ? " top-level code(s) of " : " code(s) of ")
                + codebook.name()
                + (codes.size() > scope.size()
                    ? " ("
                        + (codes.size() - scope.size())
                        + " label(s) not in the codebook left out)"
                    : "");
    return new Report(units.size(), scores, micro, macro, macroScope, confusions(units), missing);
  }

  /** All decisions of {@code scores} pooled into one score. */
  public static CodeScore micro(List<CodeScore> scores) {
    int[] pooled = new int[4];
    for (CodeScore s : scores) {
      pooled[0] += s.truePositives();
      pooled[1] += s.falsePositives();
      pooled[2] += s.falseNegatives();
      pooled[3] += s.trueNegatives();
    }
    return score("micro average", pooled);
  }

  /** The mean of {@code scores}, every code weighing alike, over the codes where it is defined. */
  public static CodeScore macro(List<CodeScore> scores) {
    return new CodeScore(
        "macro average",
        0,
        0,
        0,
        0,
        mean(scores, CodeScore::precision),
        mean(scores, CodeScore::recall),
        mean(scores, CodeScore::f1),
        mean(scores, CodeScore::kappa),
        scores.stream().mapToInt(CodeScore::support).sum());
  }

  /**
   * Scores from counts {tp, fp, fn, tn}. A ratio with nothing to divide by is undefined (NaN), not
   * 0: precision when nothing was predicted, recall when the gold has none of the code, F1 and
   * kappa when neither has it. Reports show it as n/a.
   */
  public static CodeScore score(String code, int[] c) {
    int tp = c[0];
    int fp = c[1];
    int fn = c[2];
    int tn = c[3];
    double precision = ratio(tp, tp + fp);
    double recall = ratio(tp, tp + fn);
    double f1 = ratio(2 * tp, 2 * tp + fp + fn);
    double kappa = tp + fp + fn == 0 ? Double.NaN : Agreement.cohenKappa(tp, fp, fn, tn);
    return new CodeScore(code, tp, fp, fn, tn, precision, recall, f1, kappa, tp + fn);
  }

  private static List<Confusion> confusions(List<Set<String>[]> units) {
    Map<List<String>, Integer> counts = new LinkedHashMap<>();
    for (Set<String>[] unit : units) {
      for (String missed : unit[0]) {
        if (!unit[1].contains(missed)) {
          for (String instead : unit[1]) {
            if (!unit[0].contains(instead)) {
              counts.merge(List.of(missed, instead), 1, Integer::sum);
            }
          }
        }
      }
    }
    return counts.entrySet().stream()
        .map(e -> new Confusion(e.getKey().get(0), e.getKey().get(1), e.getValue()))
        .sorted(
            Comparator.comparingInt(Confusion::count)
                .reversed()
                .thenComparing(Confusion::gold)
                .thenComparing(Confusion::predicted))
        .limit(10)
        .toList();
  }

  private static List<String> paths(org.aet.codebook.Codebook codebook, List<String> labels) {
    return labels.stream()
        .map(
            label -> {
              org.aet.codebook.Code code = codebook.find(label);
              return code == null ? label : codebook.path(code.id());
            })
        .toList();
  }

  private static Set<String> at(Level level, java.util.Collection<String> codes) {
    return codes.stream()
        .map(c -> level == Level.PARENT ? c.split("/", 2)[0] : c)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }

  /** The mean of the defined values (codes where a score is undefined do not count). */
  private static double mean(
      List<CodeScore> scores, java.util.function.ToDoubleFunction<CodeScore> value) {
    return scores.stream()
        .mapToDouble(value)
        .filter(v -> !Double.isNaN(v))
        .average()
        .orElse(Double.NaN);
  }
}
