package org.aet.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transcript coded on an executor, or the reason it could not be.
 *
 * @param id the transcript id
 * @param words its words (0 when it failed)
 * @param segments its segments
 * @param lines its JSON Lines, as {@code aet code -o x.jsonl} writes them
 * @param codingsByCode how many codings each code path got
 * @param warnings the warnings met reading it, formatted as {@code aet code} prints them
 * @param errors why it could not be read or coded, formatted as {@code aet code} prints them; empty
 *     when it was coded
 */
public record TranscriptResult(
    String id,
    long words,
    long segments,
    List<String> lines,
    Map<String, Long> codingsByCode,
    List<String> warnings,
    List<String> errors)
    implements Serializable {
  public TranscriptResult {
    lines = List.copyOf(lines);
    codingsByCode = new LinkedHashMap<>(codingsByCode);
    warnings = List.copyOf(warnings);
    errors = List.copyOf(errors);
  }

  /** A transcript that could not be read or coded. */
  static TranscriptResult failed(String id, List<String> errors) {
    return new TranscriptResult(id, 0, 0, List.of(), Map.of(), List.of(), errors);
  }

  /**
   * This result without its lines, for the run's summary: the lines are written by the executors
   * and never sent to the driver.
   */
  TranscriptResult withoutLines() {
    return new TranscriptResult(id, words, segments, List.of(), codingsByCode, warnings, errors);
  }

  boolean ok() {
    return errors.isEmpty();
  }
}
