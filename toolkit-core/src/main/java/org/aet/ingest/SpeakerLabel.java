package org.aet.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A speaker label at the start of a line: {@code Jane:}, {@code I:}, {@code P1:}, {@code
 * Interviewer:}, {@code Dr Jane Smith (Chair):}, {@code JANE SMITH:}, optionally after a time such
 * as {@code [00:01:23]}, {@code 00:01:23} or {@code (1:23)}.
 *
 * @param speaker the label as written (with any bracketed part), spaces tidied
 * @param time the time written before the label, or "" when there is none
 * @param textColumn the index in the line where the spoken text starts
 */
public record SpeakerLabel(String speaker, String time, int textColumn) {
  private static final String TIME =
      "(?:\\[("
          + Timestamps.REGEX
          + ")\\]|\\(("
          + Timestamps.REGEX
          + ")\\)|("
          + Timestamps.REGEX
          + "))";
  private static final Pattern LABELLED_LINE =
      Pattern.compile(
          "^\\s*(?:"
              + TIME
              + "\\s+)?"
              + "(\\p{L}[\\p{L}\\p{N}.'\u2019\\- \u00a0]{0,60}?\\s*(?:\\([^()]{1,60}\\))?)\\s*:(?:\\s+|$)",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern TIMED_LINE = Pattern.compile("^\\s*" + TIME + "(?:\\s+|$)");

  /**
   * A heading line as Otter and transcription services write it: a name, then a time, and nothing
   * else.
   */
  private static final Pattern HEADING =
      Pattern.compile(
          "^\\s*(\\p{L}[\\p{L}\\p{N}.'\u2019\\- \u00a0]{0,60}?)\\s+" + TIME + "\\s*$",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final Set<String> JOINING_WORDS =
      Set.of(
          "of", "the", "and", "for", "van", "von", "de", "der", "den", "da", "di", "du", "del",
          "la", "le", "bin", "al", "el", "y");
  private static final int MAX_WORDS = 6;

  /** The time at the start of a line that has no label ({@code "[00:01:23] text"}), or null. */
  public static SpeakerLabel findTimeOnly(String line) {
    Matcher m = TIMED_LINE.matcher(line);
    return m.find()
        ? new SpeakerLabel("", firstNonNull(m.group(1), m.group(2), m.group(3)), m.end())
        : null;
  }

  /**
   * A heading line ("Helen Ward 0:03"): the speaker of the lines that follow, with their time; or
   * null.
   */
  private static SpeakerLabel heading(String line) {
    Matcher m = HEADING.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1).replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
    return new SpeakerLabel(name, firstNonNull(m.group(2), m.group(3), m.group(4)), line.length());
  }

  /** Any label-shaped prefix of {@code line}, however it is written, or null. */
  private static SpeakerLabel candidate(String line) {
    Matcher m = LABELLED_LINE.matcher(line);
    if (!m.find()) {
      return null;
    }
    String name = m.group(4).replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
    if (name.split(" ").length > MAX_WORDS + 1) {
      return null;
    }
    return new SpeakerLabel(name, firstNonNull(m.group(1), m.group(2), m.group(3)), m.end());
  }

  /**
   * True for labels that read as names or roles: at most six words before any bracket, each
   * capitalised, a number, or a small joining word (of, the, van, de, ...). "So the question was"
   * is not one.
   */
  static boolean looksLikeName(String label) {
    String name = label.replaceAll("\\s*\\(.*\\)$", "");
    String[] words = name.split(" ");
    if (name.isEmpty() || words.length > MAX_WORDS || !Character.isUpperCase(name.codePointAt(0))) {
      return false;
    }
    for (String word : words) {
      boolean capitalised =
          Character.isUpperCase(word.codePointAt(0)) || Character.isDigit(word.codePointAt(0));
      if (!capitalised && !JOINING_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return "";
  }

  /**
   * The labels of one file. A label is accepted when it reads as a name ({@link #looksLikeName}) or
   * when the same label starts at least two lines of the file: that takes in lower-case screen
   * names such as "stokes" (common in Zoom) while a sentence that happens to contain a colon is
   * very unlikely to repeat exactly.
   */
  public static final class Vocabulary {
    private final Map<String, Integer> counts = new HashMap<>();

    /** Learns from every line that may start a turn. */
    public static Vocabulary of(Iterable<String> lines) {
      Vocabulary vocabulary = new Vocabulary();
      for (String line : lines) {
        SpeakerLabel label = candidate(line);
        if (label == null) {
          label = heading(line);
        }
        if (label != null) {
          vocabulary.counts.merge(label.speaker(), 1, Integer::sum);
        }
      }
      return vocabulary;
    }

    /**
     * The accepted label at the start of {@code line}, or null. A heading line ("Helen Ward 0:03",
     * the speaker on a line of their own with the time, the text below) counts as a label with no
     * text after it.
     */
    public SpeakerLabel find(String line) {
      SpeakerLabel label = candidate(line);
      if (label == null) {
        label = heading(line);
      }
      if (label == null) {
        return null;
      }
      boolean accepted =
          looksLikeName(label.speaker()) || counts.getOrDefault(label.speaker(), 0) >= 2;
      return accepted ? label : null;
    }
  }
}
