package org.aet.ingest;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * {@code words} without titles before and letters after, removed only while more than {@code
   * keep} words remain ("Mr Smith" keeps its title when two must remain: "Mr Smith" and "Mrs Smith"
   * are two people).
   */
  public static List<String> bare(List<String> words, int keep) {
    List<String> out = new ArrayList<>(words);
    while (out.size() > keep && isTitle(out.get(0))) {
      out.remove(0);
    }
    while (out.size() > keep && isLettersAfter(out.get(out.size() - 1))) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static String plain(String word) {
    return word.replace(".", "").strip().toLowerCase(Locale.ROOT);
  }
}
