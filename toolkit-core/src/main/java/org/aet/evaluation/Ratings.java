package org.aet.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ratings of items by several coders: {@code ratings.get(item).get(coder)} is the category the
 * coder gave, or null when the coder did not rate the item (missing data).
 */
public record Ratings(List<List<String>> ratings) {
  public Ratings {
    ratings =
        ratings.stream()
            .map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r)))
            .toList();
  }

  public int coders() {
    return ratings.isEmpty() ? 0 : ratings.get(0).size();
  }

  /** The items rated by at least two coders: the only ones that say anything about agreement. */
  public List<List<String>> pairable() {
    return ratings.stream().filter(r -> r.stream().filter(Objects::nonNull).count() >= 2).toList();
  }
}
