package org.aet.learning;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aet.model.Evidence;
import org.aet.model.Segment;
import org.aet.model.SentenceWindow;
import org.aet.model.Span;
import org.aet.model.Token;
import org.aet.semantic.Vectors;

/**
 * Passage-level learning: a turn is read as its sentence windows, and a code's score for the turn
 * is its best window's (multiple-instance learning: a turn has the code when some passage of it
 * makes the point), not the score of the turn's mean meaning, which in a long turn is diluted by
 * everything else said. Coders label turns, not windows, so the windows of a coded turn are first
 * all taken as coded; with {@link Options#refine} the model is then fitted again with only each
 * coded turn's best window as coded (the passage that carries the point) and the other windows of
 * coded turns left out. With {@link Options#likeCoded} each window also carries its similarity to
 * the nearest coded passage of another transcript ("like the passages you coded": with {@code
 * refine}, the coded turns' best windows, else every window of a coded turn), and a score names
 * that passage. Fitted by LIBLINEAR (L2 logistic regression, the classes weighted to count
 * equally).
 */
public final class PassageModel {
  /** LIBLINEAR's cost: the inverse of the L2 penalty. */
  static final double C = 1.0;

  /** LIBLINEAR's stopping tolerance, its own default for this solver. */
  static final double EPSILON = 0.01;

  static {
    Linear.disableDebugOutput();
  }

  /**
   * What the model reads.
   *
   * @param windows read each turn as its windows (false: one instance per turn, its mean meaning
   *     and all its words, the turn-level yardstick)
   * @param refine fit again on each coded turn's best window only
   * @param lemmas the window's lemmas as well as its meaning
   * @param likeCoded the similarity to the nearest coded passage of another transcript
   */
  public record Options(boolean windows, boolean refine, boolean lemmas, boolean likeCoded) {
    /** Every part on. */
    public static final Options ALL = new Options(true, true, true, true);

    /** Turn-level: the turn's mean meaning and its lemmas, as {@code aet train --embeddings}. */
    public static final Options TURN = new Options(false, false, true, false);

    /** A short name for reports. */
    public String label() {
      if (!windows) {
        return "turn: mean meaning" + (lemmas ? " + words" : "");
      }
      return "best window"
          + (refine ? ", refined" : "")
          + (lemmas ? " + words" : "")
          + (likeCoded ? " + like coded" : "");
    }
  }

  /** A passage of a turn: where it stands, its meaning, its lemmas. */
  public record Window(Span span, float[] vector, List<String> lemmas) {
    public Window {
      lemmas = List.copyOf(lemmas);
    }
  }

  /**
   * A turn as the model reads it.
   *
   * @param codes the code paths it has (empty when it is to be scored)
   */
  public record Turn(String id, String transcript, List<Window> windows, Set<String> codes) {
    public Turn {
      windows = List.copyOf(windows);
      codes = Set.copyOf(codes);
    }

    /** {@code segment} (embedded) with {@code codes}; no windows when it has no words. */
    public static Turn of(Segment segment, String transcript, Set<String> codes) {
      List<Window> windows = new ArrayList<>();
      for (SentenceWindow w : segment.windows()) {
        List<Token> inside =
            segment.tokens().stream()
                .filter(
                    t -> t.span().begin() >= w.span().begin() && t.span().end() <= w.span().end())
                .toList();
        windows.add(new Window(w.span(), w.vector(), Features.lemmas(inside)));
      }
      return new Turn(segment.id(), transcript, windows, codes);
    }

    /** The turn as one instance: its mean meaning and every lemma. */
    Window whole() {
      float[] sum = new float[windows.get(0).vector().length];
      List<String> lemmas = new ArrayList<>();
      for (Window w : windows) {
        for (int i = 0; i < sum.length; i++) {
          sum[i] += w.vector()[i];
        }
        lemmas.addAll(w.lemmas());
      }
      return new Window(windows.get(0).span(), Vectors.normalised(sum), lemmas);
    }
  }

  /** A coded passage, as the team coded it: its turn and where it stands. */
  public record Coded(String segmentId, String transcript, Span span, float[] vector) {}

  /**
   * A turn's score for one code.
   *
   * @param window the window that carries it (its index in the turn)
   * @param nearest the coded passage most like that window, or null without {@link
   *     Options#likeCoded}
   * @param similarity the cosine similarity to {@code nearest}
   */
  public record Score(double probability, int window, Coded nearest, double similarity) {}

  /** One code's fitted model. */
  private record CodeModel(
      de.bwaldvogel.liblinear.Model model,
      List<Coded> coded,
      Map<String, Integer> words,
      int dimensions) {
    /** The index of LIBLINEAR's intercept, after meaning, similarity and words. */
    int bias() {
      return dimensions + 2 + words.size();
    }
  }

  private final Options options;
  private final Map<String, CodeModel> byCode;

  private PassageModel(Options options, Map<String, CodeModel> byCode) {
    this.options = options;
    this.byCode = byCode;
  }

  /** The code paths the model has a model for. */
  public Set<String> codes() {
    return byCode.keySet();
  }

  /**
   * Fits a model for each of {@code codes} with at least {@code minPositives} coded turns among
   * {@code turns} (turns without windows are left out).
   */
  public static PassageModel train(
      List<Turn> turns, List<String> codes, int minPositives, Options options) {
    List<Turn> usable = turns.stream().filter(t -> !t.windows().isEmpty()).toList();
    Map<String, CodeModel> byCode = new LinkedHashMap<>();
    for (String code : codes) {
      long positives = usable.stream().filter(t -> t.codes().contains(code)).count();
      if (positives >= minPositives && positives < usable.size()) {
        byCode.put(code, trainOne(usable, code, options));
      }
    }
    return new PassageModel(options, byCode);
  }

  /** The score of {@code turn} for {@code code}; null when the model has none for it. */
  public Score score(String code, Turn turn) {
    CodeModel model = byCode.get(code);
    if (model == null || turn.windows().isEmpty()) {
      return model == null ? null : new Score(0, -1, null, 0);
    }
    return best(model, turn, instances(turn, options), options);
  }

  /**
   * What a reviewer is shown for {@code score} of {@code segment}: the window that carries it, and
   * the coded passage it is most like, by segment id.
   */
  public Evidence evidence(Segment segment, Score score) {
    Span span = options.windows() ? segment.windows().get(score.window()).span() : segment.span();
    String text =
        segment
            .text()
            .substring(span.begin() - segment.span().begin(), span.end() - segment.span().begin());
    String why =
        String.format(Locale.ROOT, "learned passage, probability %.2f", score.probability());
    if (score.nearest() != null) {
      why +=
          String.format(
              Locale.ROOT,
              "; like the passage you coded in %s (similarity %.2f)",
              score.nearest().segmentId(),
              score.similarity());
    }
    return new Evidence(text, span, why);
  }

  private static CodeModel trainOne(List<Turn> turns, String code, Options options) {
    int dimensions = turns.get(0).windows().get(0).vector().length;
    Map<String, Integer> words =
        options.lemmas() ? vocabulary(turns, options, dimensions) : Map.of();
    if (!(options.windows() && options.refine())) {
      List<Coded> coded = codedPassages(turns, code, options, null);
      return fit(turns, code, options, new CodeModel(null, coded, words, dimensions), null);
    }
    // First every window of a coded turn counts as coded, without the similarity (which needs the
    // coded passages); then only each coded turn's best window, and those windows are the passages
    // the similarity looks for.
    Options first = new Options(true, false, options.lemmas(), false);
    CodeModel model =
        fit(turns, code, first, new CodeModel(null, List.of(), words, dimensions), null);
    Map<String, Integer> best = new HashMap<>();
    for (Turn turn : turns) {
      if (turn.codes().contains(code)) {
        best.put(turn.id(), best(model, turn, turn.windows(), first).window());
      }
    }
    List<Coded> coded = codedPassages(turns, code, options, best);
    return fit(turns, code, options, new CodeModel(null, coded, words, dimensions), best);
  }

  /** The instances of a turn: its windows, or the turn as a whole. */
  private static List<Window> instances(Turn turn, Options options) {
    return options.windows() ? turn.windows() : List.of(turn.whole());
  }

  /**
   * The coded passages of {@code code}: every instance of a coded turn, or with {@code best} only
   * each coded turn's best window.
   */
  private static List<Coded> codedPassages(
      List<Turn> turns, String code, Options options, Map<String, Integer> best) {
    List<Coded> coded = new ArrayList<>();
    for (Turn turn : turns) {
      if (!turn.codes().contains(code)) {
        continue;
      }
      List<Window> instances = instances(turn, options);
      for (int i = 0; i < instances.size(); i++) {
        if (best == null || best.get(turn.id()) == i) {
          Window w = instances.get(i);
          coded.add(new Coded(turn.id(), turn.transcript(), w.span(), w.vector()));
        }
      }
    }
    return coded;
  }

  /**
   * Fits one code: every instance of an uncoded turn is uncoded; of a coded turn, every instance is
   * coded, or with {@code best} only its best window (the others are left out).
   */
  private static CodeModel fit(
      List<Turn> turns,
      String code,
      Options options,
      CodeModel partial,
      Map<String, Integer> best) {
    List<Feature[]> rows = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    for (Turn turn : turns) {
      boolean has = turn.codes().contains(code);
      List<Window> instances = instances(turn, options);
      for (int i = 0; i < instances.size(); i++) {
        if (has && best != null && best.get(turn.id()) != i) {
          continue;
        }
        rows.add(features(partial, instances.get(i), turn.transcript(), options));
        labels.add(has ? 1.0 : -1.0);
      }
    }
    return new CodeModel(
        train(rows, labels, partial.bias()),
        partial.coded(),
        partial.words(),
        partial.dimensions());
  }

  private static de.bwaldvogel.liblinear.Model train(
      List<Feature[]> rows, List<Double> labels, int dimension) {
    Problem problem = new Problem();
    problem.l = rows.size();
    problem.n = dimension;
    problem.bias = 1;
    problem.x = rows.toArray(new Feature[0][]);
    problem.y = labels.stream().mapToDouble(Double::doubleValue).toArray();
    long positives = labels.stream().filter(y -> y > 0).count();
    Parameter parameter = new Parameter(SolverType.L2R_LR, C, EPSILON);
    parameter.setWeights(
        new double[] {
          rows.size() / (2.0 * positives), rows.size() / (2.0 * (rows.size() - positives))
        },
        new int[] {1, -1});
    return Linear.train(problem, parameter);
  }

  /** The lemmas of at least two training instances, each a feature of its own. */
  private static Map<String, Integer> vocabulary(
      List<Turn> turns, Options options, int dimensions) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Turn turn : turns) {
      for (Window w : instances(turn, options)) {
        Set.copyOf(w.lemmas()).forEach(l -> counts.merge(l, 1, Integer::sum));
      }
    }
    Map<String, Integer> index = new HashMap<>();
    counts.forEach(
        (lemma, count) -> {
          if (count >= 2) {
            index.put(lemma, dimensions + 2 + index.size());
          }
        });
    return index;
  }

  /**
   * An instance's features: its meaning (indexes 1 to the embedding's dimensions), its similarity
   * to the nearest coded passage of another transcript, and its known lemmas (binary, scaled to
   * unit length); then LIBLINEAR's intercept.
   */
  private static Feature[] features(
      CodeModel model, Window window, String transcript, Options options) {
    List<Feature> row = new ArrayList<>();
    // A unit vector's dimensions are small (about 1 / sqrt(dimensions)): scaled to about 1, as the
    // words and the similarity are, so one penalty suits all and the solver converges quickly.
    double scale = Math.sqrt(window.vector().length);
    for (int i = 0; i < window.vector().length; i++) {
      row.add(new FeatureNode(i + 1, window.vector()[i] * scale));
    }
    if (options.likeCoded()) {
      Nearest nearest = nearest(model.coded(), window.vector(), transcript);
      row.add(new FeatureNode(model.dimensions() + 1, nearest.similarity()));
    }
    TreeMap<Integer, Double> words = new TreeMap<>();
    for (String lemma : window.lemmas()) {
      Integer index = model.words().get(lemma);
      if (index != null) {
        words.put(index, 1.0);
      }
    }
    double perWord = words.isEmpty() ? 1 : 1 / Math.sqrt(words.size());
    words.forEach((index, value) -> row.add(new FeatureNode(index, value * perWord)));
    row.add(new FeatureNode(model.bias(), 1));
    return row.toArray(new Feature[0]);
  }

  private record Nearest(Coded passage, double similarity) {}

  /**
   * The coded passage most like {@code vector}, from a transcript other than {@code transcript}.
   */
  private static Nearest nearest(List<Coded> coded, float[] vector, String transcript) {
    Coded best = null;
    double similarity = 0;
    for (Coded c : coded) {
      if (!c.transcript().equals(transcript)) {
        double s = Vectors.dot(c.vector(), vector);
        if (best == null || s > similarity) {
          best = c;
          similarity = s;
        }
      }
    }
    return new Nearest(best, best == null ? 0 : similarity);
  }

  /** The best-scoring instance of {@code turn} and its score (ties: the first). */
  private static Score best(CodeModel model, Turn turn, List<Window> instances, Options options) {
    Score best = null;
    for (int i = 0; i < instances.size(); i++) {
      Window w = instances.get(i);
      double p = probability(model, features(model, w, turn.transcript(), options));
      if (best == null || p > best.probability()) {
        Nearest nearest =
            options.likeCoded() ? nearest(model.coded(), w.vector(), turn.transcript()) : null;
        best =
            new Score(
                p,
                i,
                nearest == null ? null : nearest.passage(),
                nearest == null ? 0 : nearest.similarity());
      }
    }
    return best;
  }

  private static double probability(CodeModel model, Feature[] row) {
    double[] p = new double[2];
    Linear.predictProbability(model.model(), row, p);
    return model.model().getLabels()[0] == 1 ? p[0] : p[1];
  }
}
