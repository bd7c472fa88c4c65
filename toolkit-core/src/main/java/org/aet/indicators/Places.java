package org.aet.indicators;

/** Mentions of named places (CoreNLP's LOCATION class). */
public final class Places extends EntityMentions {
  public Places() {
    super("LOCATION");
  }

  @Override
  public String name() {
    return "places";
  }

  @Override
  public String description() {
    return "Mentions of named places (named entities must be asked for).";
  }
}
