package org.aet.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transcription markup: what a transcriber or a meeting corpus writes for what was not said in
 * words, such as {@code {vocalsound}}, {@code {disfmarker}}, {@code [inaudible 00:12:03]}, {@code
 * [crosstalk]} or {@code (laughs)}. It stays in the stored text, as written, but the language
 * models and the sentence embedder do not see it, and exports can show it dimmed or leave it out.
 *
 * <p>Anything in curly braces is markup (no one writes speech that way). Square brackets and round
 * brackets are markup only when they start with a word for a sound or a gap ("inaudible", "laughs",
 * "pause", ...), since "[the partnership]" or "(in 2019)" are words a person said or an editor
 * added.
 */
public final class Markup {
  private static final String NON_SPEECH =
      "inaudible|unintelligible|indiscernible|unclear|crosstalk|cross-talk|overlapping|overtalk"
          + "|laughs?|laughing|laughter|chuckles?|giggles?|coughs?|coughing|sighs?|sneezes?"
          + "|clears throat|pause|long pause|silence|music|noise|background noise|applause"
          + "|phone rings|break|recording stops|recording starts|audio cuts out|technical difficulties"
          + "|redacted|vocalsound|disfmarker|gap|sound|nonvocalsound";
  private static final Pattern MARKUP =
      Pattern.compile(
          "\\{[^{}\\n]{1,40}\\}"
              + "|\\[(?:"
              + NON_SPEECH
              + ")\\b[^\\[\\]\\n]{0,40}\\]"
              + "|\\((?:"
              + NON_SPEECH
              + ")\\b[^()\\n]{0,40}\\)",
          Pattern.CASE_INSENSITIVE);

  private Markup() {}

  /** Where markup is in {@code text}, in order. */
  public static List<Span> find(String text) {
    List<Span> spans = new ArrayList<>();
    Matcher m = MARKUP.matcher(text);
    while (m.find()) {
      spans.add(new Span(m.start(), m.end()));
    }
    return spans;
  }

  /**
   * {@code text} with every markup character replaced by a space: what the language models read.
   * The length is unchanged, so every offset into it is an offset into {@code text}.
   */
  public static String mask(String text) {
    List<Span> spans = find(text);
    if (spans.isEmpty()) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (Span span : spans) {
      java.util.Arrays.fill(chars, span.begin(), span.end(), ' ');
    }
    return new String(chars);
  }

  /** {@code text} without its markup, the spaces around it tidied: what a reader wants to see. */
  public static String drop(String text) {
    List<Span> spans = find(text);
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder kept = new StringBuilder();
    int from = 0;
    for (Span span : spans) {
      kept.append(text, from, span.begin());
      from = span.end();
    }
    kept.append(text, from, text.length());
    return kept.toString()
        .replaceAll("[ \\t]{2,}", " ")
        .replaceAll(" +([,.;:!?])", "$1")
        .replaceAll("(?m)^ +| +$", "")
        .strip();
  }
}
