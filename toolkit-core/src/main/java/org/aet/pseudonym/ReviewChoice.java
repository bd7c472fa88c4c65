package org.aet.pseudonym;

import java.util.Locale;

/**
 * What a reviewer chooses for a name in the review workbook: accept the pseudonym, reject the name
 * (never replaced), or correct the pseudonym (accepting the corrected one).
 */
public enum ReviewChoice {
  ACCEPT,
  REJECT,
  CORRECT;

  /** The word in the workbook's Decision column ("accept"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The choice {@code label} names (any case).
   *
   * @throws IllegalArgumentException when it names none
   */
  public static ReviewChoice of(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT));
  }

  /** What the choice makes of the name in the key. */
  public PseudonymKey.Decision decision() {
    return this == REJECT ? PseudonymKey.Decision.REJECTED : PseudonymKey.Decision.ACCEPTED;
  }

  /** The choice a workbook shows for a key's decision: none for a name still proposed. */
  static String shown(PseudonymKey.Decision decision) {
    return switch (decision) {
      case PROPOSED -> "";
      case ACCEPTED -> ACCEPT.label();
      case REJECTED -> REJECT.label();
    };
  }
}
