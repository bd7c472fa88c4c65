package org.aet.model;

/**
 * Counts words the way reports and progress bars do: maximal runs of letters, digits and inner
 * apostrophes.
 */
public final class Words {
  private Words() {}

  public static int count(CharSequence text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter || (inWord && isInnerApostrophe(text, i));
    }
    return words;
  }

  private static boolean isInnerApostrophe(CharSequence text, int i) {
    char c = text.charAt(i);
    return (c == '\'' || c == '\u2019')
        && i + 1 < text.length()
        && Character.isLetter(text.charAt(i + 1));
  }
}
