package org.aet.indicators;

import java.util.List;
import org.aet.model.Indicator;
import org.aet.model.Indicators;
import org.aet.model.Token;

/**
 * Named-entity mentions of one class (people, organisations, places), when entities were asked for.
 */
abstract class EntityMentions implements Indicator {
  private final String entityClass;

  EntityMentions(String entityClass) {
    this.entityClass = entityClass;
  }

  @Override
  public Needs needs() {
    return Needs.ENTITIES;
  }

  @Override
  public double compute(List<Token> tokens) {
    if (tokens.stream().allMatch(t -> t.entity().isEmpty())) {
      return Double.NaN;
    }
    return Indicators.mentions(tokens, entityClass).size();
  }
}
