package org.aet.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aet.codebook.Codebook;
import org.aet.coding.SuggestionCoder;
import org.aet.diagnostics.AetException;
import org.aet.learning.LearnedModel;
import org.aet.nlp.Annotator;
import org.aet.pipeline.ProgressListener;
import org.aet.project.ProjectStore;
import org.aet.project.QueueMark;
import org.aet.ranking.Prior;
import org.aet.ranking.ProjectRanking;
import org.aet.ranking.ReviewTarget;
import org.aet.ranking.ScoredSegment;
import org.aet.semantic.WindowEmbedding;

/**
 * The ranked review of a project, for every front end: {@code aet review} fits and records a round
 * for "any code" after each import and export; the browser workspace shows one coder the next
 * passage for any code or for one code, with the estimate of coded passages still unread. The
 * passages are read and embedded once ({@link #prepare}); each round or queue is then a quick fit
 * to the team's decisions as they stand.
 *
 * <p>The first rounds are ranked by what is known before the team codes (a {@link Prior}): a model
 * learned elsewhere when one is given (a team model made by {@code aet train}, or a starter model),
 * else the codebook alone; later rounds by a model fitted to the team's decisions, that prior one
 * of its features. It is the very loop {@code aet simulate} replays ({@link
 * org.aet.ranking.ReviewSimulation}), on the same {@link ScoredSegment}s, so what a simulation
 * measures is what a team's rounds do.
 */
public final class RankedReview {
  /** What ranks the first rounds, given the project's codebook. */
  @FunctionalInterface
  public interface FirstRounds {
    /**
     * The prior for {@code codebook}; {@code codebookAlone} is the codebook's own.
     *
     * @throws AetException when a model cannot be read or is for another codebook
     */
    Prior prior(Codebook codebook, Prior codebookAlone) throws AetException;

    /** The codebook alone. */
    static FirstRounds codebook() {
      return (codebook, alone) -> alone;
    }

    /**
     * The model from {@code source} (a file made by {@code aet train}, or the codebook's starter
     * model), or the codebook alone when it is null.
     */
    static FirstRounds of(ModelSource source) {
      return source == null
          ? codebook()
          : (codebook, alone) ->
              Prior.learned(source.load(codebook), source.described(codebook), codebook);
    }

    /** {@code model}, named {@code name} for the team (a starter model shipped with aet, say). */
    static FirstRounds model(LearnedModel model, String name) {
      return (codebook, alone) -> Prior.learned(model, "the learned model " + name, codebook);
    }
  }

  private final String runId;
  private final Codebook codebook;
  private final List<ScoredSegment> scored;
  private final Prior prior;
  private final boolean learnedPrior;

  private RankedReview(
      String runId,
      Codebook codebook,
      List<ScoredSegment> scored,
      Prior prior,
      boolean learnedPrior) {
    this.runId = runId;
    this.codebook = codebook;
    this.scored = List.copyOf(scored);
    this.prior = prior;
    this.learnedPrior = learnedPrior;
  }

  /**
   * Reads and embeds the passages of the project's latest run (from the caches when they were coded
   * before) and scores them by its codebook.
   */
  public static RankedReview prepare(
      ProjectStore store, Annotator annotator, WindowEmbedding embedding) throws AetException {
    return prepare(store, annotator, embedding, FirstRounds.codebook());
  }

  /**
   * Reads and embeds the passages of the project's latest run (from the caches when they were coded
   * before) and scores them by what {@code firstRounds} gives for its codebook.
   *
   * @throws AetException when the project has no run, or the model cannot be used
   */
  public static RankedReview prepare(
      ProjectStore store, Annotator annotator, WindowEmbedding embedding, FirstRounds firstRounds)
      throws AetException {
    return prepare(store, annotator, embedding, firstRounds, ProgressListener.SILENT);
  }

  /**
   * As {@link #prepare(ProjectStore, Annotator, WindowEmbedding, FirstRounds)}, telling {@code
   * progress} how many transcripts are read ({@link ScoredSegment#READING}).
   */
  public static RankedReview prepare(
      ProjectStore store,
      Annotator annotator,
      WindowEmbedding embedding,
      FirstRounds firstRounds,
      ProgressListener progress)
      throws AetException {
    ProjectStore.Run run = store.latestRun();
    if (run == null) {
      throw new AetException(store.file() + " has no coding run yet; code it first with aet code");
    }
    Codebook codebook = store.codebook(run.codebookVersion());
    Prior alone = Prior.codebook(SuggestionCoder.fromCodebook(codebook, annotator, embedding));
    Prior prior = firstRounds.prior(codebook, alone);
    return new RankedReview(
        run.id(),
        codebook,
        ProjectRanking.scored(store, annotator, embedding, prior, progress),
        prior,
        prior != alone);
  }

  /**
   * What ranks the rounds until the team has decided passages with and without a code, in words
   * ("the codebook alone", "the learned model team.model (950 segments)").
   */
  public String firstRankedBy() {
    return prior.description();
  }

  /** The coding run whose passages are ranked. */
  public String runId() {
    return runId;
  }

  /** What the queue can look for: any code, each code with codes below it, each code. */
  public List<ReviewTarget> targets() {
    return ReviewTarget.of(codebook);
  }

  /**
   * The round of {@code aet review}: for any code, fitted to every decision of the team, and
   * recorded in the project with its estimate.
   */
  public ProjectRanking.Round round(ProjectStore store) throws AetException {
    return ProjectRanking.rank(
        store,
        ProjectRanking.items(scored, targets().get(0)),
        learnedPrior ? "learned model" : "codebook");
  }

  /**
   * One coder's queue.
   *
   * @param next the passages nobody has decided yet, most likely to have the target first, those
   *     the coder postponed last, those the coder skipped left out
   * @param status where the review of the target stands (the estimate is of passages with it)
   */
  public record Queue(
      ReviewTarget target,
      List<String> next,
      int skipped,
      int postponed,
      ProjectRanking.Status status) {
    public Queue {
      next = List.copyOf(next);
    }
  }

  /**
   * The queue of {@code coder} for the target named {@code targetName} (see {@link #targets}),
   * fitted to the team's decisions now; nothing is recorded.
   */
  public Queue queue(ProjectStore store, String coder, String targetName) throws AetException {
    ReviewTarget target = target(targetName);
    Map<String, Boolean> labels =
        ProjectRanking.labels(store, target.name().equals(ReviewTarget.ANY) ? null : target);
    ProjectRanking.Round round =
        ProjectRanking.fit(labels, ProjectRanking.items(scored, target), Double.NaN);
    Map<String, QueueMark> marks = store.queueMarks(store.coderName(coder));
    List<String> next = new ArrayList<>();
    List<String> later = new ArrayList<>();
    int skipped = 0;
    for (String id : round.next()) {
      QueueMark mark = marks.get(id);
      if (mark == QueueMark.SKIP) {
        skipped++;
      } else if (mark == QueueMark.POSTPONE) {
        later.add(id);
      } else {
        next.add(id);
      }
    }
    next.addAll(later);
    return new Queue(target, next, skipped, later.size(), round.status());
  }

  private ReviewTarget target(String name) throws AetException {
    List<ReviewTarget> targets = targets();
    for (ReviewTarget target : targets) {
      if (target.name().equals(name)) {
        return target;
      }
    }
    throw new AetException(
        "\""
            + name
            + "\" is not one of the codes of "
            + codebook.name()
            + "; choose \""
            + ReviewTarget.ANY
            + "\" or a code from the list");
  }
}
