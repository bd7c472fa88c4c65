package org.aet.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Krippendorff's alpha for nominal data, any number of coders, missing ratings allowed: one minus
 * observed over expected disagreement, from the coincidence matrix of the items rated at least
 * twice.
 */
public final class KrippendorffsAlpha implements AgreementStatistic {
  @Override
  public String name() {
    return "krippendorff_alpha";
  }

  @Override
  public String label() {
    return "Krippendorff's alpha";
  }

  @Override
  public String shortLabel() {
    return "alpha";
  }

  @Override
  public String meaning() {
    return "Agreement corrected for chance that allows segments some coders did not code. "
        + "The usual reading: 0.8 or more is reliable; 0.667 to 0.8 allows only tentative "
        + "conclusions; below 0.667, discuss the code's definition and code again "
        + "(Krippendorff 2004).";
  }

  @Override
  public double compute(Ratings ratings) {
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
}
