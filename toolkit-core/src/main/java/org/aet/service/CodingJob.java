package org.aet.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookCheck;
import org.aet.coding.Coder;
import org.aet.coding.Coders;
import org.aet.coding.RuleCoder;
import org.aet.coding.SuggestionCoder;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.LabelledSegments;
import org.aet.export.ExportSession;
import org.aet.learning.LearnedCoder;
import org.aet.learning.LearnedModel;
import org.aet.learning.ReviewQueue;
import org.aet.nlp.Annotator;
import org.aet.pipeline.CodingRun;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.pipeline.RunSummary;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.aet.semantic.SentenceEmbedder;
import org.aet.semantic.WindowEmbedding;

/**
 * Codes transcripts against a codebook: the work behind {@code aet code}, {@code aet report} and
 * coding a project, so that any front end does the same. It chooses the coders (the calibrated
 * suggestions, or the rules alone; a learned model when given, checked against the codebook), then
 * runs them over a corpus into an export session. What the person running it should know goes to
 * {@link ProgressListener#note}.
 */
public final class CodingJob {
  /**
   * How to code.
   *
   * @param codebook the codebook
   * @param unit what a segment is
   * @param threads how many transcripts to code at once (at least 1)
   * @param floor the confidence below which a suggestion is not shown (0 to 1)
   * @param calibration a labelled-segments file to estimate confidence from, or null for the
   *     codebook's own examples
   * @param model a model made by {@code aet train}, or null
   * @param minProbability the probability from which the model's suggestions count (above 0, at
   *     most 1), or null for each code's own threshold, chosen by cross-validation in training
   * @param reviewQueue whether to collect the model's uncertain segments for review
   */
  public record Settings(
      Codebook codebook,
      SegmentUnit unit,
      int threads,
      double floor,
      Path calibration,
      Path model,
      Double minProbability,
      boolean reviewQueue) {
    /**
     * @throws IllegalArgumentException saying which setting is out of range
     */
    public Settings {
      if (threads < 1) {
        throw new IllegalArgumentException("--threads must be at least 1");
      }
      if (minProbability != null && !(minProbability > 0 && minProbability <= 1)) {
        throw new IllegalArgumentException(
            "--min-probability must be above 0 and at most 1: " + minProbability);
      }
      if (!(floor >= 0 && floor <= 1)) {
        throw new IllegalArgumentException("--floor must be between 0 and 1: " + floor);
      }
      if (reviewQueue && model == null) {
        throw new IllegalArgumentException("--queue needs --model");
      }
    }
  }

  private final Settings settings;
  private final CodingRun run;
  private final ReviewQueue queue;

  private CodingJob(Settings settings, CodingRun run, ReviewQueue queue) {
    this.settings = settings;
    this.run = run;
    this.queue = queue;
  }

  /**
   * Prepares the coders.
   *
   * @param embedder the semantic layer's sentence embedder, or null to suggest from the rules alone
   *     (no calibration then)
   * @throws AetException when the calibration file or the model cannot be read, or the model was
   *     trained for another codebook
   */
  public static CodingJob prepare(
      Settings settings, Annotator annotator, SentenceEmbedder embedder, ProgressListener progress)
      throws AetException {
    Codebook book = settings.codebook();
    if (embedder == null && settings.calibration() != null) {
      throw new IllegalArgumentException(
          "--calibrate needs the semantic layer: leave out --no-semantic");
    }
    CodebookCheck.unsuggestable(book, embedder != null)
        .ifPresent(why -> progress.note("Note: " + why + "."));
    // The model file is read first: a damaged or mismatched one fails in a moment, before the
    // calibration embeds the codebook.
    ReviewQueue queue = settings.reviewQueue() ? new ReviewQueue() : null;
    LearnedCoder learned =
        settings.model() == null ? null : learned(settings, embedder != null, queue, progress);
    List<Coder> coders = new ArrayList<>();
    WindowEmbedding embedding = embedder == null ? null : new WindowEmbedding(embedder);
    if (embedding == null) {
      coders.add(new RuleCoder(book));
    } else {
      coders.add(suggestions(settings, annotator, embedding, progress));
    }
    if (learned != null) {
      coders.add(learned);
    }
    CodingRun run =
        new CodingRun(
            annotator,
            new Segmenter(settings.unit()),
            embedding,
            Coders.all(coders),
            book,
            settings.threads());
    return new CodingJob(settings, run, queue);
  }

  private static SuggestionCoder suggestions(
      Settings settings, Annotator annotator, WindowEmbedding embedding, ProgressListener progress)
      throws AetException {
    Codebook book = settings.codebook();
    Path calibration = settings.calibration();
    Set<String> unknown = new TreeSet<>();
    SuggestionCoder suggestions =
        SuggestionCoder.calibrated(
            book,
            annotator,
            embedding,
            calibration == null ? null : LabelledSegments.read(calibration),
            calibration == null ? null : calibration.getFileName().toString(),
            settings.floor(),
            unknown);
    if (!unknown.isEmpty()) {
      progress.note(
          "Note: "
              + calibration
              + " names codes that "
              + book.name()
              + " does not have: "
              + unknown);
    }
    progress.note(
        "Confidence is the estimated precision of suggestions, from "
            + suggestions.calibration().source()
            + ".");
    return suggestions;
  }

  private static LearnedCoder learned(
      Settings settings, boolean semantic, ReviewQueue queue, ProgressListener progress)
      throws AetException {
    Codebook book = settings.codebook();
    Path model = settings.model();
    LearnedModel learned = LearnedModel.load(model);
    if (learned.readsMeaning() && !semantic) {
      throw new AetException(
          model
              + ": this model reads the meaning of segments (it was trained with --embeddings),"
              + " which needs the semantic layer: leave out --no-semantic");
    }
    if (!learned.codebook().equals(book.name())) {
      throw new AetException(
          model
              + ": this model was trained for the codebook \""
              + learned.codebook()
              + "\", not \""
              + book.name()
              + "\": code with --codebook "
              + learned.codebook()
              + ", or train a model for "
              + book.name()
              + " with \"aet train\"");
    }
    if (!learned.codebookVersion().equals(book.version())) {
      progress.note(
          "Note: the model was trained against "
              + learned.codebook()
              + " version "
              + learned.codebookVersion()
              + "; the codebook is now version "
              + book.version()
              + ". Its suggestions"
              + " may lag behind codebook changes: train it again when you can.");
    }
    LearnedCoder coder = new LearnedCoder(learned, book, settings.minProbability(), queue);
    if (!coder.codesMissingFromCodebook().isEmpty()) {
      progress.note(
          "Note: the model knows codes this codebook does not have, and will not suggest them: "
              + coder.codesMissingFromCodebook());
    }
    return coder;
  }

  /**
   * Codes {@code corpus} into {@code session} and finishes it (nothing is left at the destination
   * when this fails).
   *
   * @param destination the file or project written, for messages
   * @throws AetException when a transcript cannot be coded or the output cannot be written
   */
  public RunSummary run(
      ReadCorpus corpus, ExportSession session, Path destination, ProgressListener progress)
      throws AetException {
    try (session) {
      RunSummary summary = run.run(corpus, session, progress);
      session.finish();
      return summary;
    } catch (IOException e) {
      throw new AetException(destination + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** The codes no segment got. */
  public List<String> unusedCodes(RunSummary summary) {
    return CodingRun.unusedCodes(settings.codebook(), summary);
  }

  /**
   * Writes the model's uncertain segments, most uncertain first, when a review queue was asked for.
   */
  public void writeReviewQueue(Path target) throws AetException {
    if (queue == null) {
      return;
    }
    try {
      queue.write(target);
    } catch (IOException e) {
      throw new AetException(target + ": cannot write: " + e.getMessage(), e);
    }
  }
}
