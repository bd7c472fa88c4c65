package org.aet.semantic;

import java.util.Locale;

/**
 * How a sentence window gets its vector. Windows overlap (each sentence with the next), so
 * embedding each window as one text embeds every sentence about twice; building a window from its
 * sentences' own vectors embeds each sentence once.
 */
public enum WindowVectors {
  /** Each window embedded as one text. */
  WINDOWS,
  /**
   * Each sentence embedded once; a window's vector is the mean of its sentences' vectors, scaled to
   * unit length.
   */
  SENTENCES;

  /** The word used in options and files ("windows"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The label, as option help shows a default. */
  @Override
  public String toString() {
    return label();
  }

  /**
   * The kind {@code label} names (any case).
   *
   * @throws IllegalArgumentException when it names none
   */
  public static WindowVectors of(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT));
  }
}
