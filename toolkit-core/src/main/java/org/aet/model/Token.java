package org.aet.model;

import java.util.Objects;

/**
 * A word or punctuation mark as the annotator saw it.
 *
 * @param word the token as written
 * @param lemma its dictionary form, lower case (for example "leader" for "Leaders")
 * @param pos its Penn Treebank part-of-speech tag
 * @param span where it stands in the transcript text
 * @param entity its named-entity class (PERSON, ORGANIZATION, LOCATION, ...), "O" for none, or ""
 *     when named entities were not asked for
 * @param sentiment the sentiment of its sentence, from -2 (very negative) to 2 (very positive), or
 *     NaN when sentiment was not asked for
 */
public record Token(
    String word, String lemma, String pos, Span span, String entity, double sentiment) {
  public Token {
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(lemma, "lemma");
    Objects.requireNonNull(pos, "pos");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(entity, "entity");
  }

  /** A token without named entities or sentiment: what the default annotators give. */
  public Token(String word, String lemma, String pos, Span span) {
    this(word, lemma, pos, span, "", Double.NaN);
  }
}
