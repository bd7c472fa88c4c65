package org.aet.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aet.model.Turn;

/**
 * What WebVTT and SRT captions have in common: blocks separated by blank lines, each an optional
 * cue id, a timing line {@code start --> end [settings]} and the cue text. Finds each cue's speaker
 * (Teams {@code <v Name>}, Zoom {@code Name: text}, {@code [Name] text}), strips styling tags, and
 * joins consecutive cues of one speaker into one turn that runs from the first cue's start to the
 * last cue's end.
 */
final class Captions {
  private static final String ARROW = "-->";
  private static final Pattern TIMING = Pattern.compile("^\\s*(\\S+)\\s+-->\\s+(\\S+)(?:\\s+.*)?$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
  private static final Pattern BRACKETED_SPEAKER =
      Pattern.compile("^\\[([^\\]\\d][^\\]]{0,59})\\]\\s*");
  private static final Pattern TAG = Pattern.compile("<[^>]*>|\\{\\\\[^}]*\\}");

  private Captions() {}

  /** A run of non-blank lines and the line number of its first line. */
  record Block(List<String> lines, int firstLine) {}

  /** Splits {@code lines} from index {@code from} into blocks. */
  static List<Block> blocks(List<String> lines, int from) {
    List<Block> blocks = new ArrayList<>();
    int i = from;
    while (i < lines.size()) {
      while (i < lines.size() && lines.get(i).isBlank()) {
        i++;
      }
      int start = i;
      while (i < lines.size() && !lines.get(i).isBlank()) {
        i++;
      }
      if (start < i) {
        blocks.add(new Block(lines.subList(start, i), start + 1));
      }
    }
    return blocks;
  }

  /**
   * Reads the cues of {@code blocks} into turns, warning about blocks without a timing line,
   * unreadable times and cues that name no speaker (those are kept as turns of speaker "unknown").
   */
  static void read(List<Block> blocks, String timeExample, TranscriptBuilder builder) {
    SpeakerLabel.Vocabulary labels =
        SpeakerLabel.Vocabulary.of(blocks.stream().flatMap(b -> b.lines().stream()).toList());
    Merger merger = new Merger(builder);
    int unattributed = 0;
    int firstLine = 0;
    String firstText = "";
    for (Block block : blocks) {
      Cue cue = cue(block, labels, timeExample, builder);
      if (!cue.text.isBlank()) {
        if (cue.speaker.equals(Turn.UNKNOWN_SPEAKER) && unattributed++ == 0) {
          firstLine = cue.line;
          firstText =
              block.lines().get(Math.min(cue.line - block.firstLine(), block.lines().size() - 1));
        }
        merger.add(cue);
      }
    }
    merger.flush();
    if (unattributed > 0) {
      builder.warn(
          firstLine,
          1,
          unattributed
              + " cue(s) name no speaker (the first is here); their text is kept"
              + " as turns of speaker \""
              + Turn.UNKNOWN_SPEAKER
              + "\"",
          firstText);
    }
  }

  private static Cue cue(
      Block block, SpeakerLabel.Vocabulary labels, String timeExample, TranscriptBuilder builder) {
    List<String> lines = block.lines();
    int timingIndex = lines.get(0).contains(ARROW) ? 0 : 1;
    if (timingIndex >= lines.size() || !lines.get(timingIndex).contains(ARROW)) {
      builder.warn(
          block.firstLine(),
          1,
          "expected a cue timing line such as \""
              + timeExample
              + "\"; the"
              + " block's text is kept without times",
          lines.get(0));
      return cue(String.join(" ", lines), null, null, block.firstLine(), labels);
    }
    String timingLine = lines.get(timingIndex);
    int timingLineNumber = block.firstLine() + timingIndex;
    Duration start = null;
    Duration end = null;
    Matcher m = TIMING.matcher(timingLine);
    if (m.matches()) {
      start = time(m.group(1), timingLine, timingLineNumber, builder);
      end = time(m.group(2), timingLine, timingLineNumber, builder);
    } else {
      builder.warn(
          timingLineNumber,
          1,
          "expected \"start --> end\" such as \""
              + timeExample
              + "\"; the cue is"
              + " kept without times",
          timingLine);
    }
    return cue(
        String.join(" ", lines.subList(timingIndex + 1, lines.size())),
        start,
        end,
        timingLineNumber + 1,
        labels);
  }

  private static Duration time(
      String text, String line, int lineNumber, TranscriptBuilder builder) {
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      builder.warn(
          lineNumber, line.indexOf(text) + 1, e.getMessage() + "; the time is left out", line);
      return null;
    }
  }

  private static Cue cue(
      String payload, Duration start, Duration end, int line, SpeakerLabel.Vocabulary labels) {
    String speaker = Turn.UNKNOWN_SPEAKER;
    Matcher voice = VOICE.matcher(payload);
    if (voice.find()) {
      speaker = voice.group(1).strip();
    }
    String text = unescape(TAG.matcher(payload).replaceAll("")).strip();
    if (speaker.equals(Turn.UNKNOWN_SPEAKER)) {
      Matcher bracketed = BRACKETED_SPEAKER.matcher(text);
      SpeakerLabel label = labels.find(text);
      if (bracketed.find()) {
        speaker = bracketed.group(1).strip();
        text = text.substring(bracketed.end());
      } else if (label != null && label.time().isEmpty()) {
        speaker = label.speaker();
        text = text.substring(label.textColumn());
      }
    }
    return new Cue(
        speaker.isBlank() ? Turn.UNKNOWN_SPEAKER : speaker, start, end, text.strip(), line);
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u00a0")
        .replace("&lrm;", "\u200e")
        .replace("&rlm;", "\u200f")
        .replace("&amp;", "&");
  }

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
