package org.aet.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A confidence curve says how often suggestions at a score are right on data it was not fitted on.
 * The labelled scores are written for the test: a score s is right with probability 0.1 + 0.8 s, so
 * the truth is known. Fitted on one half, the curve's value beside the other half's scores must
 * match the share of them that were right, tenth by tenth.
 */
class PrecisionCurveTest {
  private static double truth(double score) {
    return 0.1 + 0.8 * score;
  }

  @Test
  void shownMatchesObservedOnScoresTheCurveWasNotFittedOn() {
    Random random = new Random(7);
    int n = 20000;
    double[] scores = new double[n];
    boolean[] right = new boolean[n];
    for (int i = 0; i < n; i++) {
      scores[i] = random.nextDouble();
      right[i] = random.nextDouble() < truth(scores[i]);
    }
    double[] fitScores = java.util.Arrays.copyOf(scores, n / 2);
    boolean[] fitRight = java.util.Arrays.copyOf(right, n / 2);
    PrecisionCurve curve = PrecisionCurve.fit(fitScores, fitRight);
    double[] shown = new double[10];
    int[] rightIn = new int[10];
    int[] count = new int[10];
    for (int i = n / 2; i < n; i++) {
      int bin = Math.min(9, (int) (scores[i] * 10));
      shown[bin] += curve.at(scores[i]);
      rightIn[bin] += right[i] ? 1 : 0;
      count[bin]++;
    }
    for (int b = 0; b < 10; b++) {
      double meanShown = shown[b] / count[b];
      double observed = (double) rightIn[b] / count[b];
      assertEquals(observed, meanShown, 0.06, "tenth " + b + " (" + count[b] + " scores)");
    }
    assertEquals(n / 2, curve.observations());
  }

  @Test
  void theCurveRisesAndAFewLuckyScoresNeverReadAsCertainty() {
    PrecisionCurve curve =
        PrecisionCurve.fit(
            new double[] {0.1, 0.2, 0.3, 0.9, 0.95},
            new boolean[] {false, true, false, true, true});
    double before = 0;
    for (double s = 0; s <= 1; s += 0.05) {
      assertTrue(curve.at(s) >= before, "rising at " + s);
      before = curve.at(s);
    }
    // The top block: 2 right of 2, smoothed by one right and one wrong: 3 of 4.
    assertEquals(0.75, curve.at(0.99), 1e-9);
    // Below the lowest score the first step holds.
    assertEquals(curve.at(0.1), curve.at(-1), 1e-9);
  }

  @Test
  void aCurveNeedsLabelledScores() {
    assertThrows(
        IllegalArgumentException.class, () -> PrecisionCurve.fit(new double[0], new boolean[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> PrecisionCurve.fit(new double[] {0.5}, new boolean[] {true, false}));
  }
}
