package org.aet.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.aet.evaluation.AgreementStatistic;
import org.aet.evaluation.Ratings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered agreement statistic promises: 1 for perfect agreement where it is defined,
 * a value within its range (a share from 0 to 1, a chance-corrected statistic at most 1), the same
 * figure whatever the order of the coders or of the items, and NaN rather than an exception where
 * it cannot be computed; and names and labels a report can show.
 */
class AgreementStatisticContractTest {
  static Stream<Arguments> everyStatistic() {
    return AgreementStatistic.registry().all().stream().map(s -> Arguments.of(s.name(), s));
  }

  private static Ratings ratings(String... rows) {
    List<List<String>> items = new ArrayList<>();
    for (String row : rows) {
      items.add(Arrays.stream(row.split(",")).map(v -> v.equals("-") ? null : v).toList());
    }
    return new Ratings(items);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyStatistic")
  void perfectAgreementIsOneForTwoCodersAndNeverMoreThanOneForThree(
      String name, AgreementStatistic statistic) {
    assertEquals(
        1.0, statistic.compute(ratings("yes,yes", "no,no", "no,no", "yes,yes")), 1e-12, name);
    double three = statistic.compute(ratings("yes,yes,yes", "no,no,no", "no,no,no", "yes,yes,yes"));
    assertTrue(Double.isNaN(three) || Math.abs(three - 1.0) < 1e-12, name + ": " + three);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyStatistic")
  void withinItsRangeAndIndependentOfTheOrderOfCodersAndItems(
      String name, AgreementStatistic statistic) {
    Random random = new Random(42);
    for (int trial = 0; trial < 200; trial++) {
      int items = 2 + random.nextInt(30);
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        List<String> row = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
          int pick = random.nextInt(7);
          row.add(pick == 0 ? null : pick < 4 ? "yes" : "no");
        }
        rows.add(row);
      }
      double value = statistic.compute(new Ratings(rows));
      if (Double.isNaN(value)) {
        continue;
      }
      assertTrue(value <= 1.0 + 1e-12, name + " above 1: " + value);
      if (statistic.isShare()) {
        assertTrue(value >= -1e-12, name + " is a share below 0: " + value);
      }
      List<List<String>> swapped =
          rows.stream()
              .map(r -> List.of(r, r).get(0))
              .map(
                  r -> {
                    List<String> s = new ArrayList<>(r);
                    java.util.Collections.reverse(s);
                    return s;
                  })
              .toList();
      assertEquals(
          value, statistic.compute(new Ratings(swapped)), 1e-12, name + ": coders swapped");
      List<List<String>> shuffled = new ArrayList<>(rows);
      java.util.Collections.shuffle(shuffled, random);
      assertEquals(
          value, statistic.compute(new Ratings(shuffled)), 1e-12, name + ": items shuffled");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyStatistic")
  void nothingToCompareIsNaNNotAnError(String name, AgreementStatistic statistic) {
    assertTrue(Double.isNaN(statistic.compute(new Ratings(List.of()))), name + ": no items");
    assertTrue(
        Double.isNaN(statistic.compute(ratings("yes,-", "-,no"))), name + ": no item both rated");
  }

  @Test
  void namesAreUniqueAndLabelsShowable() {
    Set<String> names = new HashSet<>();
    for (AgreementStatistic s : AgreementStatistic.registry().all()) {
      assertTrue(names.add(s.name()), "one name each: " + s.name());
      assertTrue(s.name().matches("[a-z][a-z0-9_]*"), "a JSON key: " + s.name());
      assertFalse(s.label().isBlank(), s.name());
      assertTrue(
          s.shortLabel().length() <= 7, "a short label fits the text table: " + s.shortLabel());
      assertTrue(s.meaning().length() > 20, "says what it means: " + s.name());
    }
  }
}
