package org.aet.indicators;

import java.util.List;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** Acronyms: two to ten capitals or digits, such as NIHR or CLAHRCs. */
public final class Acronyms implements Indicator {

  @Override
  public String name() {
    return "acronyms";
  }

  @Override
  public String description() {
    return "Acronyms: two to ten capitals or digits, such as NIHR or CLAHRCs.";
  }

  @Override
  public double compute(List<Token> tokens) {
    return Words.count(tokens, t -> Words.isAcronym(t.word()));
  }
}
