package org.aet.spark;

import java.io.Serializable;
import org.aet.segment.SegmentUnit;

/**
 * How a Spark run codes, as sent to every executor: the options of {@code aet code} that apply.
 *
 * @param input the folder (or file) of transcripts, readable from every executor
 * @param codebook a shipped codebook's name or a codebook file
 * @param unit what a segment is
 * @param floor the confidence below which a suggestion is not shown
 * @param semantic whether the semantic layer suggests and calibrates (false: the rules alone)
 * @param model a model made by {@code aet train}, or null
 * @param cache a folder for the annotation and embedding caches (shared storage on a cluster), or
 *     null for none
 */
public record SparkSettings(
    String input,
    String codebook,
    SegmentUnit unit,
    double floor,
    boolean semantic,
    String model,
    String cache)
    implements Serializable {
  public SparkSettings {
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("--floor must be between 0 and 1: " + floor);
    }
  }
}
