package org.aet.indicators;

import java.util.List;
import java.util.Set;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** Words for others as a group: they, them, their, theirs, themselves. */
public final class ThirdPersonPlural implements Indicator {
  private static final Set<String> FORMS = Set.of("they", "them", "their", "theirs", "themselves");

  @Override
  public String name() {
    return "they_words";
  }

  @Override
  public String description() {
    return "Words for others as a group: they, them, their, theirs, themselves.";
  }

  @Override
  public double compute(List<Token> tokens) {
    return Words.countForms(tokens, FORMS);
  }
}
