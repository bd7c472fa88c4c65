package org.aet.nlp;

import org.aet.model.TextAnnotation;

/**
 * Finds tokens (with lemma and part of speech) and sentences in a text. Implementations are
 * thread-safe: the pipeline annotates several transcripts at once with one instance, so models are
 * loaded once per process.
 */
public interface Annotator {
  /** The tokens and sentences of {@code text}, with spans into {@code text} itself. */
  TextAnnotation annotate(String text);

  /**
   * A short description of the annotator and its settings. Two annotators with the same description
   * give the same annotation for the same text, so it keys caches.
   */
  String description();
}
