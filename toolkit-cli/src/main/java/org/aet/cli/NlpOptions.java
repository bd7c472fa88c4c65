package org.aet.cli;

import java.nio.file.Path;
import java.util.List;
import org.aet.nlp.Annotator;
import org.aet.pipeline.ProgressListener;
import org.aet.semantic.SentenceEmbedder;
import org.aet.semantic.WindowEmbedding;
import org.aet.semantic.WindowVectors;
import org.aet.service.NlpSettings;
import org.aet.service.NlpStack;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The annotation options shared by every command that runs NLP: where the annotation cache is, or
 * none, and the optional annotations. {@link NlpStack} builds what they ask for.
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

  @Option(
      names = "--window-vectors",
      paramLabel = "HOW",
      description =
          "How the semantic layer reads the meaning of a passage of two sentences: 'windows'"
              + " embeds each passage as one text; 'sentences' embeds each sentence once and"
              + " averages a passage's sentences (about half the work). Default: ${DEFAULT-VALUE}.",
      converter = WindowVectorsConverter.class)
  WindowVectors windowVectors = WindowEmbedding.DEFAULT_VECTORS;

  private NlpStack stack;

  /** Reads a {@link WindowVectors} by its label. */
  static final class WindowVectorsConverter implements CommandLine.ITypeConverter<WindowVectors> {
    @Override
    public WindowVectors convert(String value) {
      try {
        return WindowVectors.of(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected 'windows' or 'sentences', not '" + value + "'");
      }
    }
  }

  /** The language processing these options ask for, built once per command. */
  NlpStack stack() {
    if (stack == null) {
      stack = new NlpStack(new NlpSettings(cache, !noCache, entities, sentiment, windowVectors));
    }
    return stack;
  }

  /** See {@link NlpStack#countFromHere}. */
  void countFromHere() {
    stack().countFromHere();
  }

  /** See {@link NlpStack#embedder}. */
  SentenceEmbedder embedder(ProgressListener progress) {
    return stack().embedder(progress);
  }

  /** See {@link NlpStack#windowEmbedding}. */
  WindowEmbedding windowEmbedding(ProgressListener progress) {
    return stack().windowEmbedding(progress);
  }

  /** See {@link NlpStack#annotator}. */
  Annotator annotator(ProgressListener progress) {
    return stack().annotator(progress);
  }

  /** See {@link NlpStack#indicators}. */
  List<String> indicators() {
    return stack().indicators();
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
    NlpStack.CacheUse use = stack().cacheUse();
    if (use.annotationHits() == 0) {
      return null;
    }
    String embeddings = "";
    if (use.embeddingHits() > 0) {
      embeddings =
          ", and their sentence embeddings for "
              + share(
                  use.embeddingHits(), use.embeddingMisses(), transcripts, "batches of sentences");
    }
    return "Language annotations for "
        + share(use.annotationHits(), use.annotationMisses(), transcripts, "pieces")
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
