package org.aet.indicators;

import java.util.List;
import java.util.Set;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** Words for a group the speaker is part of: we, us, our, ours, ourselves. */
public final class FirstPersonPlural implements Indicator {
  private static final Set<String> FORMS = Set.of("we", "us", "our", "ours", "ourselves");

  @Override
  public String name() {
    return "we_words";
  }

  @Override
  public String description() {
    return "Words for a group the speaker is part of: we, us, our, ours, ourselves.";
  }

  @Override
  public double compute(List<Token> tokens) {
    return Words.countForms(tokens, FORMS);
  }
}
