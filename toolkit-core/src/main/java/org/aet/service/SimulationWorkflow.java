package org.aet.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Codebook;
import org.aet.coding.SuggestionCoder;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.LabelledSegment;
import org.aet.evaluation.LabelledSegments;
import org.aet.learning.Trainer;
import org.aet.model.Segment;
import org.aet.model.Transcript;
import org.aet.nlp.Annotator;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.project.ProjectStore;
import org.aet.ranking.HeldOutSimulation;
import org.aet.ranking.Prior;
import org.aet.ranking.ReviewSimulation;
import org.aet.ranking.ScoredSegment;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.aet.semantic.WindowEmbedding;

/**
 * Ranked review rounds replayed on a team's own coding: the work behind {@code aet simulate}, for
 * any front end. The gold file's segments are found among the transcripts' segments (those not
 * there are left out, with a note); the replay itself is {@link ReviewSimulation} or, each
 * transcript held out in turn, {@link HeldOutSimulation}.
 */
public final class SimulationWorkflow {
  /** The progress stages {@link #heldOut} reports, beyond reading the transcripts. */
  public static final List<String> HELD_OUT_STAGES =
      List.of(Trainer.READING, HeldOutSimulation.STAGE);

  /**
   * How rounds are replayed.
   *
   * @param unit the segment unit the gold file was coded in
   * @param batch segments read per round before the model is fitted again
   * @param seed fixes the random reading orders of the baseline
   */
  public record Settings(SegmentUnit unit, int batch, long seed) {}

  /**
   * A gold file: its labelled segments and, in the file's order, each segment's codes by id.
   *
   * @param file where it was read from, for messages
   */
  public record Gold(Path file, List<LabelledSegment> segments, Map<String, List<String>> labels) {
    public Gold {
      segments = List.copyOf(segments);
      labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Reads the labelled segments of {@code file} (.jsonl or .csv). */
    public static Gold read(Path file) throws AetException {
      List<LabelledSegment> segments = LabelledSegments.read(file);
      Map<String, List<String>> labels = new LinkedHashMap<>();
      for (LabelledSegment segment : segments) {
        labels.put(segment.segmentId(), segment.codes());
      }
      return new Gold(file, segments, labels);
    }

    /** The transcripts of this gold file that {@code model} learned from. */
    public java.util.SortedSet<String> learnedBy(org.aet.learning.LearnedModel model) {
      return model.learnedFromAmong(
          segments.stream()
              .map(s -> org.aet.evaluation.Folds.transcriptOf(s.segmentId()))
              .toList());
    }
  }

  private final Codebook codebook;
  private final Annotator annotator;
  private final WindowEmbedding embedding;
  private final Settings settings;
  private final Prior codebookAlone;

  /** Replays with {@code codebook}'s suggestions (their ranking is the codebook-alone prior). */
  public SimulationWorkflow(
      Codebook codebook, Annotator annotator, WindowEmbedding embedding, Settings settings) {
    this.codebook = codebook;
    this.annotator = annotator;
    this.embedding = embedding;
    this.settings = settings;
    this.codebookAlone =
        Prior.codebook(SuggestionCoder.fromCodebook(codebook, annotator, embedding));
  }

  /** The transcripts of a project, or of the files and folders given. */
  public static List<Transcript> transcripts(Inputs inputs, ProgressListener progress)
      throws AetException {
    if (inputs instanceof Inputs.Files files) {
      return ReadCorpus.read(files.finder().find(), progress).transcripts();
    }
    try (ProjectStore store = ProjectStore.openForReading(((Inputs.Project) inputs).file())) {
      return store.transcripts();
    }
  }

  /**
   * Replays the rounds for every code, the first ranked by {@code firstRounds} (null: the codebook
   * alone).
   *
   * @throws AetException when none of the gold file's segments is among the transcripts'
   */
  public ReviewSimulation.Report replay(
      List<Transcript> transcripts, Gold gold, Prior firstRounds, ProgressListener progress)
      throws AetException {
    Prior first = firstRounds == null ? codebookAlone : firstRounds;
    progress.note(
        "Replaying review rounds of "
            + settings.batch()
            + " segment(s), for every code, the first ranked by "
            + first.description()
            + "...");
    ReviewSimulation.Report report =
        ReviewSimulation.run(
            transcripts,
            gold.labels(),
            codebook,
            annotator,
            new Segmenter(settings.unit()),
            embedding,
            first,
            settings.batch(),
            settings.seed());
    if (report.matched() == 0) {
      throw noneMatched(gold, report.goldSegments(), report.unmatched());
    }
    if (report.matched() < report.goldSegments()) {
      progress.note(
          "Note: "
              + (report.goldSegments() - report.matched())
              + " of the gold file's segments are not among these transcripts' segments and are left out"
              + " (for example \""
              + report.unmatched().get(0)
              + "\").");
    }
    return report;
  }

  /**
   * Holds out each transcript in turn: its first rounds ranked by a model learned from the others'
   * coding, by the codebook alone, and on a shuffled control ({@link #HELD_OUT_STAGES}).
   *
   * @throws AetException when none of the gold file's segments is among the transcripts', or a
   *     model cannot be learned
   */
  public List<HeldOutSimulation.Held> heldOut(
      List<Transcript> transcripts, Gold gold, ProgressListener progress) throws AetException {
    Map<String, List<String>> labels = gold.labels();
    List<Segment> segments =
        ScoredSegment.segments(
            transcripts, annotator, new Segmenter(settings.unit()), embedding, labels::containsKey);
    if (segments.isEmpty()) {
      throw noneMatched(gold, labels.size(), List.copyOf(labels.keySet()));
    }
    Set<String> matched = new HashSet<>();
    segments.forEach(s -> matched.add(s.id()));
    List<Trainer.Example> examples =
        Trainer.examples(
            gold.segments().stream().filter(l -> matched.contains(l.segmentId())).toList(),
            codebook,
            annotator,
            embedding,
            new ArrayList<>(),
            progress);
    progress.note(
        "Holding out each transcript in turn: a model learned from the others ranks its first"
            + " rounds (replays of "
            + settings.batch()
            + " segment(s) a round, for every code)...");
    try {
      return HeldOutSimulation.run(
          segments,
          labels,
          examples,
          codebook,
          codebookAlone,
          HeldOutSimulation.trainer(codebook, settings.seed()),
          settings.batch(),
          settings.seed(),
          progress);
    } catch (IOException e) {
      throw new AetException(
          "cannot learn a model from the other transcripts: " + e.getMessage(), e);
    }
  }

  private AetException noneMatched(Gold gold, int goldSegments, List<String> unmatched) {
    return new AetException(
        gold.file()
            + ": none of its "
            + goldSegments
            + " segment ids is a "
            + settings.unit().label()
            + " segment of these transcripts (for example \""
            + (unmatched.isEmpty() ? "" : unmatched.get(0))
            + "\"); make the gold file with \"aet code ... --labels\" on the same transcripts");
  }
}
