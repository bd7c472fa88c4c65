package org.aet.indicators;

/** Mentions of named organisations (CoreNLP's ORGANIZATION class). */
public final class Organisations extends EntityMentions {
  public Organisations() {
    super("ORGANIZATION");
  }

  @Override
  public String name() {
    return "organisations";
  }

  @Override
  public String description() {
    return "Mentions of named organisations (named entities must be asked for).";
  }
}
