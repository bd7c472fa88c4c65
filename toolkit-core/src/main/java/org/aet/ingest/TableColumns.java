package org.aet.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names a transcript table's columns go by, in CSV and TSV files, spreadsheets and Word tables:
 * "Speaker" or "Name", "Text" or "Transcript" or "Utterance", "Start" or "Time", and so on. One
 * place, so every tabular reader understands the same headers.
 */
final class TableColumns {
  static final String SPEAKER = "speaker";
  static final String TEXT = "text";
  static final String START = "start";
  static final String END = "end";
  static final String ROLE = "role";

  private static final Map<String, List<String>> NAMES =
      Map.of(
          SPEAKER, List.of("speaker", "name", "participant", "who", "speaker name"),
          TEXT,
              List.of(
                  "text",
                  "content",
                  "utterance",
                  "transcript",
                  "transcription",
                  "speech",
                  "what was said",
                  "dialogue",
                  "words"),
          START,
              List.of(
                  "start", "time", "timestamp", "start time", "begin", "start_time", "time stamp"),
          END, List.of("end", "end time", "end_time", "stop"),
          ROLE, List.of("role", "speaker role"));

  private TableColumns() {}

  /** Which of our columns a header names, or null. */
  static String meaning(String header) {
    String h = header.strip().toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
    for (Map.Entry<String, List<String>> entry : NAMES.entrySet()) {
      if (entry.getValue().contains(h)) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** A time written as a clock time ({@code 00:01:23}) or a number of seconds ({@code 83.5}). */
  static java.time.Duration time(String text) {
    String t = text.strip();
    if (t.matches("\\d+(?:\\.\\d+)?")) {
      return java.time.Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }
    return Timestamps.parse(t.replaceAll("^[\\[(]|[\\])]$", ""));
  }
}
