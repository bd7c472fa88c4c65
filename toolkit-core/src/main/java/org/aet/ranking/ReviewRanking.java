package org.aet.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking of a review loop: which segments a coder should read next. Before the team has coded
 * both a segment that has the code and one that has not, segments are ranked by the codebook alone
 * (the prior: rules and similarity to the code's definition and examples, as an estimated
 * precision). From then on a model is fitted to every reviewed segment after each round (its
 * sentence-embedding features plus the prior) and the unreviewed ones are ranked by its
 * probability, likely ones first. Only segments already reviewed are ever used to fit it.
 */
public final class ReviewRanking {
  /**
   * One segment as the loop sees it.
   *
   * @param features the segment's meaning as a unit vector (mean of its sentence windows)
   * @param prior what the codebook alone says, from 0 to 1
   */
  public record Item(String segmentId, float[] features, double prior) {}

  private final List<Item> items;
  private final Map<String, Item> byId = new HashMap<>();

  public ReviewRanking(List<Item> items) {
    this.items = List.copyOf(items);
    this.items.forEach(i -> byId.put(i.segmentId(), i));
  }

  /** What one round's ranking rests on. */
  public enum Basis {
    CODEBOOK,
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
   * Estimates the relevant segments not yet reviewed. With a model: its probabilities over the
   * unreviewed segments, scaled so that over the reviewed ones they add up to what the team found
   * (class weighting makes the raw probabilities too high). Before: the codebook's estimated
   * precision summed over the unreviewed segments.
   */
  public Estimate estimate(Map<String, Boolean> reviewed) {
    DenseLogistic model = fit(reviewed);
    double open = 0;
    double seen = 0;
    int found = 0;
    for (Item item : items) {
      double p = score(item, model);
      if (reviewed.containsKey(item.segmentId())) {
        seen += p;
        found += reviewed.get(item.segmentId()) ? 1 : 0;
      } else {
        open += p;
      }
    }
    if (model == null) {
      return new Estimate(
          open, "the codebook's estimated precision of each unread segment's best code, summed");
    }
    double scale = seen > 0 ? found / seen : 1;
    return new Estimate(
        open * scale,
        "the ranking model's probabilities over the unread segments, scaled so that over the "
            + "reviewed ones they add up to the "
            + found
            + " the team coded");
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
