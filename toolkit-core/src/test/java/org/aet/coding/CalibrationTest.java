package org.aet.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.aet.coding.Calibration.Observation;
import org.aet.coding.Calibration.Route;
import org.junit.jupiter.api.Test;

/** Calibration on labelled sets written for the test, with values computed by hand. */
class CalibrationTest {
  private static List<Observation> observations(
      String code, Route route, double[] scores, boolean[] correct) {
    List<Observation> list = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      list.add(new Observation(code, route, scores[i], correct[i]));
    }
    return list;
  }

  @Test
  void theEstimateIsTheSmoothedShareOfCorrectCandidatesRisingWithTheScore() {
    // Scores 0.1..0.6; correct: no, no, yes, no, yes, yes. Pool adjacent violators gives the blocks
    // {0.1, 0.2} 0 of 2, {0.3, 0.4} 1 of 2, {0.5, 0.6} 2 of 2; smoothed (k + 1) / (n + 2):
    // 1/4, 2/4, 3/4.
    Calibration c =
        Calibration.fit(
            observations(
                "a",
                Route.RULE,
                new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6},
                new boolean[] {false, false, true, false, true, true}),
            "test");
    assertEquals(0.25, c.precision("a", Route.RULE, 0.0), 1e-9);
    assertEquals(0.25, c.precision("a", Route.RULE, 0.25), 1e-9);
    assertEquals(0.5, c.precision("a", Route.RULE, 0.35), 1e-9);
    assertEquals(0.75, c.precision("a", Route.RULE, 0.55), 1e-9);
    assertEquals(0.75, c.precision("a", Route.RULE, 2.0), 1e-9);
  }

  @Test
  void aRouteWithNothingObservedIsNeverShownAndCodesWithFewPositivesSharePooledCurves() {
    Calibration c =
        Calibration.fit(
            observations("a", Route.RULE, new double[] {0.1, 0.9}, new boolean[] {false, true}),
            "test");
    assertEquals(0.0, c.precision("a", Route.SEMANTIC, 0.9));
    // Code "b" has no curve of its own: it reads the pooled rule curve.
    assertEquals(c.precision("a", Route.RULE, 0.9), c.precision("b", Route.RULE, 0.9));
    assertEquals(2.0 / 3, c.precision("b", Route.RULE, 0.9), 1e-9);
  }

  @Test
  void aCodeWithEnoughPositivesGetsItsOwnCurve() {
    List<Observation> list = new ArrayList<>();
    for (int i = 0; i < Calibration.OWN_CURVE_POSITIVES; i++) {
      list.add(new Observation("many", Route.SEMANTIC, 0.5, true));
      list.add(new Observation("few", Route.SEMANTIC, 0.5, false));
      list.add(new Observation("few", Route.SEMANTIC, 0.5, false));
    }
    Calibration c = Calibration.fit(list, "test");
    assertEquals(9.0 / 10, c.precision("many", Route.SEMANTIC, 0.5), 1e-9);
    assertEquals(9.0 / 26, c.precision("few", Route.SEMANTIC, 0.5), 1e-9);
  }
}
