package org.aet.spark;

import java.io.Serializable;
import java.util.Map;
import org.aet.segment.SegmentUnit;

/**
 * How a Spark run codes, as sent to every executor: the options of {@code aet code} that apply.
 *
 * @param input the folder (or file) of transcripts, readable from every executor: a path, or an
 *     address Hadoop reads ({@code hdfs://}, {@code s3a://}, {@code file://})
 * @param codebook a shipped codebook's name or a codebook file
 * @param unit what a segment is
 * @param floor the confidence below which a suggestion is not shown
 * @param semantic whether the semantic layer suggests and calibrates (false: the rules alone)
 * @param model a model made by {@code aet train} (a path or an address), or null
 * @param starter whether the codebook's starter model suggests too (then {@code model} is null)
 * @param cache a folder for the annotation and embedding caches (shared storage on a cluster), or
 *     null for none; a folder (local or mounted), since the caches rename files into place
 * @param hadoop Hadoop settings for reading addresses (the {@code spark.hadoop.*} settings without
 *     the prefix), as executors do not see the driver's
 */
public record SparkSettings(
    String input,
    String codebook,
    SegmentUnit unit,
    double floor,
    boolean semantic,
    String model,
    boolean starter,
    String cache,
    Map<String, String> hadoop)
    implements Serializable {
  public SparkSettings {
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("--floor must be between 0 and 1: " + floor);
    }
    if (cache != null && HadoopInput.isAddress(cache) && !cache.startsWith("file:")) {
      throw new IllegalArgumentException(
          "--cache "
              + cache
              + ": the caches need a folder every machine sees as a folder (a local disk or"
              + " mounted shared storage such as NFS), not an hdfs:// or s3a:// address");
    }
    if (model != null && starter) {
      throw new IllegalArgumentException(
          "--model and --starter each name a model to suggest with: give one of them");
    }
    hadoop = Map.copyOf(hadoop);
  }

  /** These settings with {@code hadoop} as the Hadoop settings. */
  public SparkSettings withHadoop(Map<String, String> hadoop) {
    return new SparkSettings(input, codebook, unit, floor, semantic, model, starter, cache, hadoop);
  }

  /** The settings without the Hadoop values, which may hold credentials. */
  @Override
  public String toString() {
    return ("SparkSettings[input=%s, codebook=%s, unit=%s, floor=%s, semantic=%s, model=%s,"
            + " starter=%s, cache=%s, hadoop=%s]")
        .formatted(input, codebook, unit, floor, semantic, model, starter, cache, hadoop.keySet());
  }
}
