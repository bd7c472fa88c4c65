package org.aet.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Replays a review loop on segments a coder has already coded, to measure how much reading it
 * saves: the loop ranks, the "coder" reads the next batch, and only then are those labels revealed
 * to the next fit, exactly as {@link ReviewRanking} is used in real rounds. The measure is the one
 * systematic-review screening uses: work saved over sampling at 95% recall (WSS@95), the share of
 * segments a team need not read to find 95% of those with the code, less the 5% a random order
 * would also save.
 */
public final class ReviewSimulation {
  /** The shares of segments after which recall is reported. */
  public static final List<Double> READ_SHARES = List.of(0.1, 0.2, 0.3, 0.5);

  /** How many random orders the baseline averages over. */
  static final int RANDOM_ORDERS = 50;

  private ReviewSimulation() {}

  /** One round of a replay: what had been revealed when the ranking was made, and the ranking. */
  public record Round(int number, Map<String, Boolean> revealed, ReviewRanking.Ranked ranked) {}

  /**
   * How one target (a code, a tension, or "any code") fared.
   *
   * @param found whether each segment read had the target, in reading order
   * @param randomWss95 WSS@95 of a random reading order, averaged over {@link #RANDOM_ORDERS}
   */
  public record Outcome(String target, List<Boolean> found, double randomWss95) {
    public int segments() {
      return found.size();
    }

    public int relevant() {
      return (int) found.stream().filter(b -> b).count();
    }

    /** The share of relevant segments found after reading {@code share} of all of them. */
    public double recallAfter(double share) {
      return recallAfter(found, share);
    }

    /** How many segments must be read to find {@code recall} of the relevant ones; -1 if none. */
    public int readsFor(double recall) {
      return readsFor(found, recall);
    }

    /** Work saved over sampling at {@code recall}; NaN when nothing is relevant. */
    public double wss(double recall) {
      return wss(found, recall);
    }

    static double recallAfter(List<Boolean> found, double share) {
      int relevant = (int) found.stream().filter(b -> b).count();
      if (relevant == 0) {
        return Double.NaN;
      }
      int reads = (int) Math.ceil(share * found.size());
      return found.subList(0, reads).stream().filter(b -> b).count() / (double) relevant;
    }

    static int readsFor(List<Boolean> found, double recall) {
      int relevant = (int) found.stream().filter(b -> b).count();
      if (relevant == 0) {
        return -1;
      }
      int needed = (int) Math.ceil(recall * relevant - 1e-9);
      int seen = 0;
      for (int i = 0; i < found.size(); i++) {
        if (found.get(i) && ++seen >= needed) {
          return i + 1;
        }
      }
      return found.size();
    }

    static double wss(List<Boolean> found, double recall) {
      int reads = readsFor(found, recall);
      return reads < 0 ? Double.NaN : (found.size() - reads) / (double) found.size() - (1 - recall);
    }
  }

  /**
   * Replays the loop over {@code ranking}'s segments, revealing {@code batch} at a time.
   *
   * @param relevant the segments that have the target, known to the replay, never to the ranking
   *     before they are read
   * @param eachRound sees every round (tests check what each fit was allowed to see)
   */
  public static List<Boolean> replay(
      ReviewRanking ranking, Set<String> relevant, int batch, Consumer<Round> eachRound) {
    if (batch < 1) {
      throw new IllegalArgumentException("a batch is at least 1 segment: " + batch);
    }
    Map<String, Boolean> revealed = new java.util.LinkedHashMap<>();
    List<Boolean> found = new ArrayList<>();
    for (int round = 1; ; round++) {
      ReviewRanking.Ranked ranked = ranking.rank(revealed);
      if (ranked.segmentIds().isEmpty()) {
        return found;
      }
      eachRound.accept(new Round(round, Map.copyOf(revealed), ranked));
      for (String id :
          ranked.segmentIds().subList(0, Math.min(batch, ranked.segmentIds().size()))) {
        boolean has = relevant.contains(id);
        revealed.put(id, has);
        found.add(has);
      }
    }
  }

  /** Replays the loop for one target and compares it with random reading orders. */
  public static Outcome simulate(
      String target, List<ReviewRanking.Item> items, Set<String> relevant, int batch, long seed) {
    return simulate(target, items, relevant, batch, seed, null);
  }

  /** The mean WSS@95 of random reading orders. */
  static double randomWss(List<ReviewRanking.Item> items, Set<String> relevant, long seed) {
    if (items.stream().noneMatch(i -> relevant.contains(i.segmentId()))) {
      return Double.NaN;
    }
    Random random = new Random(seed);
    List<Boolean> order =
        new ArrayList<>(items.stream().map(i -> relevant.contains(i.segmentId())).toList());
    double sum = 0;
    for (int i = 0; i < RANDOM_ORDERS; i++) {
      java.util.Collections.shuffle(order, random);
      sum += Outcome.wss(order, 0.95);
    }
    return sum / RANDOM_ORDERS;
  }

  /**
   * The stopping signal checked: what one round's status would have told the team was left unread
   * ({@link ReviewRanking#estimate}), beside what really was.
   *
   * @param read segments read before the round
   * @param found of them, those with the target
   * @param left those with the target not yet read
   */
  public record Checkpoint(int read, int found, int left, double estimated) {}

  /**
   * A whole simulation: the outcome for every target, and how the gold file met the corpus.
   *
   * @param stopping a checkpoint per round for "any code", the target review rounds report
   * @param matched gold segments found among the corpus's segments (the others are left out)
   * @param unmatched a few gold ids not found, for the message
   */
  public record Report(
      List<Outcome> outcomes,
      List<Checkpoint> stopping,
      int goldSegments,
      int matched,
      List<String> unmatched) {}

  /**
   * Replays the loop for one target; with {@code stopping}, checks the estimate of what is left at
   * every round into it (six model fits a round, so only where it is reported).
   */
  static Outcome simulate(
      String target,
      List<ReviewRanking.Item> items,
      Set<String> relevant,
      int batch,
      long seed,
      List<Checkpoint> stopping) {
    ReviewRanking ranking = new ReviewRanking(items);
    List<Boolean> found =
        replay(
            ranking,
            relevant,
            batch,
            round -> {
              if (stopping == null) {
                return;
              }
              int hits = (int) round.revealed().values().stream().filter(b -> b).count();
              stopping.add(
                  new Checkpoint(
                      round.revealed().size(),
                      hits,
                      relevant.size() - hits,
                      ranking.estimate(round.revealed()).remaining()));
            });
    return new Outcome(target, found, randomWss(items, relevant, seed));
  }

  /**
   * Segments {@code transcripts}, scores them with {@code prior} (the codebook alone, or a model
   * learned elsewhere; never the gold labels) and replays the loop for every target of {@code
   * codebook} on the segments {@code gold} labels.
   *
   * @param gold code paths per segment id, as the coder coded them
   */
  public static Report run(
      List<org.aet.model.Transcript> transcripts,
      Map<String, List<String>> gold,
      org.aet.codebook.Codebook codebook,
      org.aet.nlp.Annotator annotator,
      org.aet.segment.Segmenter segmenter,
      org.aet.semantic.WindowEmbedding embedding,
      Prior prior,
      int batch,
      long seed) {
    List<ScoredSegment> scored =
        ScoredSegment.of(transcripts, annotator, segmenter, embedding, prior, gold::containsKey);
    return run(scored, gold, codebook, batch, seed);
  }

  /** Replays the loop for every target of {@code codebook} on {@code scored} segments. */
  public static Report run(
      List<ScoredSegment> scored,
      Map<String, List<String>> gold,
      org.aet.codebook.Codebook codebook,
      int batch,
      long seed) {
    Set<String> ids = new java.util.HashSet<>();
    scored.forEach(s -> ids.add(s.id()));
    List<Outcome> outcomes = new ArrayList<>();
    List<Checkpoint> stopping = new ArrayList<>();
    for (ReviewTarget target : ReviewTarget.of(codebook)) {
      Set<String> relevant = new java.util.HashSet<>();
      for (String id : ids) {
        if (target.has(gold.getOrDefault(id, List.of()))) {
          relevant.add(id);
        }
      }
      // "any code" always comes first (the summary line reads it), with the stopping signal.
      boolean any = target.name().equals(ReviewTarget.ANY);
      if (any || !relevant.isEmpty()) {
        outcomes.add(
            simulate(
                target.name(),
                ScoredSegment.items(scored, target),
                relevant,
                batch,
                seed,
                any ? stopping : null));
      }
    }
    List<String> unmatched =
        gold.keySet().stream().filter(id -> !ids.contains(id)).limit(3).toList();
    return new Report(outcomes, stopping, gold.size(), ids.size(), unmatched);
  }

  /**
   * The shuffled control: the same codings dealt at random among the segments of each transcript
   * (by {@code seed}). Nothing can rank these well, so a ranking that still saves reading on them
   * has peeked at the labels.
   */
  public static Map<String, List<String>> shuffledWithinTranscripts(
      Map<String, List<String>> gold, long seed) {
    Map<String, List<String>> byTranscript = new java.util.TreeMap<>();
    gold.keySet().stream()
        .sorted()
        .forEach(
            id ->
                byTranscript
                    .computeIfAbsent(
                        org.aet.evaluation.Folds.transcriptOf(id), t -> new ArrayList<>())
                    .add(id));
    Random random = new Random(seed);
    Map<String, List<String>> shuffled = new java.util.LinkedHashMap<>();
    for (List<String> ids : byTranscript.values()) {
      List<List<String>> codes = new ArrayList<>(ids.stream().map(gold::get).toList());
      java.util.Collections.shuffle(codes, random);
      for (int i = 0; i < ids.size(); i++) {
        shuffled.put(ids.get(i), codes.get(i));
      }
    }
    return shuffled;
  }
}
