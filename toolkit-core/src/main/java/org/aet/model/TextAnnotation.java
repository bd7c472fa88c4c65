package org.aet.model;

import java.util.List;

/**
 * What an annotator found in a text: its tokens and sentences, with spans into that text. A plain
 * value, so it can be cached, compared and sent between machines.
 */
public record TextAnnotation(List<Token> tokens, List<Sentence> sentences) {
  public TextAnnotation {
    tokens = List.copyOf(tokens);
    sentences = List.copyOf(sentences);
  }
}
