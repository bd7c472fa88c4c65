package org.aet.indicators;

import java.util.List;
import java.util.Set;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** Words of ideals: ideally, genuine, truly, properly, fully, perfect, gold (standard)... */
public final class IdealWords implements Indicator {
  private static final Set<String> FORMS =
      Set.of(
          "ideal",
          "ideally",
          "genuine",
          "genuinely",
          "true",
          "truly",
          "proper",
          "properly",
          "fully",
          "perfect",
          "gold");

  @Override
  public String name() {
    return "ideal_words";
  }

  @Override
  public String description() {
    return "Words of ideals: ideally, genuine, truly, properly, fully, perfect, gold (standard)...";
  }

  @Override
  public double compute(List<Token> tokens) {
    return Words.countForms(tokens, FORMS);
  }
}
