package org.aet.indicators;

import java.util.List;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** The number of words (punctuation not counted). */
public final class WordCount implements Indicator {

  @Override
  public String name() {
    return "words";
  }

  @Override
  public String description() {
    return "The number of words (punctuation not counted).";
  }

  @Override
  public double compute(List<Token> tokens) {
    return Words.count(tokens, t -> true);
  }
}
