package org.aet.evaluation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cohen's kappa for exactly two coders, over the items both rated; NaN for other numbers of coders.
 */
public final class CohensKappa implements AgreementStatistic {
  @Override
  public String name() {
    return "cohen_kappa";
  }

  @Override
  public String label() {
    return "Cohen's kappa";
  }

  @Override
  public String shortLabel() {
    return "cohen";
  }

  @Override
  public String meaning() {
    return "Agreement between two coders corrected for what chance would give with each "
        + "coder's own habits. 1 is perfect, 0 is no better than chance, below 0 worse. "
        + "Shown only for two coders.";
  }

  @Override
  public double compute(Ratings ratings) {
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
}
