package org.aet.service;

import java.nio.file.Path;
import java.util.Objects;
import org.aet.semantic.WindowEmbedding;
import org.aet.semantic.WindowVectors;

/**
 * How the language processing is set up: where annotations and sentence embeddings are kept between
 * runs, which optional annotations to make, and how sentence windows get their vectors.
 *
 * @param cache the folder of the annotation cache (embeddings in its {@code embeddings} folder), or
 *     null for the default, {@code ~/.cache/aet/annotations}
 * @param cached whether to keep annotations and embeddings at all (false: everything afresh)
 * @param entities whether to find named people, organisations and places
 * @param sentiment whether to score each sentence's sentiment
 * @param windowVectors how the semantic layer's sentence windows get their vectors
 */
public record NlpSettings(
    Path cache, boolean cached, boolean entities, boolean sentiment, WindowVectors windowVectors) {
  /** The default: the standard annotations, cached in the default folder. */
  public static final NlpSettings DEFAULT =
      new NlpSettings(null, true, false, false, WindowEmbedding.DEFAULT_VECTORS);

  public NlpSettings {
    Objects.requireNonNull(windowVectors, "windowVectors");
  }

  /** These settings with the default window vectors. */
  public NlpSettings(Path cache, boolean cached, boolean entities, boolean sentiment) {
    this(cache, cached, entities, sentiment, WindowEmbedding.DEFAULT_VECTORS);
  }
}
