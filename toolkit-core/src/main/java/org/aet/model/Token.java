package org.aet.model;

import java.util.Objects;

/**
 * A word or punctuation mark as the annotator saw it.
 *
 * @param word the token as written
 * @param lemma its dictionary form, lower case (for example "leader" for "Leaders")
 * @param pos its Penn Treebank part-of-speech tag
 * @param span where it stands in the transcript text
 */
public record Token(String word, String lemma, String pos, Span span) {
  public Token {
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(lemma, "lemma");
    Objects.requireNonNull(pos, "pos");
    Objects.requireNonNull(span, "span");
  }
}
