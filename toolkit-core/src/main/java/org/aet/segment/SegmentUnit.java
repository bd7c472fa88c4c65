package org.aet.segment;

import java.util.Locale;

/**
 * What one coded segment is: a whole turn (the default, as most qualitative coding works) or one
 * sentence.
 */
public enum SegmentUnit {
  TURN,
  SENTENCE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
