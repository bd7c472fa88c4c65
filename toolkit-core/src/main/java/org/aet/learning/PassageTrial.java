package org.aet.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aet.evaluation.Agreement;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.Folds;
import org.aet.pipeline.ProgressListener;

/**
 * Passage-level learning judged leave-one-transcript-out: each transcript in turn is coded by a
 * {@link PassageModel} fitted to the others, at per-code thresholds chosen (best kappa, as {@code
 * aet train} chooses them) on out-of-fold scores of those others, dealt into folds by transcript.
 * Nothing of the held-out transcript reaches the fit or the thresholds.
 */
public final class PassageTrial {
  /** Folds, by transcript, of the training transcripts for choosing thresholds. */
  static final int THRESHOLD_FOLDS = 2;

  /** The progress stage: one step per transcript held out. */
  public static final String STAGE = "Passage-level learning, one transcript held out at a time";

  private PassageTrial() {}

  /**
   * Per code of {@code codes} (those the model could learn), the counts over every held-out
   * transcript.
   */
  public static List<Evaluation.CodeScore> leaveOneOut(
      List<PassageModel.Turn> turns,
      List<String> codes,
      int minPositives,
      PassageModel.Options options,
      long seed,
      ProgressListener progress) {
    List<String> transcripts =
        List.copyOf(new TreeSet<>(turns.stream().map(PassageModel.Turn::transcript).toList()));
    Map<String, int[]> counts = new TreeMap<>();
    for (int t = 0; t < transcripts.size(); t++) {
      progress.progress(STAGE, t, transcripts.size());
      String held = transcripts.get(t);
      List<PassageModel.Turn> train =
          turns.stream().filter(x -> !x.transcript().equals(held)).toList();
      PassageModel model = PassageModel.train(train, codes, minPositives, options);
      Map<String, Double> thresholds = thresholds(train, model, minPositives, options, seed);
      for (PassageModel.Turn turn : turns) {
        if (!turn.transcript().equals(held)) {
          continue;
        }
        for (String code : codes) {
          PassageModel.Score score = model.score(code, turn);
          boolean predicted = score != null && score.probability() >= thresholds.get(code);
          count(
              counts.computeIfAbsent(code, c -> new int[4]),
              turn.codes().contains(code),
              predicted);
        }
      }
    }
    progress.progress(STAGE, transcripts.size(), transcripts.size());
    List<Evaluation.CodeScore> scores = new ArrayList<>();
    counts.forEach((code, c) -> scores.add(score(code, c)));
    return scores;
  }

  /**
   * Per code the model has, the threshold with the best kappa on out-of-fold scores of {@code
   * train}, folds by transcript ({@link Trainer#bestThreshold}).
   */
  static Map<String, Double> thresholds(
      List<PassageModel.Turn> train,
      PassageModel model,
      int minPositives,
      PassageModel.Options options,
      long seed) {
    Folds folds =
        Folds.byTranscript(
            train.stream().map(PassageModel.Turn::transcript).toList(), THRESHOLD_FOLDS, seed);
    Map<String, double[]> outOfFold = new TreeMap<>();
    model.codes().forEach(code -> outOfFold.put(code, new double[train.size()]));
    for (int fold = 0; fold < folds.count(); fold++) {
      int f = fold;
      List<PassageModel.Turn> rest = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        if (folds.of(i) != f) {
          rest.add(train.get(i));
        }
      }
      PassageModel inner =
          PassageModel.train(rest, List.copyOf(model.codes()), minPositives, options);
      for (int i = 0; i < train.size(); i++) {
        if (folds.of(i) == f) {
          for (String code : model.codes()) {
            PassageModel.Score s = inner.score(code, train.get(i));
            outOfFold.get(code)[i] = s == null ? 0 : s.probability();
          }
        }
      }
    }
    Map<String, Double> thresholds = new TreeMap<>();
    for (String code : model.codes()) {
      boolean[] actual = new boolean[train.size()];
      for (int i = 0; i < actual.length; i++) {
        actual[i] = train.get(i).codes().contains(code);
      }
      thresholds.put(
          code,
          folds.count() > 1
              ? Trainer.bestThreshold(outOfFold.get(code), actual, i -> true)
              : Trainer.DEFAULT_THRESHOLD);
    }
    return thresholds;
  }

  private static void count(int[] counts, boolean actual, boolean predicted) {
    counts[actual ? (predicted ? 0 : 2) : (predicted ? 1 : 3)]++;
  }

  /** Precision, recall, F1 and kappa from (right, wrong, missed, rightly left out). */
  public static Evaluation.CodeScore score(String code, int[] c) {
    double precision = c[0] + c[1] == 0 ? Double.NaN : (double) c[0] / (c[0] + c[1]);
    double recall = c[0] + c[2] == 0 ? Double.NaN : (double) c[0] / (c[0] + c[2]);
    double f1 = c[0] == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new Evaluation.CodeScore(
        code,
        c[0],
        c[1],
        c[2],
        c[3],
        precision,
        recall,
        f1,
        Agreement.cohenKappa(c[0], c[1], c[2], c[3]),
        c[0] + c[2]);
  }

  /** The codes' counts summed: micro-averaged precision, recall and pooled kappa. */
  public static Evaluation.CodeScore pooled(List<Evaluation.CodeScore> scores) {
    int[] c = new int[4];
    for (Evaluation.CodeScore s : scores) {
      c[0] += s.truePositives();
      c[1] += s.falsePositives();
      c[2] += s.falseNegatives();
      c[3] += s.trueNegatives();
    }
    return score("pooled", c);
  }
}
