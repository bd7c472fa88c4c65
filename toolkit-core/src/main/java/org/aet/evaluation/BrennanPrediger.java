package org.aet.evaluation;

/**
 * Brennan and Prediger's kappa for yes/no decisions: percent agreement corrected for the agreement
 * expected if coders chose yes or no at random, (po - 1/2) / (1 - 1/2).
 */
public final class BrennanPrediger implements AgreementStatistic {
  @Override
  public String name() {
    return "brennan_prediger";
  }

  @Override
  public String label() {
    return "Brennan-Prediger";
  }

  @Override
  public String shortLabel() {
    return "b-p";
  }

  @Override
  public String meaning() {
    return "A kappa that assumes chance picks yes or no equally often. It stays meaningful "
        + "for rare codes, where the kappas and alpha can be low even when the coders "
        + "almost always agree (the prevalence paradox).";
  }

  @Override
  public double compute(Ratings ratings) {
    double observed = new PercentAgreement().compute(ratings);
    double chance = 1.0 / 2;
    return (observed - chance) / (1 - chance);
  }
}
