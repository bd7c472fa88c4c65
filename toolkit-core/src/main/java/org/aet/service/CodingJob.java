package org.aet.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookCheck;
import org.aet.coding.Calibration;
import org.aet.coding.Coder;
import org.aet.coding.Coders;
import org.aet.coding.RuleCoder;
import org.aet.coding.SuggestionCoder;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.SettingException;
import org.aet.evaluation.LabelledSegment;
import org.aet.export.ExportSession;
import org.aet.learning.LearnedCoder;
import org.aet.learning.LearnedModel;
import org.aet.learning.ReviewQueue;
import org.aet.nlp.Annotator;
import org.aet.pipeline.CodingRun;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.pipeline.RunSummary;
import org.aet.project.ProjectStore;
import org.aet.project.TeamCoding;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
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
   * @param calibration labelled segments to estimate confidence from, or null for the codebook's
   *     own examples
   * @param model a model made by {@code aet train} or the codebook's starter model, or null
   * @param minProbability the probability from which the model's suggestions count (above 0, at
   *     most 1), or null for each code's own threshold, chosen by cross-validation in training
   * @param reviewQueue whether to collect the model's uncertain segments for review
   */
  public record Settings(
      Codebook codebook,
      SegmentUnit unit,
      int threads,
      double floor,
      Labelled calibration,
      ModelSource model,
      Double minProbability,
      boolean reviewQueue) {
    /**
     * @throws SettingException naming the setting out of range
     */
    public Settings {
      if (threads < 1) {
        throw new SettingException("{threads} must be at least 1");
      }
      if (minProbability != null && !(minProbability > 0 && minProbability <= 1)) {
        throw new SettingException(
            "{minProbability} must be above 0 and at most 1: %s", minProbability);
      }
      if (!(floor >= 0 && floor <= 1)) {
        throw new SettingException("{floor} must be between 0 and 1: %s", floor);
      }
      if (reviewQueue && model == null) {
        throw new SettingException("{reviewQueue} needs {model}");
      }
    }

    /** These settings estimating confidence from {@code labelled} instead. */
    public Settings withCalibration(Labelled labelled) {
      return new Settings(
          codebook, unit, threads, floor, labelled, model, minProbability, reviewQueue);
    }
  }

  /**
   * Labelled segments and where they came from ("team.jsonl", "the team's coding in study.aet").
   */
  public record Labelled(String source, List<LabelledSegment> segments) {
    public Labelled {
      segments = List.copyOf(segments);
    }
  }

  /**
   * How many codings a team must have made in a project before its coding, rather than the
   * codebook's examples, is what confidence is estimated from: as many as a code needs for a
   * calibration curve of its own.
   */
  public static final int ENOUGH_TEAM_CODINGS = Calibration.OWN_CURVE_POSITIVES;

  /**
   * What to estimate confidence from, as named by {@code --calibrate}: a labelled-segments file
   * (.jsonl or .csv), or a project, whose team coding against {@code codebook} is read.
   *
   * @throws AetException when the file cannot be read, or the project holds no coding against the
   *     codebook
   */
  public static Labelled calibration(Path file, Codebook codebook) throws AetException {
    return new Labelled(
        ProjectStore.isProjectFile(file) ? teamSource(file) : file.getFileName().toString(),
        TeamCoding.read(file, codebook.name()));
  }

  private static String teamSource(Path project) {
    return "the team's coding in " + project.getFileName();
  }

  /**
   * The team's coding in the project {@code store} (the file {@code project}) against a codebook.
   */
  public static Labelled teamCoding(ProjectStore store, Path project, Codebook codebook)
      throws AetException {
    return new Labelled(teamSource(project), TeamCoding.of(store, codebook.name()));
  }

  /**
   * The team's coding in a project to estimate confidence from when the project is coded, or null
   * (saying why on {@code progress}) while the team has made fewer than {@link
   * #ENOUGH_TEAM_CODINGS} codings against the codebook: until then the codebook's examples say
   * more.
   */
  public static Labelled projectCalibration(
      ProjectStore store, Path project, Codebook codebook, ProgressListener progress)
      throws AetException {
    Labelled team = teamCoding(store, project, codebook);
    int codings = TeamCoding.codings(team.segments());
    if (codings >= ENOUGH_TEAM_CODINGS) {
      return team;
    }
    if (!team.segments().isEmpty()) {
      progress.note(
          "Note: the team has made "
              + codings
              + " coding(s) against "
              + codebook.name()
              + " in "
              + project.getFileName()
              + "; from "
              + ENOUGH_TEAM_CODINGS
              + " on, confidence is estimated from the team's coding instead of the codebook's"
              + " examples.");
    }
    return null;
  }

  private final Settings settings;
  private final CodingRun run;
  private final ReviewQueue queue;
  private final Map<String, String> method;

  private CodingJob(
      Settings settings, CodingRun run, ReviewQueue queue, Map<String, String> method) {
    this.settings = settings;
    this.run = run;
    this.queue = queue;
    this.method = Collections.unmodifiableMap(method);
  }

  /**
   * How this job's suggestions are made, item by item ("Suggested by", "Confidence", ...), in words
   * a methods section can quote: written to the workbook's About sheet and kept with a project's
   * coding run, so a team can say later how the suggestions it reviewed were made.
   */
  public Map<String, String> method() {
    return method;
  }

  /**
   * Prepares the coders.
   *
   * @param embedding the semantic layer (its embedder and how windows get their vectors), or null
   *     to suggest from the rules alone (no calibration then)
   * @throws AetException when the calibration file or the model cannot be read, or the model was
   *     trained for another codebook
   * @throws SettingException when a calibration is given without the semantic layer
   */
  public static CodingJob prepare(
      Settings settings, Annotator annotator, WindowEmbedding embedding, ProgressListener progress)
      throws AetException {
    Codebook book = settings.codebook();
    if (embedding == null && settings.calibration() != null) {
      throw new SettingException("{calibration} needs the semantic layer: leave out {rulesOnly}");
    }
    CodebookCheck.unsuggestable(book, embedding != null)
        .ifPresent(why -> progress.note("Note: " + why + "."));
    // The model file is read first: a damaged or mismatched one fails in a moment, before the
    // calibration embeds the codebook.
    ReviewQueue queue = settings.reviewQueue() ? new ReviewQueue() : null;
    LearnedCoder learned =
        settings.model() == null ? null : learned(settings, embedding != null, queue, progress);
    List<Coder> coders = new ArrayList<>();
    Map<String, String> method = new LinkedHashMap<>();
    if (embedding == null) {
      coders.add(new RuleCoder(book));
      method.put("Suggested by", "the codebook's rules alone (--no-semantic)");
      method.put(
          "Confidence",
          "the strength of the rules that matched, 1 - (1 - w1)(1 - w2)...: not an estimated"
              + " precision");
    } else {
      SuggestionCoder suggestions = suggestions(settings, annotator, embedding, progress);
      coders.add(suggestions);
      method.put(
          "Suggested by",
          "the codebook's rules and the semantic layer (sentence embeddings: "
              + embedding.description()
              + ")");
      method.put(
          "Confidence",
          "the estimated precision of such suggestions (the share a careful coder would accept),"
              + " from "
              + suggestions.calibration().source());
      method.put(
          "Floor",
          String.format(
              java.util.Locale.ROOT,
              "%.2f: suggestions estimated below it are not shown",
              settings.floor()));
    }
    if (learned != null) {
      coders.add(learned);
      method.put("Learned model", learnedMethod(settings, learned.model()));
    }
    CodingRun run =
        new CodingRun(
            annotator,
            new Segmenter(settings.unit()),
            embedding,
            Coders.all(coders),
            book,
            settings.threads());
    return new CodingJob(settings, run, queue, method);
  }

  private static String learnedMethod(Settings settings, LearnedModel model) {
    return settings.model().name(settings.codebook())
        + ": "
        + model.algorithm().label()
        + (model.readsMeaning() ? " on words and meaning" : " on words")
        + ", trained on "
        + model.trainingSegments()
        + " labelled segments"
        + (model.learnedFrom().isEmpty() ? "" : " of " + model.learnedFromDescribed())
        + " against "
        + model.codebook()
        + " version "
        + model.codebookVersion()
        + "; its suggestions count from "
        + (settings.minProbability() != null
            ? "probability " + settings.minProbability() + " (--min-probability)"
            : "each code's threshold, chosen by cross-validation in training, with a confidence"
                + String.format(java.util.Locale.ROOT, " of at least %.2f", settings.floor()))
        + (model.confidence().isEmpty()
            ? ", and their confidence is the model's probability (the model has no confidence"
                + " curve: it was trained without cross-validation, or by an older aet)"
            : ", and their confidence is the precision observed at such probabilities on"
                + " transcripts held out in training ("
                + model.validation()
                + ")");
  }

  private static SuggestionCoder suggestions(
      Settings settings, Annotator annotator, WindowEmbedding embedding, ProgressListener progress)
      throws AetException {
    Codebook book = settings.codebook();
    Labelled calibration = settings.calibration();
    Set<String> unknown = new TreeSet<>();
    SuggestionCoder suggestions =
        SuggestionCoder.calibrated(
            book,
            annotator,
            embedding,
            calibration == null ? null : calibration.segments(),
            calibration == null ? null : calibration.source(),
            settings.floor(),
            unknown);
    if (!unknown.isEmpty()) {
      progress.note(
          "Note: "
              + calibration.source()
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
    String model = settings.model().name(book);
    LearnedModel learned = settings.model().load(book);
    if (learned.readsMeaning() && !semantic) {
      throw AetException.naming(
          "%s: this model reads the meaning of segments (it was trained with {embeddings}),"
              + " which needs the semantic layer: leave out {rulesOnly}",
          model);
    }
    if (!learned.codebook().equals(book.name())) {
      throw AetException.naming(
          "%s: this model was trained for the codebook \"%s\", not \"%s\": code with {codebook}"
              + " %s, or train a model for %s with \"aet train\"",
          model, learned.codebook(), book.name(), learned.codebook(), book.name());
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
    LearnedCoder coder =
        new LearnedCoder(learned, book, settings.minProbability(), queue, settings.floor());
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

  /**
   * Codes one transcript with this job's coders, on the calling thread: what a front end that
   * distributes transcripts itself (the Spark runner) calls for each, so that it codes exactly as
   * {@link #run} does.
   *
   * @throws AetException when a codebook pattern fails on a segment of it
   */
  public org.aet.model.CodedTranscript code(org.aet.model.Transcript transcript)
      throws AetException {
    try {
      return run.code(transcript);
    } catch (org.aet.coding.RuleFailure e) {
      throw new AetException(settings.codebook().name() + ": " + e.getMessage(), e);
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
