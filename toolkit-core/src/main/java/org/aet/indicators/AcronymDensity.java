package org.aet.indicators;

import java.util.List;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** Acronyms per 100 words. */
public final class AcronymDensity implements Indicator {

  @Override
  public String name() {
    return "acronym_density";
  }

  @Override
  public String description() {
    return "Acronyms per 100 words.";
  }

  @Override
  public double compute(List<Token> tokens) {
    return Words.per100(
        Words.count(tokens, t -> Words.isAcronym(t.word())), Words.count(tokens, t -> true));
  }
}
