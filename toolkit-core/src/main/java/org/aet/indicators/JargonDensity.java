package org.aet.indicators;

import java.util.List;
import java.util.Set;
import org.aet.model.Indicator;
import org.aet.model.Token;

/**
 * Acronyms and research or management jargon (methodology, stakeholder, impact, governance...) per
 * 100 words.
 */
public final class JargonDensity implements Indicator {
  private static final Set<String> JARGON =
      Set.of(
          "methodology",
          "paradigm",
          "stakeholder",
          "dissemination",
          "implementation",
          "evaluation",
          "protocol",
          "qualitative",
          "quantitative",
          "cohort",
          "randomise",
          "randomize",
          "efficacy",
          "intervention",
          "outcome",
          "framework",
          "infrastructure",
          "translational",
          "epistemology",
          "ontology",
          "deliverable",
          "metric",
          "governance",
          "impact",
          "pathway",
          "evidence-based",
          "co-production",
          "engagement",
          "capacity",
          "mobilisation",
          "mobilization",
          "commissioning");

  @Override
  public String name() {
    return "jargon_density";
  }

  @Override
  public String description() {
    return "Acronyms and research or management jargon (methodology, stakeholder, impact, governance...) per 100 words.";
  }

  @Override
  public double compute(List<Token> tokens) {
    int jargon = Words.count(tokens, t -> Words.isAcronym(t.word()) || JARGON.contains(t.lemma()));
    return Words.per100(jargon, Words.count(tokens, t -> true));
  }
}
