package org.aet.model;

import java.util.Objects;

/**
 * A sentence: its span in the transcript text and the tokens {@code [firstToken, endToken)} it
 * holds.
 */
public record Sentence(Span span, int firstToken, int endToken) {
  public Sentence {
    Objects.requireNonNull(span, "span");
    if (firstToken < 0 || endToken < firstToken) {
      throw new IllegalArgumentException("invalid token range " + firstToken + ".." + endToken);
    }
  }
}
