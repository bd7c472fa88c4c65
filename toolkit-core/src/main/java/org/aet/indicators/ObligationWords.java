package org.aet.indicators;

import java.util.List;
import java.util.Set;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** Words of obligation: must, should, ought, shall, and need to or have to. */
public final class ObligationWords implements Indicator {
  private static final Set<String> MODALS = Set.of("must", "should", "ought", "shall");
  private static final Set<String> NEEDS = Set.of("need", "have");

  @Override
  public String name() {
    return "obligation_words";
  }

  @Override
  public String description() {
    return "Words of obligation: must, should, ought, shall, and need to or have to.";
  }

  @Override
  public double compute(List<Token> tokens) {
    int count = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      boolean toFollows = i + 1 < tokens.size() && tokens.get(i + 1).word().equalsIgnoreCase("to");
      if (Words.isWord(token)
          && (MODALS.contains(Words.lower(token))
              || (NEEDS.contains(token.lemma()) && toFollows))) {
        count++;
      }
    }
    return count;
  }
}
