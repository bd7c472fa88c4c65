package org.aet.segment;

import java.util.Locale;

/**
 * What one coded segment is: a whole turn (the default, as most qualitative coding works) or one
 * sentence.
 */
public enum SegmentUnit {
  TURN,
  SENTENCE;

  /** The word used in files and projects ("turn"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The unit {@code label} names (any case).
   *
   * @throws IllegalArgumentException when it names none
   */
  public static SegmentUnit of(String label) {
    for (SegmentUnit unit : values()) {
      if (unit.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
        return unit;
      }
    }
    throw new IllegalArgumentException(
        "\"" + label + "\" is not a kind of segment: say turn or sentence");
  }
}
