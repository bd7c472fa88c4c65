package org.aet.indicators;

import java.util.List;
import org.aet.model.Indicator;
import org.aet.model.Token;

/**
 * Flesch reading ease: 206.835 - 1.015 (words / sentences) - 84.6 (syllables / words); higher is
 * easier, 60-70 is plain English.
 */
public final class Readability implements Indicator {
  /** The score, rounded to one decimal; 0 for a segment without words. */
  static double score(int words, int sentences, int syllables) {
    if (words == 0) {
      return 0;
    }
    double score = 206.835 - 1.015 * words / sentences - 84.6 * syllables / (double) words;
    return Math.round(score * 10) / 10.0;
  }

  @Override
  public String name() {
    return "readability";
  }

  @Override
  public String description() {
    return "Flesch reading ease: 206.835 - 1.015 (words / sentences) - 84.6 (syllables / words); higher is easier, 60-70 is plain English.";
  }

  @Override
  public double compute(List<Token> tokens) {
    int words = 0;
    int syllables = 0;
    int sentences = 0;
    for (Token token : tokens) {
      if (token.pos().equals(".")) {
        sentences++;
      }
      if (Words.isWord(token)) {
        words++;
        syllables += Words.syllables(Words.lower(token));
      }
    }
    return score(words, Math.max(sentences, 1), syllables);
  }
}
