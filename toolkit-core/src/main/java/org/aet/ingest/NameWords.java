package org.aet.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * Words that stand around a person's name without being part of it: titles and honorifics before
 * ("Dr", "Rt Hon", "Cllr") and letters after ("AM", "MP", "OBE"). Used to tell labels of one
 * speaker apart from another's, and to find the parts of a name worth hiding.
 */
public final class NameWords {
  static final Set<String> TITLES =
      Set.of(
          "hon",
          "honourable",
          "honorable",
          "rt",
          "right",
          "the",
          "dr",
          "doctor",
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "prof",
          "professor",
          "sir",
          "dame",
          "lord",
          "lady",
          "baroness",
          "baron",
          "cllr",
          "councillor",
          "rev",
          "reverend",
          "senator",
          "sen",
          "rep");
  static final Set<String> LETTERS_AFTER =
      Set.of(
          "am", "ms", "mp", "msp", "mla", "mep", "td", "qc", "kc", "obe", "mbe", "cbe", "dbe",
          "frs", "phd", "md");

  private NameWords() {}

  /** True for a title or honorific, in any case, with or without its full stop. */
  public static boolean isTitle(String word) {
    return TITLES.contains(plain(word));
  }

  /** True for letters written after a name (degrees, honours, a parliament's members). */
  public static boolean isLettersAfter(String word) {
    return LETTERS_AFTER.contains(plain(word));
  }

  private static String plain(String word) {
    return word.replace(".", "").strip().toLowerCase(Locale.ROOT);
  }
}
