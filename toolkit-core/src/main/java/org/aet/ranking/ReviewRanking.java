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
    List<float[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (Map.Entry<String, Boolean> entry : reviewed.entrySet()) {
      Item item = byId.get(entry.getKey());
      if (item != null) {
        x.add(withPrior(item));
        y.add(entry.getValue());
      }
    }
    boolean both = y.contains(true) && y.contains(false);
    DenseLogistic model = both ? DenseLogistic.fit(x, y) : null;
    Map<String, Double> score = new HashMap<>();
    List<Item> open = new ArrayList<>();
    for (Item item : items) {
      if (!reviewed.containsKey(item.segmentId())) {
        open.add(item);
        score.put(
            item.segmentId(), model == null ? item.prior() : model.probability(withPrior(item)));
      }
    }
    open.sort(
        Comparator.comparingDouble((Item i) -> -score.get(i.segmentId()))
            .thenComparing(Item::segmentId));
    return new Ranked(
        open.stream().map(Item::segmentId).toList(),
        model == null ? Basis.CODEBOOK : Basis.MODEL,
        x.size());
  }

  private static float[] withPrior(Item item) {
    float[] features = java.util.Arrays.copyOf(item.features(), item.features().length + 1);
    features[features.length - 1] = (float) item.prior();
    return features;
  }
}
