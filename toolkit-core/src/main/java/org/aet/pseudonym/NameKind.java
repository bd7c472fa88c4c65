package org.aet.pseudonym;

import java.util.Locale;

/**
 * What a replaced name refers to, which decides the form of its pseudonym: speakers become
 * "Participant 3", people mentioned "[Person 2]", organisations "[Organisation B]", places "[Place
 * 4]", anything else from the researcher's list "[Name 1]".
 */
public enum NameKind {
  SPEAKER("speaker", "Participant ", "", false),
  PERSON("person", "[Person ", "]", false),
  ORGANISATION("organisation", "[Organisation ", "]", true),
  PLACE("place", "[Place ", "]", false),
  OTHER("other", "[Name ", "]", false);

  private final String label;
  private final String prefix;
  private final String suffix;
  private final boolean lettered;

  NameKind(String label, String prefix, String suffix, boolean lettered) {
    this.label = label;
    this.prefix = prefix;
    this.suffix = suffix;
    this.lettered = lettered;
  }

  /** The word used in the key and the review workbook. */
  public String label() {
    return label;
  }

  /** The pseudonym numbered {@code n} (from 1): organisations are lettered A, B, ... Z, AA, AB. */
  public String pseudonym(int n) {
    return prefix + (lettered ? letters(n) : Integer.toString(n)) + suffix;
  }

  /** The number in {@code pseudonym} when it has this kind's form, else 0. */
  int numberIn(String pseudonym) {
    if (!pseudonym.startsWith(prefix)
        || !pseudonym.endsWith(suffix)
        || pseudonym.length() <= prefix.length() + suffix.length()) {
      return 0;
    }
    String middle = pseudonym.substring(prefix.length(), pseudonym.length() - suffix.length());
    if (lettered) {
      int n = 0;
      for (char c : middle.toCharArray()) {
        if (c < 'A' || c > 'Z' || n > 1_000_000) {
          return 0;
        }
        n = n * 26 + (c - 'A' + 1);
      }
      return n;
    }
    return middle.matches("[0-9]{1,7}") ? Integer.parseInt(middle) : 0;
  }

  /** The kind labelled {@code label} (any case), or null. */
  public static NameKind of(String label) {
    String wanted = label.strip().toLowerCase(Locale.ROOT);
    for (NameKind kind : values()) {
      if (kind.label.equals(wanted)) {
        return kind;
      }
    }
    return null;
  }

  static String letters(int n) {
    StringBuilder out = new StringBuilder();
    for (int rest = n; rest > 0; rest = (rest - 1) / 26) {
      out.insert(0, (char) ('A' + (rest - 1) % 26));
    }
    return out.toString();
  }
}
