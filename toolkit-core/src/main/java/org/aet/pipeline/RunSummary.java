package org.aet.pipeline;

import java.time.Duration;
import java.util.Map;

/**
 * What a coding run did, for the closing message and for benchmarks.
 *
 * @param transcripts transcripts coded
 * @param words words in them
 * @param segments segments made
 * @param codings codings suggested
 * @param warnings warnings met while reading
 * @param codingsByCode number of codings per code path, in codebook order
 * @param elapsed wall-clock time of the run
 */
public record RunSummary(
    int transcripts,
    long words,
    long segments,
    long codings,
    int warnings,
    Map<String, Long> codingsByCode,
    Duration elapsed) {
  public RunSummary {
    codingsByCode =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codingsByCode));
  }
}
