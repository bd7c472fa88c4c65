package org.aet.project;

import java.util.Locale;

/** Whose decision it is: a coder's own review, or the team's consensus. */
public enum DecisionKind {
  /** A coder's own decision, from their review workbook. */
  REVIEW,
  /** The team's agreed decision, from a consensus workbook. */
  CONSENSUS;

  /** The word stored in the project and shown in workbooks ("review"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind {@code label} names; anything but "consensus" is a review, as older projects wrote.
   */
  public static DecisionKind of(String label) {
    return label.equalsIgnoreCase(CONSENSUS.label()) ? CONSENSUS : REVIEW;
  }
}
