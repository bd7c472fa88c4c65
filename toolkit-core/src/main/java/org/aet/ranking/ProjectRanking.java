package org.aet.ranking;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.aet.codebook.Codebook;
import org.aet.coding.SuggestionCoder;
import org.aet.diagnostics.AetException;
import org.aet.nlp.Annotator;
import org.aet.pipeline.ProgressListener;
import org.aet.project.DecisionKind;
import org.aet.project.ProjectStore;
import org.aet.segment.Segmenter;
import org.aet.semantic.WindowEmbedding;

/**
 * Ranked review rounds on a project: the loop of {@link ReviewRanking} fed with the project's
 * segments (of its latest coding run) and the team's decisions so far. A segment counts as reviewed
 * when anyone has made a coding decision on it; it has a code when the consensus gives one, or
 * without a consensus when any coder gave one. Every fit is recorded in the project with its
 * version and estimate, so a team can see after each round how much is probably left.
 */
public final class ProjectRanking {
  private ProjectRanking() {}

  /**
   * Where the ranked review stands after a fit.
   *
   * @param previousEstimate the estimate of the fit before, or NaN for the first
   */
  public record Status(
      int segments,
      int reviewed,
      int coded,
      ReviewRanking.Estimate estimate,
      double previousEstimate,
      ReviewRanking.Basis basis,
      String version) {}

  /** The next segments to review, best first, and the status they were ranked in. */
  public record Round(List<String> next, Status status) {}

  /**
   * The latest run's segments with their features and the codebook's prior for "any code".
   * Annotations and embeddings come from the caches when the segments were coded before.
   */
  public static List<ReviewRanking.Item> items(
      ProjectStore store, Annotator annotator, WindowEmbedding embedding, SuggestionCoder coder)
      throws AetException {
    Codebook codebook = store.codebook(store.latestRun().codebookVersion());
    return items(scored(store, annotator, embedding, coder), ReviewTarget.of(codebook).get(0));
  }

  /** The latest run's segments as the review loop sees them, for any target. */
  public static List<ScoredSegment> scored(
      ProjectStore store, Annotator annotator, WindowEmbedding embedding, SuggestionCoder coder)
      throws AetException {
    return scored(store, annotator, embedding, Prior.codebook(coder), ProgressListener.SILENT);
  }

  /**
   * The latest run's segments as the review loop sees them, known before the team codes by {@code
   * prior} (the codebook alone, or a learned model), telling {@code progress} how many transcripts
   * are read.
   */
  public static List<ScoredSegment> scored(
      ProjectStore store,
      Annotator annotator,
      WindowEmbedding embedding,
      Prior prior,
      ProgressListener progress)
      throws AetException {
    Segmenter segmenter = new Segmenter(store.latestRun().unit());
    return ScoredSegment.of(
        ScoredSegment.segments(
            store.transcripts(), annotator, segmenter, embedding, id -> true, progress),
        prior);
  }

  /** The segments as items of a ranking for {@code target}, with its prior. */
  public static List<ReviewRanking.Item> items(List<ScoredSegment> scored, ReviewTarget target) {
    return ScoredSegment.items(scored, target);
  }

  /** The team's decisions as labels: reviewed segments and whether each has a code. */
  public static Map<String, Boolean> labels(ProjectStore store) throws AetException {
    return labels(store, null);
  }

  /**
   * The team's decisions as labels for {@code target}: reviewed segments and whether each has one
   * of its codes ({@code null}: any code at all).
   */
  public static Map<String, Boolean> labels(ProjectStore store, ReviewTarget target)
      throws AetException {
    Map<String, Boolean> consensus = new TreeMap<>();
    Map<String, Boolean> coders = new TreeMap<>();
    for (ProjectStore.Decision d : store.latestDecisions()) {
      if (!d.isCoding()) {
        continue;
      }
      boolean coded = target == null ? !d.codes().isEmpty() : target.has(d.codes());
      if (d.kind() == DecisionKind.CONSENSUS) {
        consensus.put(d.segmentId(), coded);
      } else {
        coders.merge(d.segmentId(), coded, Boolean::logicalOr);
      }
    }
    Map<String, Boolean> labels = new TreeMap<>(coders);
    labels.putAll(consensus);
    return labels;
  }

  /** Fits the ranking to the team's decisions, records the fit, and returns the next segments. */
  public static Round rank(ProjectStore store, List<ReviewRanking.Item> items) throws AetException {
    return rank(store, items, "codebook");
  }

  /**
   * As {@link #rank}, recording {@code priorBasis} ("codebook", or "learned model" when a model
   * learned elsewhere ranks the first rounds) as the basis of a fit that rests on the prior alone.
   */
  public static Round rank(ProjectStore store, List<ReviewRanking.Item> items, String priorBasis)
      throws AetException {
    List<ProjectStore.Ranking> before = store.rankings();
    double previous =
        before.isEmpty() ? Double.NaN : before.get(before.size() - 1).estimatedRemaining();
    Round round = fit(labels(store), items, previous);
    Status status = round.status();
    store.addRanking(
        new ProjectStore.Ranking(
            status.version(),
            store.latestRun().id(),
            status.basis() == ReviewRanking.Basis.CODEBOOK
                ? priorBasis
                : status.basis().name().toLowerCase(Locale.ROOT),
            status.reviewed(),
            status.coded(),
            status.segments(),
            status.estimate().remaining(),
            Instant.now()));
    return round;
  }

  /**
   * Fits the ranking to {@code labels} (from {@link #labels}) without recording it: the next
   * segments and where the review stands, {@code previous} the estimate before, or NaN.
   */
  public static Round fit(
      Map<String, Boolean> labels, List<ReviewRanking.Item> items, double previous) {
    ReviewRanking ranking = new ReviewRanking(items);
    ReviewRanking.Ranked ranked = ranking.rank(labels);
    ReviewRanking.Estimate estimate = ranking.estimate(labels);
    Map<String, Boolean> known = new TreeMap<>();
    items.forEach(
        i -> {
          if (labels.containsKey(i.segmentId())) {
            known.put(i.segmentId(), labels.get(i.segmentId()));
          }
        });
    Hasher hasher = Hashing.sha256().newHasher();
    known.forEach((id, has) -> hasher.putString(id + "=" + has + "\n", StandardCharsets.UTF_8));
    String version = hasher.hash().toString().substring(0, 12);
    int coded = (int) known.values().stream().filter(b -> b).count();
    return new Round(
        ranked.segmentIds(),
        new Status(items.size(), known.size(), coded, estimate, previous, ranked.basis(), version));
  }
}
