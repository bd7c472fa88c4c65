package org.aet.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which codes share segments: for each pair of codes, the segments that got both. Parents count (a
 * segment with "power/reciprocity" and "language/jargon" is also a "power" and "language" segment),
 * so tensions can be compared with each other and codes within one tension.
 */
public final class CoOccurrence {
  private final Map<String, Integer> byPair = new HashMap<>();
  private final Map<String, Integer> byCode = new HashMap<>();

  void add(Set<String> codes) {
    for (String a : codes) {
      byCode.merge(a, 1, Integer::sum);
      for (String b : codes) {
        if (a.compareTo(b) < 0) {
          byPair.merge(a + '\n' + b, 1, Integer::sum);
        }
      }
    }
  }

  /** The segments that got {@code code}. */
  public int count(String code) {
    return byCode.getOrDefault(code, 0);
  }

  /** The segments that got both {@code a} and {@code b} ({@link #count(String)} when equal). */
  public int count(String a, String b) {
    if (a.equals(b)) {
      return count(a);
    }
    String key = a.compareTo(b) < 0 ? a + '\n' + b : b + '\n' + a;
    return byPair.getOrDefault(key, 0);
  }

  /**
   * The overlap of {@code a} and {@code b} (Jaccard): the segments with both over the segments with
   * either, from 0 (never together) to 1 (always together).
   */
  public double overlap(String a, String b) {
    int both = count(a, b);
    int either = count(a) + count(b) - both;
    return either == 0 ? 0 : both / (double) either;
  }
}
