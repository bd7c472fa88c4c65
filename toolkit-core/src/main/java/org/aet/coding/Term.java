package org.aet.coding;

import java.util.List;
import java.util.Locale;
import org.aet.model.Token;

/**
 * A lemma or phrase from a codebook rule, compiled for matching: its words in lower case
 * (hyphenated words split as {@link HyphenSplitter} does), each matched against a token's lemma or
 * written form, a word ending in {@code *} matching any ending.
 */
record Term(String written, List<String> words, String kind, double weight) {

  static Term of(String written, String kind, double weight) {
    List<String> words = List.copyOf(HyphenSplitter.splitWords(written.toLowerCase(Locale.ROOT)));
    return new Term(written, words, kind, weight);
  }

  /**
   * The first word when it is matched exactly (the key to index by), or null when it is a prefix.
   */
  String exactFirstWord() {
    String first = words.get(0);
    return first.endsWith("*") ? null : first;
  }

  /** How many tokens match from {@code start}, or 0 when the term does not start there. */
  int matchAt(List<Token> tokens, int start) {
    int t = start;
    for (String word : words) {
      if (t >= tokens.size() || !matches(word, tokens.get(t))) {
        return 0;
      }
      t++;
    }
    return t - start;
  }

  /** {@code lemma "tokenistic"} or {@code phrase "tick box"}: how the rule reads in evidence. */
  String describe() {
    return kind + " \"" + written + "\"";
  }

  private static boolean matches(String word, Token token) {
    if (word.endsWith("*")) {
      String prefix = word.substring(0, word.length() - 1);
      return token.lemma().startsWith(prefix) || lower(token).startsWith(prefix);
    }
    return token.lemma().equals(word) || lower(token).equals(word);
  }

  private static String lower(Token token) {
    return token.word().toLowerCase(Locale.ROOT);
  }
}
