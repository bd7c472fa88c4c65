package org.aet.indicators;

import java.util.List;
import java.util.Set;
import org.aet.model.Indicator;
import org.aet.model.Token;

/** Words for institutions and structures: university, trust, NHS, government, board, system... */
public final class InstitutionWords implements Indicator {
  private static final Set<String> LEMMAS =
      Set.of(
          "university",
          "universities",
          "institution",
          "trust",
          "nhs",
          "funder",
          "government",
          "department",
          "organisation",
          "organization",
          "board",
          "management",
          "council",
          "system",
          "committee",
          "ministry",
          "commissioner",
          "authority");

  @Override
  public String name() {
    return "institution_words";
  }

  @Override
  public String description() {
    return "Words for institutions and structures: university, trust, NHS, government, board, system...";
  }

  @Override
  public double compute(List<Token> tokens) {
    return Words.countLemmas(tokens, LEMMAS);
  }
}
