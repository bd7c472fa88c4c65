package org.aet.evaluation;

import java.util.List;
import org.aet.io.Registry;

/**
 * One statistic of agreement between coders (percent agreement, a kappa, alpha). Each is computed
 * from {@link Ratings}: 1 is perfect agreement, 0 what chance alone would give, below 0 worse than
 * chance; NaN when it cannot be computed. Implementations are found through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/org.aet.evaluation.AgreementStatistic}); the
 * order there is the column order of every agreement report.
 */
public interface AgreementStatistic extends Registry.Named {
  /** The statistics registered, in report order. */
  static Registry<AgreementStatistic> registry() {
    return AgreementReport.STATISTICS;
  }

  /** The stable name, the key in JSON Lines reports ("krippendorff_alpha"). */
  String name();

  /** The column heading ("Krippendorff's alpha"). */
  String label();

  /** A heading of at most seven characters, for the text table ("alpha"). */
  String shortLabel();

  /** What it means, for people who do not use it every day (the report's explanations). */
  String meaning();

  /** True for a share (0 to 1) best shown as a percentage, such as percent agreement. */
  default boolean isShare() {
    return false;
  }

  /** The statistic over {@code ratings}. */
  double compute(Ratings ratings);

  @Override
  default List<String> names() {
    return List.of(name());
  }
}
