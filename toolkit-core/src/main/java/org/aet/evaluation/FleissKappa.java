package org.aet.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fleiss' kappa over the items every coder rated (it assumes the same number of ratings per item);
 * NaN when there are none.
 */
public final class FleissKappa implements AgreementStatistic {
  @Override
  public String name() {
    return "fleiss_kappa";
  }

  @Override
  public String label() {
    return "Fleiss' kappa";
  }

  @Override
  public String shortLabel() {
    return "fleiss";
  }

  @Override
  public String meaning() {
    return "The same correction for any number of coders, with chance from everyone's habits "
        + "pooled.";
  }

  @Override
  public double compute(Ratings ratings) {
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
}
