package org.aet.model;

import java.util.Objects;

/**
 * A few sentences of a segment as the semantic layer saw them: where they stand and their meaning
 * as a unit-length vector. Turns are embedded as windows of sentences, not whole, because a long
 * turn touches on many things and its average meaning matches none of them.
 *
 * @param span where the window stands in the transcript text
 * @param vector its embedding, unit length
 */
public record SentenceWindow(Span span, float[] vector) {
  public SentenceWindow {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(vector, "vector");
  }
}
