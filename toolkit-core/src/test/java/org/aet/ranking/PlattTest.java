package org.aet.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Platt scaling on scores whose true curve is known. */
class PlattTest {
  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @Test
  void recoversAKnownCurve() {
    Random random = new Random(11);
    List<Platt.Point> points = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double logit = random.nextGaussian() * 2;
      boolean has = random.nextDouble() < sigmoid(0.5 * logit - 2);
      points.add(new Platt.Point(sigmoid(logit), has));
    }
    Platt platt = Platt.fit(points);
    assertEquals(0.5, platt.slope(), 0.05);
    assertEquals(-2, platt.intercept(), 0.1);
    assertEquals(sigmoid(-2), platt.probability(0.5), 0.01);
  }

  @Test
  void scoresThatSeparateTheClassesStillGiveAFiniteCurve() {
    List<Platt.Point> points = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      points.add(new Platt.Point(0.9, true));
      points.add(new Platt.Point(0.2, false));
    }
    Platt platt = Platt.fit(points);
    assertTrue(Double.isFinite(platt.slope()) && Double.isFinite(platt.intercept()), "" + platt);
    assertTrue(platt.probability(0.9) > 0.9 && platt.probability(0.2) < 0.1, "" + platt);
  }

  @Test
  void oneClassGivesItsShare() {
    List<Platt.Point> none = List.of(new Platt.Point(0.7, false), new Platt.Point(0.1, false));
    assertEquals(0, Platt.fit(none).probability(0.99), 1e-9);
    assertEquals(0, Platt.fit(List.of()).probability(0.5), 1e-9);
  }
}
