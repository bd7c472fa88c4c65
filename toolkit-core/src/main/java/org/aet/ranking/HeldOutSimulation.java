package org.aet.ranking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.aet.codebook.Codebook;
import org.aet.evaluation.Folds;
import org.aet.learning.LearnedModel;
import org.aet.learning.Trainer;
import org.aet.model.Segment;
import org.aet.pipeline.ProgressListener;

/**
 * Ranked review judged on transcripts nothing was learned from: each transcript of a gold file in
 * turn plays a team's new project. A model learned from the coding of the other transcripts ranks
 * its first rounds; the team's own decisions on it, revealed a batch at a time, rank the later
 * ones. Beside it, the same replay with the codebook alone ranking the first rounds, and a shuffled
 * control (the held-out transcript's codings dealt at random among its segments: nothing can rank
 * those, so a saving there would mean something peeked). The held-out transcript's labels reach
 * neither the prior model nor any fit before its segments are read.
 */
public final class HeldOutSimulation {
  /** The progress stage: one step per transcript held out. */
  public static final String STAGE = "Replaying review rounds, one transcript held out at a time";

  private HeldOutSimulation() {}

  /** Learns a prior from the labelled segments of other transcripts. */
  @FunctionalInterface
  public interface PriorLearner {
    Prior learn(List<Trainer.Example> others) throws IOException;
  }

  /**
   * The learner {@code aet train} would be with {@code --embeddings} (logistic regression on words
   * and meaning), without its cross-validation: a ranking needs the probabilities, not thresholds.
   */
  public static PriorLearner trainer(Codebook codebook, long seed) {
    return others -> {
      LearnedModel model =
          Trainer.train(
              codebook, others, new Trainer.Options(Trainer.Algorithm.LOGISTIC, 0, seed, 2));
      long transcripts = others.stream().map(Trainer.Example::transcript).distinct().count();
      return Prior.model(
          model,
          codebook,
          "a model learned from "
              + others.size()
              + " segments of "
              + transcripts
              + " other transcripts");
    };
  }

  /**
   * One transcript held out: its replays with each first-round ranking.
   *
   * @param modelFirst first rounds ranked by the model learned from the other transcripts
   * @param shuffled as {@code modelFirst}, on the shuffled control's labels
   */
  public record Held(
      String transcript,
      ReviewSimulation.Report codebookFirst,
      ReviewSimulation.Report modelFirst,
      ReviewSimulation.Report shuffled) {}

  /** The three replays of a held-out transcript, by what ranks the first rounds. */
  public enum Arm {
    CODEBOOK("codebook alone"),
    LEARNED("learned elsewhere"),
    SHUFFLED("shuffled control");

    private final String label;

    Arm(String label) {
      this.label = label;
    }

    /** The name in reports. */
    public String label() {
      return label;
    }

    /** This arm's replay of {@code held}. */
    public ReviewSimulation.Report of(Held held) {
      return switch (this) {
        case CODEBOOK -> held.codebookFirst();
        case LEARNED -> held.modelFirst();
        case SHUFFLED -> held.shuffled();
      };
    }
  }

  /**
   * Holds out each transcript of {@code gold} in turn.
   *
   * @param segments the embedded segments of every transcript (those {@code gold} lacks are left
   *     out)
   * @param examples the gold file as training examples, each with its transcript
   * @param codebookPrior what the codebook alone knows of a segment
   */
  public static List<Held> run(
      List<Segment> segments,
      Map<String, List<String>> gold,
      List<Trainer.Example> examples,
      Codebook codebook,
      Prior codebookPrior,
      PriorLearner learner,
      int batch,
      long seed,
      ProgressListener progress)
      throws IOException {
    List<String> transcripts =
        List.copyOf(new TreeSet<>(gold.keySet().stream().map(Folds::transcriptOf).toList()));
    List<Held> held = new ArrayList<>();
    for (String transcript : transcripts) {
      progress.progress(STAGE, held.size(), transcripts.size());
      List<Segment> own =
          segments.stream()
              .filter(
                  s -> Folds.transcriptOf(s.id()).equals(transcript) && gold.containsKey(s.id()))
              .toList();
      Map<String, List<String>> ownGold = new LinkedHashMap<>();
      own.forEach(s -> ownGold.put(s.id(), gold.get(s.id())));
      Prior prior =
          learner.learn(examples.stream().filter(e -> !e.transcript().equals(transcript)).toList());
      List<ScoredSegment> byModel = ScoredSegment.of(own, prior);
      held.add(
          new Held(
              transcript,
              ReviewSimulation.run(
                  ScoredSegment.of(own, codebookPrior), ownGold, codebook, batch, seed),
              ReviewSimulation.run(byModel, ownGold, codebook, batch, seed),
              ReviewSimulation.run(
                  byModel,
                  ReviewSimulation.shuffledWithinTranscripts(ownGold, seed),
                  codebook,
                  batch,
                  seed)));
    }
    progress.progress(STAGE, held.size(), transcripts.size());
    return held;
  }

  /**
   * The mean over held-out transcripts of {@code measure} for {@code target}, over those where it
   * is defined (the target occurs); NaN when none.
   */
  public static double mean(
      List<Held> held,
      Arm arm,
      String target,
      java.util.function.ToDoubleFunction<ReviewSimulation.Outcome> measure) {
    return held.stream()
        .map(h -> outcome(arm.of(h), target))
        .filter(o -> o != null)
        .mapToDouble(measure)
        .filter(v -> !Double.isNaN(v))
        .average()
        .orElse(Double.NaN);
  }

  /** The outcome for {@code target} in {@code report}, or null when the target did not occur. */
  public static ReviewSimulation.Outcome outcome(ReviewSimulation.Report report, String target) {
    return report.outcomes().stream()
        .filter(o -> o.target().equals(target))
        .findFirst()
        .orElse(null);
  }

  /**
   * What the stopping signal would have done: the team stops at the first round whose estimate of
   * coded segments left unread is below 1.
   *
   * @param read segments read when it said so (all of them when it never did)
   * @param found of them, those with a code
   * @param relevant segments with a code in all
   * @param meanError the mean of (estimated - really left) over the rounds
   */
  public record Stop(int read, int found, int relevant, int segments, double meanError) {}

  /** The stopping signal of {@code report}'s "any code" replay, checked. */
  public static Stop stop(ReviewSimulation.Report report) {
    ReviewSimulation.Outcome any = outcome(report, ReviewTarget.ANY);
    List<ReviewSimulation.Checkpoint> rounds = report.stopping();
    double error =
        rounds.stream().mapToDouble(c -> c.estimated() - c.left()).average().orElse(Double.NaN);
    for (ReviewSimulation.Checkpoint c : rounds) {
      if (c.read() > 0 && c.estimated() < 1) {
        return new Stop(c.read(), c.found(), any.relevant(), any.segments(), error);
      }
    }
    return new Stop(any.segments(), any.relevant(), any.relevant(), any.segments(), error);
  }
}
