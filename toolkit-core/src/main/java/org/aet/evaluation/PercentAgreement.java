package org.aet.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * Percent agreement: over items rated by at least two coders, the share of coder pairs that gave
 * the same category (for two coders, simply the share of items they agree on).
 */
public final class PercentAgreement implements AgreementStatistic {
  @Override
  public String name() {
    return "percent_agreement";
  }

  @Override
  public String label() {
    return "Percent agreement";
  }

  @Override
  public String shortLabel() {
    return "percent";
  }

  @Override
  public String meaning() {
    return "The share of segments where the coders made the same decision. Easy to read but "
        + "flattering: for a rare code, two coders who never use it agree on almost every "
        + "segment.";
  }

  @Override
  public boolean isShare() {
    return true;
  }

  @Override
  public double compute(Ratings ratings) {
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
}
