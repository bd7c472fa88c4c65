package org.aet.indicators;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.aet.model.Token;

/** What the indicators share: which tokens are words, counting them, densities, syllables. */
final class Words {
  private Words() {}

  /** A word starts with a letter or digit (punctuation is not a word). */
  static boolean isWord(Token token) {
    return Character.isLetterOrDigit(token.word().codePointAt(0));
  }

  static String lower(Token token) {
    return token.word().toLowerCase(Locale.ROOT);
  }

  /** The number of words for which {@code test} holds. */
  static int count(List<Token> tokens, Predicate<Token> test) {
    int count = 0;
    for (Token token : tokens) {
      if (isWord(token) && test.test(token)) {
        count++;
      }
    }
    return count;
  }

  /** The number of words whose lower-case form is in {@code words}. */
  static int countForms(List<Token> tokens, Set<String> words) {
    return count(tokens, t -> words.contains(lower(t)));
  }

  /** The number of words whose lemma is in {@code lemmas}. */
  static int countLemmas(List<Token> tokens, Set<String> lemmas) {
    return count(tokens, t -> lemmas.contains(t.lemma()));
  }

  /** {@code count} per 100 words, to one decimal; 0 without words. */
  static double per100(int count, int words) {
    return words == 0 ? 0 : Math.round(count * 1000.0 / words) / 10.0;
  }

  private static final Set<String> NOT_ACRONYMS = Set.of("I", "OK", "A", "AM", "PM", "TV");

  /**
   * Two to ten capitals or digits (or &), starting with a capital, perhaps with a plural s: NIHR,
   * CLAHRCs.
   */
  static boolean isAcronym(String word) {
    int end = word.endsWith("s") ? word.length() - 1 : word.length();
    if (end < 2
        || end > 10
        || word.charAt(0) < 'A'
        || word.charAt(0) > 'Z'
        || NOT_ACRONYMS.contains(word)) {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = word.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Syllables in a lower-case word, estimated from its vowel groups (a silent final e not counted).
   */
  static int syllables(String word) {
    int count = 0;
    boolean vowel = false;
    char last = 0;
    char beforeLast = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        continue;
      }
      boolean v = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
      if (v && !vowel) {
        count++;
      }
      vowel = v;
      beforeLast = last;
      last = c;
    }
    if (last == 'e' && beforeLast != 'l' && count > 1) {
      count--;
    }
    return Math.max(count, 1);
  }
}
