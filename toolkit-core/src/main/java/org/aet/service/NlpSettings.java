package org.aet.service;

import java.nio.file.Path;

/**
 * How the language processing is set up: where annotations and sentence embeddings are kept between
 * runs, and which optional annotations to make.
 *
 * @param cache the folder of the annotation cache (embeddings in its {@code embeddings} folder), or
 *     null for the default, {@code ~/.cache/aet/annotations}
 * @param cached whether to keep annotations and embeddings at all (false: everything afresh)
 * @param entities whether to find named people, organisations and places
 * @param sentiment whether to score each sentence's sentiment
 */
public record NlpSettings(Path cache, boolean cached, boolean entities, boolean sentiment) {
  /** The default: the standard annotations, cached in the default folder. */
  public static final NlpSettings DEFAULT = new NlpSettings(null, true, false, false);
}
