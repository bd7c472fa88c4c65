package org.aet.cli;

import java.nio.file.Path;
import org.aet.model.Indicator;
import org.aet.model.Indicators;
import org.aet.nlp.Annotator;
import org.aet.nlp.CachingAnnotator;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.nlp.LazyAnnotator;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.CachingEmbedder;
import org.aet.semantic.SentenceEmbedder;
import picocli.CommandLine.Option;

/**
 * The annotation options shared by every command that runs NLP: where the annotation cache is, or
 * none.
 */
final class NlpOptions {
  @Option(
      names = "--cache",
      paramLabel = "FOLDER",
      description =
          "Where to keep language annotations, so the same texts are never annotated twice"
              + " (default: ~/.cache/aet/annotations).")
  Path cache;

  @Option(names = "--no-cache", description = "Annotate everything afresh and keep nothing.")
  boolean noCache;

  @Option(
      names = "--entities",
      description =
          "Also find named people, organisations and places (coarse CoreNLP"
              + " NER: a few seconds more to load, about a third of the speed).")
  boolean entities;

  @Option(
      names = "--sentiment",
      description =
          "Also score each sentence's sentiment (CoreNLP sentiment, which needs"
              + " the parser: slow, a few hundred words a second).")
  boolean sentiment;

  private CachingAnnotator cached;
  private CachingEmbedder cachedEmbeddings;
  private long[] before = new long[4];

  /**
   * From now on, the cache report counts only what is annotated and embedded next (the corpus, not
   * the codebook's sentences read before it).
   */
  void countFromHere() {
    before =
        new long[] {
          cached == null ? 0 : cached.hits(),
          cached == null ? 0 : cached.misses(),
          cachedEmbeddings == null ? 0 : cachedEmbeddings.hits(),
          cachedEmbeddings == null ? 0 : cachedEmbeddings.misses()
        };
  }

  /**
   * The sentence embedder of the semantic layer: BGE small, loaded only if some text is not cached,
   * with its cache beside the annotations' (or in {@code --cache}/embeddings).
   */
  SentenceEmbedder embedder(ProgressPrinter progress) {
    SentenceEmbedder embedder =
        new BgeSmallEmbedder(
            () -> progress.message("Loading the sentence-embedding model (BGE small, English)..."));
    if (noCache) {
      return embedder;
    }
    Path folder =
        cache != null
            ? cache.resolve("embeddings")
            : CachingAnnotator.defaultFolder().resolveSibling("embeddings");
    cachedEmbeddings = new CachingEmbedder(embedder, folder);
    return cachedEmbeddings;
  }

  /**
   * The annotator to use: CoreNLP, loaded only if some text is not cached (saying so on {@code
   * progress}).
   */
  Annotator annotator(ProgressPrinter progress) {
    CoreNlpAnnotator.Options options = new CoreNlpAnnotator.Options(entities, sentiment);
    Annotator annotator =
        new LazyAnnotator(
            () -> {
              progress.message("Loading the English language models (Stanford CoreNLP)...");
              return CoreNlpAnnotator.shared(options);
            },
            options.description());
    if (noCache) {
      return annotator;
    }
    cached =
        new CachingAnnotator(annotator, cache != null ? cache : CachingAnnotator.defaultFolder());
    return cached;
  }

  /**
   * The indicators the annotations allow: the standard ones, and named entities or sentiment when
   * asked for.
   */
  java.util.List<String> indicators() {
    java.util.Set<Indicator.Needs> annotations = java.util.EnumSet.noneOf(Indicator.Needs.class);
    if (entities) {
      annotations.add(Indicator.Needs.ENTITIES);
    }
    if (sentiment) {
      annotations.add(Indicator.Needs.SENTIMENT);
    }
    return Indicators.available(annotations);
  }

  /**
   * "Language annotations for 3 of 3 transcript(s) came from the cache, ...", or null when nothing
   * did. The caches count pieces of text (a long transcript is annotated in pieces and embedded in
   * batches), so a count of transcripts is given only when every piece came from the cache; else
   * the share of pieces.
   *
   * @param transcripts how many transcripts were coded
   */
  String cacheReport(int transcripts) {
    if (cached == null || cached.hits() == before[0]) {
      return null;
    }
    String embeddings = "";
    if (cachedEmbeddings != null && cachedEmbeddings.hits() > before[2]) {
      embeddings =
          ", and their sentence embeddings for "
              + share(
                  cachedEmbeddings.hits() - before[2],
                  cachedEmbeddings.misses() - before[3],
                  transcripts,
                  "batches of sentences");
    }
    return "Language annotations for "
        + share(cached.hits() - before[0], cached.misses() - before[1], transcripts, "pieces")
        + " came from the cache"
        + embeddings
        + " (--no-cache to redo them).";
  }

  /** "3 of 3 transcript(s)" when nothing missed the cache, else "5 of 8 pieces". */
  private static String share(long hits, long misses, int transcripts, String pieces) {
    return misses == 0
        ? transcripts + " of " + transcripts + " transcript(s)"
        : hits + " of " + (hits + misses) + " " + pieces + " of the text";
  }
}
