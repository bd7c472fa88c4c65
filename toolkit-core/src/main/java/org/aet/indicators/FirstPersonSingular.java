package org.aet.indicators;

import java.util.List;
import java.util.Set;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** Words for the speaker alone: I, me, my, mine, myself. */
public final class FirstPersonSingular implements Indicator {
  private static final Set<String> FORMS = Set.of("i", "me", "my", "mine", "myself");

  @Override
  public String name() {
    return "i_words";
  }

  @Override
  public String description() {
    return "Words for the speaker alone: I, me, my, mine, myself.";
  }

  @Override
  public double compute(List<Token> tokens) {
    return Words.countForms(tokens, FORMS);
  }
}
