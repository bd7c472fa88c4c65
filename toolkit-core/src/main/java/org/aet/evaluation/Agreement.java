package org.aet.evaluation;

/**
 * Cohen's kappa from a 2x2 table, for the evaluation of suggestions against a gold coding (the
 * statistics between coders are {@link AgreementStatistic}s).
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
}
