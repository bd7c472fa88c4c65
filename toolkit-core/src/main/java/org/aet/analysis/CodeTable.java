package org.aet.analysis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.aet.model.Segment;
import org.aet.model.Transcript;

/**
 * How many segments of each group (a case, such as a partnership, or a speaker role) got each code.
 * Segments are counted rather than codings, so a group is not inflated by a transcript with more
 * suggestions per segment; shares of a group's segments make groups of different length comparable;
 * and the adjusted standardised residual says whether a group has clearly more or less of a code
 * than the others.
 */
public final class CodeTable {
  /** The group of segments that have none (no case, or no role). */
  public static final String NONE = "(none)";

  private final BiFunction<Transcript, Segment, String> groupOf;
  private final Map<String, Integer> segmentsByGroup = new LinkedHashMap<>();
  private final Map<String, Map<String, Integer>> countsByCode = new HashMap<>();
  private int segments;

  private CodeTable(BiFunction<Transcript, Segment, String> groupOf) {
    this.groupOf = groupOf;
  }

  /** A table by case (the transcript's case, such as a partnership). */
  public static CodeTable byCase() {
    return new CodeTable((t, s) -> t.caseName());
  }

  /** A table by the role of the speaker of each segment. */
  public static CodeTable byRole() {
    return new CodeTable((t, s) -> s.role());
  }

  /** Counts {@code segment} of {@code transcript}, which got {@code codes}. */
  void add(Transcript transcript, Segment segment, Set<String> codes) {
    String group = groupOf.apply(transcript, segment);
    group = group.isBlank() ? NONE : group;
    segments++;
    segmentsByGroup.merge(group, 1, Integer::sum);
    for (String code : codes) {
      countsByCode.computeIfAbsent(code, k -> new HashMap<>()).merge(group, 1, Integer::sum);
    }
  }

  /** The groups, in order of first appearance. */
  public List<String> groups() {
    return List.copyOf(segmentsByGroup.keySet());
  }

  /** All segments counted. */
  public int segments() {
    return segments;
  }

  /** The segments of {@code group}. */
  public int segments(String group) {
    return segmentsByGroup.getOrDefault(group, 0);
  }

  /** The segments of {@code group} that got {@code code} (or a code below it). */
  public int count(String code, String group) {
    return countsByCode.getOrDefault(code, Map.of()).getOrDefault(group, 0);
  }

  /** The segments of every group that got {@code code}. */
  public int count(String code) {
    return countsByCode.getOrDefault(code, Map.of()).values().stream().mapToInt(i -> i).sum();
  }

  /** The share of {@code group}'s segments that got {@code code}, from 0 to 1. */
  public double share(String code, String group) {
    int total = segments(group);
    return total == 0 ? 0 : count(code, group) / (double) total;
  }

  /**
   * The adjusted standardised residual of {@code group} for {@code code} (Haberman 1973), in the
   * table of segments with and without the code by group: {@code (O - E) / sqrt(E (1 - R/N) (1 -
   * C/N))}, where O is the group's coded segments, E = R C / N what equal shares would give, R the
   * code's segments, C the group's and N all. Beyond about 2 or -2 the group has clearly more or
   * fewer than equal shares would give; NaN where there is nothing to compare (one group, or a code
   * on no segment or on all).
   */
  public double residual(String code, String group) {
    double n = segments;
    double r = count(code);
    double c = segments(group);
    double expected = r * c / n;
    double variance = expected * (1 - r / n) * (1 - c / n);
    return variance > 0 ? (count(code, group) - expected) / Math.sqrt(variance) : Double.NaN;
  }
}
