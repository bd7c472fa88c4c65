package org.aet.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Chance-corrected agreement statistics. Each method takes counts and returns the statistic; 1 is
 * perfect agreement, 0 what chance alone would give, below 0 worse than chance.
 */
public final class Agreement {
  private Agreement() {}

  /**
   * Cohen's kappa for two raters' yes/no decisions, from the 2x2 table: both yes ({@code a}), first
   * no and second yes ({@code b}), first yes and second no ({@code c}), both no ({@code d}). When
   * both raters always say the same single answer, kappa is undefined; it is reported as 1 when
   * they agree on everything, else 0.
   */
  public static double cohenKappa(int a, int b, int c, int d) {
    double n = a + b + c + d;
    if (n == 0) {
      return 0;
    }
    double observed = (a + d) / n;
    double expected = ((a + b) / n) * ((a + c) / n) + ((c + d) / n) * ((b + d) / n);
    if (expected == 1) {
      return observed == 1 ? 1 : 0;
    }
    return (observed - expected) / (1 - expected);
  }

  /**
   * Ratings of items by several coders: {@code ratings.get(item).get(coder)} is the category the
   * coder gave, or null when the coder did not rate the item (missing data).
   */
  public record Ratings(List<List<String>> ratings) {
    public Ratings {
      ratings =
          ratings.stream()
              .map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r)))
              .toList();
    }

    int coders() {
      return ratings.isEmpty() ? 0 : ratings.get(0).size();
    }

    /** The items rated by at least two coders: the only ones that say anything about agreement. */
    List<List<String>> pairable() {
      return ratings.stream()
          .filter(r -> r.stream().filter(Objects::nonNull).count() >= 2)
          .toList();
    }
  }

  /**
   * Percent agreement: over items rated by at least two coders, the share of coder pairs that gave
   * the same category (for two coders, simply the share of items they agree on).
   */
  public static double percentAgreement(Ratings ratings) {
    List<List<String>> items = ratings.pairable();
    if (items.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (List<String> item : items) {
      List<String> given = item.stream().filter(Objects::nonNull).toList();
      int pairs = 0;
      int agreeing = 0;
      for (int i = 0; i < given.size(); i++) {
        for (int j = i + 1; j < given.size(); j++) {
          pairs++;
          agreeing += given.get(i).equals(given.get(j)) ? 1 : 0;
        }
      }
      sum += (double) agreeing / pairs;
    }
    return sum / items.size();
  }

  /**
   * Cohen's kappa for exactly two coders, over the items both rated; NaN for other numbers of
   * coders.
   */
  public static double cohenKappa(Ratings ratings) {
    if (ratings.coders() != 2) {
      return Double.NaN;
    }
    List<List<String>> items =
        ratings.ratings().stream().filter(r -> r.get(0) != null && r.get(1) != null).toList();
    if (items.isEmpty()) {
      return Double.NaN;
    }
    Map<String, int[]> marginals = new TreeMap<>();
    int agree = 0;
    for (List<String> item : items) {
      marginals.computeIfAbsent(item.get(0), k -> new int[2])[0]++;
      marginals.computeIfAbsent(item.get(1), k -> new int[2])[1]++;
      agree += item.get(0).equals(item.get(1)) ? 1 : 0;
    }
    double n = items.size();
    double observed = agree / n;
    double expected = 0;
    for (int[] m : marginals.values()) {
      expected += (m[0] / n) * (m[1] / n);
    }
    if (expected == 1) {
      return observed == 1 ? 1 : 0;
    }
    return (observed - expected) / (1 - expected);
  }

  /**
   * Fleiss' kappa over the items every coder rated (it assumes the same number of ratings per
   * item); NaN when there are none.
   */
  public static double fleissKappa(Ratings ratings) {
    List<List<String>> items =
        ratings.ratings().stream().filter(r -> r.stream().allMatch(Objects::nonNull)).toList();
    int raters = ratings.coders();
    if (items.isEmpty() || raters < 2) {
      return Double.NaN;
    }
    Map<String, Integer> totals = new TreeMap<>();
    double agreement = 0;
    for (List<String> item : items) {
      Map<String, Integer> counts = new TreeMap<>();
      item.forEach(c -> counts.merge(c, 1, Integer::sum));
      double pairs = 0;
      for (int count : counts.values()) {
        pairs += count * (count - 1.0);
      }
      agreement += pairs / (raters * (raters - 1.0));
      counts.forEach((c, count) -> totals.merge(c, count, Integer::sum));
    }
    double observed = agreement / items.size();
    double expected = 0;
    for (int total : totals.values()) {
      double p = total / (double) (items.size() * raters);
      expected += p * p;
    }
    if (expected == 1) {
      return observed == 1 ? 1 : 0;
    }
    return (observed - expected) / (1 - expected);
  }

  /**
   * Krippendorff's alpha for nominal data, any number of coders, missing ratings allowed: one minus
   * observed over expected disagreement, from the coincidence matrix of the items rated at least
   * twice.
   */
  public static double krippendorffAlpha(Ratings ratings) {
    Map<String, Map<String, Double>> coincidences = new TreeMap<>();
    for (List<String> item : ratings.pairable()) {
      List<String> given = item.stream().filter(Objects::nonNull).toList();
      double weight = 1.0 / (given.size() - 1);
      for (int i = 0; i < given.size(); i++) {
        for (int j = 0; j < given.size(); j++) {
          if (i != j) {
            coincidences
                .computeIfAbsent(given.get(i), k -> new TreeMap<>())
                .merge(given.get(j), weight, Double::sum);
          }
        }
      }
    }
    Map<String, Double> marginals = new TreeMap<>();
    double n = 0;
    double observedDisagreement = 0;
    for (Map.Entry<String, Map<String, Double>> row : coincidences.entrySet()) {
      for (Map.Entry<String, Double> cell : row.getValue().entrySet()) {
        marginals.merge(row.getKey(), cell.getValue(), Double::sum);
        n += cell.getValue();
        if (!row.getKey().equals(cell.getKey())) {
          observedDisagreement += cell.getValue();
        }
      }
    }
    if (n <= 1) {
      return Double.NaN;
    }
    double expectedDisagreement = 0;
    for (Map.Entry<String, Double> c : marginals.entrySet()) {
      for (Map.Entry<String, Double> k : marginals.entrySet()) {
        if (!c.getKey().equals(k.getKey())) {
          expectedDisagreement += c.getValue() * k.getValue();
        }
      }
    }
    if (expectedDisagreement == 0) {
      return observedDisagreement == 0 ? 1 : Double.NaN;
    }
    return 1 - (n - 1) * observedDisagreement / expectedDisagreement;
  }

  /**
   * Brennan and Prediger's kappa: percent agreement corrected for the agreement expected if coders
   * chose among {@code categories} at random, {@code (po - 1/q) / (1 - 1/q)}.
   */
  public static double brennanPrediger(Ratings ratings, int categories) {
    double observed = percentAgreement(ratings);
    double chance = 1.0 / categories;
    return (observed - chance) / (1 - chance);
  }
}
