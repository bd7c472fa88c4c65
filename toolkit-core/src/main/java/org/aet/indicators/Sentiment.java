package org.aet.indicators;

import java.util.List;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** The mean sentiment of a segment's words (-1 negative to 1 positive), when asked for. */
public final class Sentiment implements Indicator {
  @Override
  public String name() {
    return "sentiment";
  }

  @Override
  public String description() {
    return "The mean sentiment of the words, from -1 (negative) to 1 (positive), to two decimals"
        + " (sentiment must be asked for).";
  }

  @Override
  public Needs needs() {
    return Needs.SENTIMENT;
  }

  @Override
  public double compute(List<Token> tokens) {
    double mean =
        tokens.stream()
            .filter(Words::isWord)
            .mapToDouble(Token::sentiment)
            .filter(v -> !Double.isNaN(v))
            .average()
            .orElse(Double.NaN);
    return Double.isNaN(mean) ? mean : Math.round(mean * 100) / 100.0;
  }
}
