package org.aet.service;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.aet.model.Indicator;
import org.aet.model.Indicators;
import org.aet.nlp.Annotator;
import org.aet.nlp.CachingAnnotator;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.nlp.LazyAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.CachingEmbedder;
import org.aet.semantic.SentenceEmbedder;
import org.aet.semantic.WindowEmbedding;

/**
 * Builds the language processing of one run from its {@link NlpSettings}: the annotator and the
 * sentence embedder, each behind its cache and loaded only when some text is not cached, and counts
 * what the caches saved. One per run: the counts are the run's.
 */
public final class NlpStack {
  /**
   * How many pieces of text (annotations) and batches of sentences (embeddings) came from the
   * caches, and how many had to be made, since {@link #countFromHere}.
   */
  public record CacheUse(
      long annotationHits, long annotationMisses, long embeddingHits, long embeddingMisses) {}

  private final NlpSettings settings;
  private CachingAnnotator cachedAnnotations;
  private CachingEmbedder cachedEmbeddings;
  private CacheUse before = new CacheUse(0, 0, 0, 0);

  public NlpStack(NlpSettings settings) {
    this.settings = settings;
  }

  public NlpSettings settings() {
    return settings;
  }

  /**
   * The annotator: CoreNLP, loaded only if some text is not cached (saying so on {@code progress}).
   */
  public Annotator annotator(ProgressListener progress) {
    CoreNlpAnnotator.Options options =
        new CoreNlpAnnotator.Options(settings.entities(), settings.sentiment());
    Annotator annotator =
        new LazyAnnotator(
            () -> {
              progress.note("Loading the English language models (Stanford CoreNLP)...");
              return CoreNlpAnnotator.shared(options);
            },
            options.description());
    if (!settings.cached()) {
      return annotator;
    }
    cachedAnnotations = new CachingAnnotator(annotator, annotationFolder());
    return cachedAnnotations;
  }

  /**
   * The sentence embedder of the semantic layer: BGE small, loaded only if some text is not cached
   * (saying so on {@code progress}), with its cache beside the annotations'.
   */
  public SentenceEmbedder embedder(ProgressListener progress) {
    SentenceEmbedder embedder =
        new BgeSmallEmbedder(
            () -> progress.note("Loading the sentence-embedding model (BGE small, English)..."));
    if (!settings.cached()) {
      return embedder;
    }
    Path folder =
        settings.cache() != null
            ? settings.cache().resolve("embeddings")
            : CachingAnnotator.defaultFolder().resolveSibling("embeddings");
    cachedEmbeddings = new CachingEmbedder(embedder, folder);
    return cachedEmbeddings;
  }

  /**
   * The semantic layer's stage: {@link #embedder}, its windows' vectors made as the settings say.
   */
  public WindowEmbedding windowEmbedding(ProgressListener progress) {
    return new WindowEmbedding(embedder(progress), settings.windowVectors());
  }

  private Path annotationFolder() {
    return settings.cache() != null ? settings.cache() : CachingAnnotator.defaultFolder();
  }

  /** The indicators the annotations allow: the standard ones, entities or sentiment when made. */
  public List<String> indicators() {
    Set<Indicator.Needs> annotations = EnumSet.noneOf(Indicator.Needs.class);
    if (settings.entities()) {
      annotations.add(Indicator.Needs.ENTITIES);
    }
    if (settings.sentiment()) {
      annotations.add(Indicator.Needs.SENTIMENT);
    }
    return Indicators.available(annotations);
  }

  /**
   * From now on, {@link #cacheUse} counts only what is annotated and embedded next (the corpus, not
   * the codebook's sentences read before it).
   */
  public void countFromHere() {
    before = totals();
  }

  /** What the caches gave since {@link #countFromHere}; all zero when nothing is cached. */
  public CacheUse cacheUse() {
    CacheUse now = totals();
    return new CacheUse(
        now.annotationHits() - before.annotationHits(),
        now.annotationMisses() - before.annotationMisses(),
        now.embeddingHits() - before.embeddingHits(),
        now.embeddingMisses() - before.embeddingMisses());
  }

  private CacheUse totals() {
    return new CacheUse(
        cachedAnnotations == null ? 0 : cachedAnnotations.hits(),
        cachedAnnotations == null ? 0 : cachedAnnotations.misses(),
        cachedEmbeddings == null ? 0 : cachedEmbeddings.hits(),
        cachedEmbeddings == null ? 0 : cachedEmbeddings.misses());
  }
}
