package org.aet.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking of a review loop: which segments a coder should read next. Before the team has coded
 * both a segment that has the code and one that has not, segments are ranked by what was known
 * before the team coded anything (the {@link Prior}: the codebook alone, its rules and similarity
 * to the code's definitions and examples as an estimated precision, or a model learned elsewhere,
 * its probability; {@link Basis#CODEBOOK} names either). From then on a model is fitted to every
 * reviewed segment after each round (its sentence-embedding features plus the prior) and the
 * unreviewed ones are ranked by its probability, likely ones first. Only segments already reviewed
 * are ever used to fit it.
 */
public final class ReviewRanking {
  /**
   * One segment as the loop sees it.
   *
   * @param features the segment's meaning as a unit vector (mean of its sentence windows)
   * @param prior what the codebook alone says, from 0 to 1
   */
  public record Item(String segmentId, float[] features, double prior) {}

  /** Folds for the held-out scores the estimate is calibrated on. */
  static final int FOLDS = 5;

  /** Reviewed segments needed with and without the code before the estimate uses the model. */
  static final int ENOUGH_EACH = org.aet.coding.Calibration.OWN_CURVE_POSITIVES;

  private final List<Item> items;
  private final Map<String, Item> byId = new HashMap<>();

  public ReviewRanking(List<Item> items) {
    this.items = List.copyOf(items);
    this.items.forEach(i -> byId.put(i.segmentId(), i));
  }

  /** What one round's ranking rests on. */
  public enum Basis {
    /** The prior alone: the codebook, or a model learned elsewhere (stored as "codebook"). */
    CODEBOOK,
    /** A model fitted to the team's decisions, the prior one of its features. */
    MODEL
  }

  /** The unreviewed segments, most worth reading first, and what the order rests on. */
  public record Ranked(List<String> segmentIds, Basis basis, int trainedOn) {}

  /**
   * Ranks every segment not in {@code reviewed} (segment id to whether it has the code).
   *
   * @param reviewed the decisions so far; ids not among the items are ignored
   */
  public Ranked rank(Map<String, Boolean> reviewed) {
    DenseLogistic model = fit(reviewed);
    Map<String, Double> score = new HashMap<>();
    List<Item> open = new ArrayList<>();
    for (Item item : items) {
      if (!reviewed.containsKey(item.segmentId())) {
        open.add(item);
        score.put(item.segmentId(), score(item, model));
      }
    }
    open.sort(
        Comparator.comparingDouble((Item i) -> -score.get(i.segmentId()))
            .thenComparing(Item::segmentId));
    return new Ranked(
        open.stream().map(Item::segmentId).toList(),
        model == null ? Basis.CODEBOOK : Basis.MODEL,
        (int) reviewed.keySet().stream().filter(byId::containsKey).count());
  }

  /**
   * How many unreviewed segments likely have the code, and how that was estimated.
   *
   * @param how the method in a sentence, for the team
   */
  public record Estimate(double remaining, String how) {}

  /**
   * Estimates the relevant segments not yet reviewed. Before a model: the codebook's estimated
   * precision summed over the unreviewed segments. With a model but fewer than {@link #ENOUGH_EACH}
   * reviewed segments with and without the code: the share found so far, applied to the unreviewed
   * (high, since likely segments are read first). After that: the model's scores over the
   * unreviewed segments through a {@link Platt} curve fitted to held-out scores of the reviewed
   * ones, summed. The model's own probabilities cannot be summed: it weights the classes equally,
   * so on real talk, with every coded segment already read, they still added up to 47.
   */
  public Estimate estimate(Map<String, Boolean> reviewed) {
    DenseLogistic model = fit(reviewed);
    if (model == null) {
      double open = 0;
      for (Item item : items) {
        open += reviewed.containsKey(item.segmentId()) ? 0 : item.prior();
      }
      return new Estimate(
          open, "the codebook's estimated precision of each unread segment's best code, summed");
    }
    int read = 0;
    int found = 0;
    for (Item item : items) {
      Boolean has = reviewed.get(item.segmentId());
      read += has == null ? 0 : 1;
      found += Boolean.TRUE.equals(has) ? 1 : 0;
    }
    if (found < ENOUGH_EACH || read - found < ENOUGH_EACH) {
      return new Estimate(
          (items.size() - read) * found / (double) read,
          "the share the team coded so far ("
              + found
              + " of the "
              + read
              + " reviewed) applied to the unread segments: too few reviewed segments with and"
              + " without a code ("
              + ENOUGH_EACH
              + " of each) to estimate from the model; since"
              + " likely segments are read first, this errs high");
    }
    Platt platt = Platt.fit(heldOutScores(reviewed));
    double open = 0;
    for (Item item : items) {
      if (!reviewed.containsKey(item.segmentId())) {
        open += platt.probability(score(item, model));
      }
    }
    return new Estimate(
        open,
        "the ranking model's scores over the unread segments, turned into probabilities by a"
            + " curve fitted to the held-out scores of the "
            + read
            + " reviewed ones (Platt scaling)");
  }

  /**
   * Each reviewed segment's score from a model fitted without it (segments dealt into {@link
   * #FOLDS} folds by id), with its label; folds whose rest lacks a class are left out.
   *
   * <p>These folds split a transcript's turns between fitting and scoring, and that is deliberate:
   * the curve is for the unread segments of the same project, which lie in the very transcripts the
   * reviewed ones come from and are scored by a model fitted to those, so held-out turns of the
   * same transcripts are the like-for-like case. Folds by transcript would fit the curve to talk
   * the model has never seen, which the unread segments are not (and a project of one transcript
   * would have no folds at all). What cannot leak is the first rounds' prior: a model learned
   * elsewhere is fitted without this project's transcripts ({@link HeldOutSimulation} checks it on
   * hearings left out, and measures how far the estimate was off there).
   */
  private List<Platt.Point> heldOutScores(Map<String, Boolean> reviewed) {
    List<String> ids = reviewed.keySet().stream().filter(byId::containsKey).sorted().toList();
    List<Platt.Point> points = new ArrayList<>();
    for (int fold = 0; fold < FOLDS; fold++) {
      Map<String, Boolean> rest = new HashMap<>();
      List<String> held = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (i % FOLDS == fold) {
          held.add(ids.get(i));
        } else {
          rest.put(ids.get(i), reviewed.get(ids.get(i)));
        }
      }
      DenseLogistic model = fit(rest);
      if (model != null) {
        for (String id : held) {
          points.add(new Platt.Point(score(byId.get(id), model), reviewed.get(id)));
        }
      }
    }
    return points;
  }

  private DenseLogistic fit(Map<String, Boolean> reviewed) {
    List<float[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (Map.Entry<String, Boolean> entry : reviewed.entrySet()) {
      Item item = byId.get(entry.getKey());
      if (item != null) {
        x.add(withPrior(item));
        y.add(entry.getValue());
      }
    }
    return y.contains(true) && y.contains(false) ? DenseLogistic.fit(x, y) : null;
  }

  private static double score(Item item, DenseLogistic model) {
    return model == null ? item.prior() : model.probability(withPrior(item));
  }

  private static float[] withPrior(Item item) {
    float[] features = java.util.Arrays.copyOf(item.features(), item.features().length + 1);
    features[features.length - 1] = (float) item.prior();
    return features;
  }
}
