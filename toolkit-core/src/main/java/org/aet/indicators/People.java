package org.aet.indicators;

/** Mentions of named people (CoreNLP's PERSON class). */
public final class People extends EntityMentions {
  public People() {
    super("PERSON");
  }

  @Override
  public String name() {
    return "people";
  }

  @Override
  public String description() {
    return "Mentions of named people (named entities must be asked for).";
  }
}
