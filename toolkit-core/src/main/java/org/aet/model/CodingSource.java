package org.aet.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Which part of aet suggested a coding. A person's decision has the coder's name as its source
 * instead (or "consensus"), so {@link #of} is empty for it.
 */
public enum CodingSource {
  /** A codebook's detection rules (words, phrases, patterns). */
  RULE,
  /** Only conditions on linguistic indicators. */
  INDICATOR,
  /** The semantic layer, without a rule: the passage reads like the code. */
  SEMANTIC,
  /** A model learned from the team's own coding. */
  LEARNED;

  /** The word recorded with a coding ("rule"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The machine source {@code source} names, or empty for a person's name. */
  public static Optional<CodingSource> of(String source) {
    for (CodingSource s : values()) {
      if (s.label().equals(source)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
