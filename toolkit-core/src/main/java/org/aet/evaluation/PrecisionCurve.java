package org.aet.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a score means as a share of right suggestions: from labelled scores, the observed share of
 * right ones at each score, made to rise with the score by isotonic regression
 * (pool-adjacent-violators), each pooled block smoothed by one right and one wrong
 * pseudo-observation so that a handful of lucky scores never reads as certainty. A rising step
 * function: from {@code starts[i]} on, the share is {@code values[i]}.
 *
 * <p>Fitted on scores of segments the scorer did not learn from (held-out folds, whole transcripts
 * at a time), its value is the precision to expect on a transcript it has not seen: what aet shows
 * as confidence.
 *
 * @param starts the score from which each step holds, rising
 * @param values each step's share of right scores, rising
 * @param observations how many labelled scores it was fitted to
 * @param positives how many of them were right
 */
public record PrecisionCurve(double[] starts, double[] values, int observations, int positives) {
  public PrecisionCurve {
    if (starts.length == 0 || starts.length != values.length) {
      throw new IllegalArgumentException("a curve needs as many values as steps, at least one");
    }
    starts = starts.clone();
    values = values.clone();
  }

  @Override
  public double[] starts() {
    return starts.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The expected share of right suggestions at {@code score}. */
  public double at(double score) {
    int found = 0;
    for (int i = 0; i < starts.length && starts[i] <= score; i++) {
      found = i;
    }
    return values[found];
  }

  /**
   * Fits the curve to scores and whether each was right.
   *
   * @throws IllegalArgumentException when there are no scores or the arrays differ in length
   */
  public static PrecisionCurve fit(double[] scores, boolean[] right) {
    if (scores.length == 0 || scores.length != right.length) {
      throw new IllegalArgumentException("a curve needs labelled scores, one label each");
    }
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    // Blocks of [start score, right, count], merged while a block's share is not above the one
    // before it.
    List<double[]> blocks = new ArrayList<>();
    for (int i : order) {
      blocks.add(new double[] {scores[i], right[i] ? 1 : 0, 1});
      while (blocks.size() > 1) {
        double[] last = blocks.get(blocks.size() - 1);
        double[] before = blocks.get(blocks.size() - 2);
        if (before[1] / before[2] < last[1] / last[2]) {
          break;
        }
        before[1] += last[1];
        before[2] += last[2];
        blocks.remove(blocks.size() - 1);
      }
    }
    double[] starts = new double[blocks.size()];
    double[] values = new double[blocks.size()];
    int positives = 0;
    for (int i = 0; i < blocks.size(); i++) {
      double[] block = blocks.get(i);
      starts[i] = block[0];
      values[i] = (block[1] + 1) / (block[2] + 2);
      positives += (int) block[1];
    }
    // Smoothing can break the rise between blocks of different sizes: keep it rising.
    for (int i = 1; i < values.length; i++) {
      values[i] = Math.max(values[i], values[i - 1]);
    }
    return new PrecisionCurve(starts, values, scores.length, positives);
  }
}
