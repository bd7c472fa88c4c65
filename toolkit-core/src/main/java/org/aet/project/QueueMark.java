package org.aet.project;

import java.util.Locale;

/**
 * What a coder did with a passage the ranked queue offered without deciding it. Kept per coder in
 * the project, so the queue is the same after a restart.
 */
public enum QueueMark {
  /** Leave it out of this coder's queue (another coder may still decide it). */
  SKIP,
  /** Offer it again after everything else. */
  POSTPONE;

  /** The word stored in the project ("skip"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mark {@code label} names (any case).
   *
   * @throws IllegalArgumentException when it names none
   */
  public static QueueMark of(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT));
  }
}
