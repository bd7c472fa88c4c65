package org.aet.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a speaker label at the start of a line: {@code Jane:}, {@code I:}, {@code P1:},
 * {@code Interviewer:}, {@code Dr Jane Smith (Chair):}, {@code JANE SMITH:}, optionally after a time such as
 * {@code [00:01:23]}, {@code 00:01:23} or {@code (1:23)}.
 *
 * <p>To tell a label from a sentence that happens to contain a colon ("So the question was: ..."), a label has
 * at most six words, each capitalised, a number, or a small joining word (of, the, van, de, ...).
 *
 * @param speaker the speaker's name, without the bracketed part
 * @param role the bracketed part, such as "Chair", or ""
 * @param time the time written before the label, or "" when there is none
 * @param textColumn the index in the line where the spoken text starts
 */
public record SpeakerLabel(String speaker, String role, String time, int textColumn) {
  private static final String TIME = "(?:\\[(" + Timestamps.REGEX + ")\\]|\\((" + Timestamps.REGEX + ")\\)|("
      + Timestamps.REGEX + "))";
  private static final Pattern LABELLED_LINE =
      Pattern.compile(
          "^\\s*(?:" + TIME + "\\s+)?(\\p{L}[\\p{L}\\p{N}.'\u2019\\- ]{0,60}?)\\s*(?:\\(([^()]{1,60})\\))?\\s*:(?:\\s+|$)");
  private static final Pattern TIMED_LINE = Pattern.compile("^\\s*" + TIME + "(?:\\s+|$)");
  private static final Set<String> JOINING_WORDS =
      Set.of("of", "the", "and", "for", "van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le",
          "bin", "al", "el", "y");
  private static final int MAX_WORDS = 6;

  /** The label at the start of {@code line}, or null when the line does not start with one. */
  public static SpeakerLabel find(String line) {
    Matcher m = LABELLED_LINE.matcher(line);
    if (!m.find()) {
      return null;
    }
    String name = m.group(4).strip().replaceAll("\\s+", " ");
    if (!looksLikeName(name)) {
      return null;
    }
    String role = m.group(5) == null ? "" : m.group(5).strip();
    return new SpeakerLabel(name, role, firstNonNull(m.group(1), m.group(2), m.group(3)), m.end());
  }

  /** The time at the start of a line that has no label ({@code "[00:01:23] text"}), or null. */
  public static SpeakerLabel findTimeOnly(String line) {
    Matcher m = TIMED_LINE.matcher(line);
    if (!m.find()) {
      return null;
    }
    return new SpeakerLabel("", "", firstNonNull(m.group(1), m.group(2), m.group(3)), m.end());
  }

  private static boolean looksLikeName(String name) {
    String[] words = name.split(" ");
    if (words.length > MAX_WORDS || !Character.isUpperCase(name.codePointAt(0))) {
      return false;
    }
    for (String word : words) {
      boolean capitalised = Character.isUpperCase(word.codePointAt(0)) || Character.isDigit(word.codePointAt(0));
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
}
