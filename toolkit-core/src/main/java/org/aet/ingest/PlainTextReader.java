package org.aet.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aet.diagnostics.InputException;
import org.aet.model.Turn;

/**
 * Reads plain-text transcripts: one turn per {@code Name: text} line, optionally after a time
 * ({@code [00:01:23] Jane: ...}); lines without a label continue the turn above them; blank lines
 * are ignored.
 *
 * <p>A file may start with a metadata block between two {@code ---} lines, holding {@code key:
 * value} lines such as {@code case: Northbrook Partnership} and {@code role: Jane Smith = senior
 * leader}. Text before the first label is kept as a turn of speaker "unknown", with a warning.
 */
public final class PlainTextReader implements TranscriptReader {
  private static final String FRONT_MATTER_FENCE = "---";

  @Override
  public String format() {
    return "txt";
  }

  @Override
  public List<String> extensions() {
    return List.of("txt");
  }

  @Override
  public ReadResult read(SourceText source) throws InputException {
    TranscriptBuilder builder = new TranscriptBuilder(source, format());
    List<String> lines = source.lines();
    int first = readFrontMatter(lines, builder);
    List<String> body = lines.subList(first, lines.size());
    readLines(lines, first, lines.size(), SpeakerLabel.Vocabulary.of(body), builder);
    return builder.build();
  }

  /**
   * Reads lines {@code [from, to)} of {@code lines} as turns (line {@code i} is numbered {@code i +
   * 1}); shared with the Word reader, whose paragraphs are its lines.
   */
  static void readLines(
      List<String> lines,
      int from,
      int to,
      SpeakerLabel.Vocabulary labels,
      TranscriptBuilder builder) {
    OpenTurn open = null;
    for (int i = from; i < to; i++) {
      String line = lines.get(i);
      int lineNumber = i + 1;
      if (line.isBlank()) {
        continue;
      }
      SpeakerLabel label = labels.find(line);
      if (label != null) {
        close(open, builder);
        open = new OpenTurn(label.speaker(), time(label, line, lineNumber, builder), lineNumber);
        open.add(line.substring(label.textColumn()));
        continue;
      }
      SpeakerLabel timeOnly = SpeakerLabel.findTimeOnly(line);
      String words = timeOnly == null ? line : line.substring(timeOnly.textColumn());
      if (open == null) {
        builder.warn(
            lineNumber,
            1,
            "text before the first speaker label is kept as a turn of speaker \""
                + Turn.UNKNOWN_SPEAKER
                + "\"; start turns with \"Name: \" to attribute it",
            line);
        Duration start = timeOnly == null ? null : time(timeOnly, line, lineNumber, builder);
        open = new OpenTurn(Turn.UNKNOWN_SPEAKER, start, lineNumber);
      }
      open.add(words);
    }
    close(open, builder);
  }

  /**
   * Reads the {@code ---} metadata block if the file starts with one; returns the index of the next
   * line.
   */
  private static int readFrontMatter(List<String> lines, TranscriptBuilder builder) {
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first >= lines.size() || !lines.get(first).strip().equals(FRONT_MATTER_FENCE)) {
      return 0;
    }
    for (int i = first + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().equals(FRONT_MATTER_FENCE)) {
        return i + 1;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        builder.metadata(line.substring(0, colon), line.substring(colon + 1), i + 1, line);
      } else if (!line.isBlank()) {
        builder.warn(i + 1, 1, "expected \"key: value\" in the metadata block", line);
      }
    }
    builder.error(
        first + 1,
        1,
        "the metadata block that starts here is never closed: expected a line \"---\"",
        lines.get(first));
    return lines.size();
  }

  private static Duration time(
      SpeakerLabel label, String line, int lineNumber, TranscriptBuilder builder) {
    if (label.time().isEmpty()) {
      return null;
    }
    try {
      return Timestamps.parse(label.time());
    } catch (IllegalArgumentException e) {
      builder.warn(
          lineNumber,
          line.indexOf(label.time()) + 1,
          e.getMessage() + "; the time is left out",
          line);
      return null;
    }
  }

  private static void close(OpenTurn open, TranscriptBuilder builder) {
    if (open != null) {
      builder.turn(open.speaker, open.start, null, String.join("\n", open.lines), open.line);
    }
  }

  /** A turn still being read: its continuation lines are not known yet. */
  private static final class OpenTurn {
    final String speaker;
    final Duration start;
    final int line;
    final List<String> lines = new ArrayList<>();

    OpenTurn(String speaker, Duration start, int line) {
      this.speaker = speaker;
      this.start = start;
      this.line = line;
    }

    void add(String text) {
      String stripped = text.strip();
      if (!stripped.isEmpty()) {
        lines.add(stripped);
      }
    }
  }
}
