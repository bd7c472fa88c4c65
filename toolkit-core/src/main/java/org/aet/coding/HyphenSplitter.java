package org.aet.coding;

import java.util.ArrayList;
import java.util.List;
import org.aet.model.Span;
import org.aet.model.Token;

/**
 * Splits hyphenated tokens into their parts ("co-author" into "co", "-", "author"), keeping exact
 * spans.
 *
 * <p>CoreNLP splits some hyphenated words ("tick - box") and keeps others whole ("co-production",
 * "pre-meetings"), depending on the prefix. Rules and tokens are both split the same way before
 * matching, so a rule written "tick-box" or "co-production" finds the words however the tokenizer
 * treated them.
 */
final class HyphenSplitter {
  private HyphenSplitter() {}

  /**
   * {@code tokens} with every hyphenated token replaced by its parts; the same list when there are
   * none.
   */
  static List<Token> split(List<Token> tokens) {
    List<Token> out = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      boolean hyphenated =
          token.word().length() > 1
              && token.word().indexOf('-', 1) > 0
              && token.word().length() == token.span().length();
      if (hyphenated && out == null) {
        out = new ArrayList<>(tokens.subList(0, i));
      }
      if (out != null) {
        if (hyphenated) {
          addParts(token, out);
        } else {
          out.add(token);
        }
      }
    }
    return out == null ? tokens : out;
  }

  private static void addParts(Token token, List<Token> out) {
    String[] words = token.word().split("-", -1);
    String[] lemmas = token.lemma().split("-", -1);
    int at = token.span().begin();
    for (int p = 0; p < words.length; p++) {
      if (p > 0) {
        out.add(new Token("-", "-", "HYPH", new Span(at, at + 1)));
        at++;
      }
      String word = words[p];
      if (!word.isEmpty()) {
        String lemma =
            lemmas.length == words.length ? lemmas[p] : word.toLowerCase(java.util.Locale.ROOT);
        out.add(new Token(word, lemma, token.pos(), new Span(at, at + word.length())));
      }
      at += word.length();
    }
  }

  /** A rule's words split the same way: "tick-box exercise" gives tick, -, box, exercise. */
  static List<String> splitWords(String written) {
    List<String> words = new ArrayList<>();
    for (String word : written.strip().split("\\s+")) {
      String[] parts = word.split("-", -1);
      for (int p = 0; p < parts.length; p++) {
        if (p > 0) {
          words.add("-");
        }
        if (!parts[p].isEmpty()) {
          words.add(parts[p]);
        }
      }
    }
    return words;
  }
}
