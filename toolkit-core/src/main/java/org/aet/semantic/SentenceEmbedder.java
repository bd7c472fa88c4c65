package org.aet.semantic;

import java.util.List;

/**
 * Turns sentences into vectors whose dot product says how alike their meanings are. Implementations
 * are thread-safe: the pipeline embeds several transcripts at once with one instance, so the model
 * is loaded once per process.
 */
public interface SentenceEmbedder {
  /** One unit-length vector per text, in order. */
  List<float[]> embed(List<String> texts);

  /**
   * The model and its settings. Two embedders with the same description give the same vectors for
   * the same text, so it keys caches and is recorded with every semantic suggestion.
   */
  String description();
}
