package org.aet.indicators;

import java.util.List;
import java.util.Set;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** Hedges: perhaps, maybe, might, could, possibly, probably, seem, suppose, partly... */
public final class HedgeWords implements Indicator {
  private static final Set<String> HEDGES =
      Set.of(
          "perhaps",
          "maybe",
          "might",
          "could",
          "possibly",
          "probably",
          "somewhat",
          "arguably",
          "seem",
          "suppose",
          "guess",
          "partly");

  @Override
  public String name() {
    return "hedge_words";
  }

  @Override
  public String description() {
    return "Hedges: perhaps, maybe, might, could, possibly, probably, seem, suppose, partly...";
  }

  @Override
  public double compute(List<Token> tokens) {
    return Words.count(tokens, t -> HEDGES.contains(t.lemma()) || HEDGES.contains(Words.lower(t)));
  }
}
