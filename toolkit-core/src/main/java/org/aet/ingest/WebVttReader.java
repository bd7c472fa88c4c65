package org.aet.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aet.diagnostics.InputException;
import org.aet.model.Turn;

/**
 * Reads WebVTT captions as exported by Zoom ({@code Name: text} inside numbered cues) and Microsoft Teams
 * ({@code <v Name>text</v>}). Consecutive cues of one speaker become one turn that runs from the first cue's
 * start to the last cue's end. NOTE, STYLE and REGION blocks are skipped; cue settings and styling tags are
 * ignored. Header lines of the form {@code key: value} after {@code WEBVTT} are read as metadata (see
 * {@link TranscriptBuilder}).
 */
public final class WebVttReader implements TranscriptReader {
  private static final String ARROW = "-->";
  private static final Pattern TIMING =
      Pattern.compile("^\\s*(\\S+)\\s+-->\\s+(\\S+)(?:\\s+.*)?$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  @Override
  public String format() {
    return "vtt";
  }

  @Override
  public List<String> extensions() {
    return List.of("vtt");
  }

  @Override
  public ReadResult read(SourceText source) throws InputException {
    TranscriptBuilder builder = new TranscriptBuilder(source, format());
    List<String> lines = source.lines();
    if (lines.isEmpty() || !lines.get(0).startsWith("WEBVTT")) {
      builder.error(1, 1, "a WebVTT file must start with the line \"WEBVTT\"", lines.isEmpty() ? "" : lines.get(0));
      return builder.build();
    }
    int i = 1;
    for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
      readHeaderLine(lines.get(i), i + 1, builder);
    }
    List<Block> blocks = new ArrayList<>();
    while (i < lines.size()) {
      while (i < lines.size() && lines.get(i).isBlank()) {
        i++;
      }
      int blockStart = i;
      while (i < lines.size() && !lines.get(i).isBlank()) {
        i++;
      }
      if (blockStart < i) {
        blocks.add(new Block(lines.subList(blockStart, i), blockStart + 1));
      }
    }
    SpeakerLabel.Vocabulary labels = SpeakerLabel.Vocabulary.of(
        blocks.stream().flatMap(b -> b.lines().stream()).toList());
    Merger merger = new Merger(builder);
    int unattributed = 0;
    int firstUnattributed = 0;
    for (Block block : blocks) {
      Cue cue = readBlock(block, labels, builder);
      if (cue != null && !cue.text.isBlank()) {
        if (cue.speaker.equals(Turn.UNKNOWN_SPEAKER) && unattributed++ == 0) {
          firstUnattributed = cue.line;
        }
        merger.add(cue);
      }
    }
    merger.flush();
    if (unattributed > 0) {
      builder.warn(firstUnattributed, 1, unattributed + " cue(s) name no speaker (the first is here); their text is"
          + " kept as turns of speaker \"" + Turn.UNKNOWN_SPEAKER + "\"", lines.get(firstUnattributed - 1));
    }
    return builder.build();
  }

  private static void readHeaderLine(String line, int lineNumber, TranscriptBuilder builder) {
    int colon = line.indexOf(':');
    if (colon > 0 && !line.contains(ARROW)) {
      builder.metadata(line.substring(0, colon), line.substring(colon + 1), lineNumber, line);
    }
  }

  /** Reads one block; returns null for blocks that hold no cue (NOTE, STYLE, REGION). */
  private static Cue readBlock(Block blockLines, SpeakerLabel.Vocabulary labels, TranscriptBuilder builder) {
    List<String> block = blockLines.lines();
    int firstLine = blockLines.firstLine();
    String head = block.get(0);
    if (head.startsWith("NOTE") || head.equals("STYLE") || head.equals("REGION")) {
      return null;
    }
    int timingIndex = head.contains(ARROW) ? 0 : 1;
    if (timingIndex >= block.size() || !block.get(timingIndex).contains(ARROW)) {
      builder.warn(firstLine, 1, "expected a cue timing line such as \"00:00:01.000 --> 00:00:04.000\"; the"
          + " block's text is kept without times", head);
      return cue(String.join(" ", block), null, null, firstLine, labels);
    }
    String timingLine = block.get(timingIndex);
    int timingLineNumber = firstLine + timingIndex;
    Duration start = null;
    Duration end = null;
    Matcher m = TIMING.matcher(timingLine);
    if (m.matches()) {
      start = time(m.group(1), timingLine, timingLineNumber, builder);
      end = time(m.group(2), timingLine, timingLineNumber, builder);
    } else {
      builder.warn(timingLineNumber, 1, "expected \"start --> end\" such as \"00:00:01.000 --> 00:00:04.000\";"
          + " the cue is kept without times", timingLine);
    }
    List<String> payload = block.subList(timingIndex + 1, block.size());
    return cue(String.join(" ", payload), start, end, timingLineNumber + 1, labels);
  }

  private static Duration time(String text, String line, int lineNumber, TranscriptBuilder builder) {
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      builder.warn(lineNumber, line.indexOf(text) + 1, e.getMessage() + "; the time is left out", line);
      return null;
    }
  }

  /** A cue's speaker and plain text, from a Teams voice tag or a Zoom {@code Name:} prefix. */
  private static Cue cue(String payload, Duration start, Duration end, int line,
      SpeakerLabel.Vocabulary labels) {
    String speaker = Turn.UNKNOWN_SPEAKER;
    Matcher voice = VOICE.matcher(payload);
    if (voice.find()) {
      speaker = voice.group(1).strip();
    }
    String text = unescape(TAG.matcher(payload).replaceAll("")).strip();
    if (speaker.equals(Turn.UNKNOWN_SPEAKER)) {
      SpeakerLabel label = labels.find(text);
      if (label != null && label.time().isEmpty()) {
        speaker = label.speaker();
        text = text.substring(label.textColumn());
      }
    }
    return new Cue(speaker.isBlank() ? Turn.UNKNOWN_SPEAKER : speaker, start, end, text.strip(), line);
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0")
        .replace("&lrm;", "\u200e").replace("&rlm;", "\u200f").replace("&amp;", "&");
  }

  /** A run of non-blank lines and the line number of its first line. */
  private record Block(List<String> lines, int firstLine) {}

  private record Cue(String speaker, Duration start, Duration end, String text, int line) {}

  /** Joins consecutive cues of the same speaker into one turn. */
  private static final class Merger {
    private final TranscriptBuilder builder;
    private final StringBuilder text = new StringBuilder();
    private Cue first;
    private Duration end;

    Merger(TranscriptBuilder builder) {
      this.builder = builder;
    }

    void add(Cue cue) {
      if (first != null && !first.speaker.equals(cue.speaker)) {
        flush();
      }
      if (first == null) {
        first = cue;
      } else {
        text.append(' ');
      }
      text.append(cue.text);
      end = cue.end;
    }

    void flush() {
      if (first != null) {
        builder.turn(first.speaker, first.start, end, text.toString(), first.line);
        first = null;
        text.setLength(0);
      }
    }
  }
}
