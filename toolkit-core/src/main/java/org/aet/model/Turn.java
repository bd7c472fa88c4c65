package org.aet.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One speaker's uninterrupted contribution to a conversation.
 *
 * @param index position in the transcript, from 0
 * @param speaker the speaker's label as written in the source (never blank; {@value
 *     #UNKNOWN_SPEAKER} when the source does not say who spoke)
 * @param start when the turn starts in the recording, or null when the source gives no time
 * @param end when the turn ends, or null when unknown
 * @param text what was said, exactly as it stands at {@code span} in the transcript text
 * @param span where the text stands in {@link Transcript#text()}
 * @param line the line of the source file where the turn begins, from 1, for messages that point
 *     back to it
 */
public record Turn(
    int index, String speaker, Duration start, Duration end, String text, Span span, int line) {

  /** The speaker given to text that the source does not attribute to anyone. */
  public static final String UNKNOWN_SPEAKER = "unknown";

  public Turn {
    Objects.requireNonNull(speaker, "speaker");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(span, "span");
    if (speaker.isBlank()) {
      throw new IllegalArgumentException("a turn needs a speaker; use " + UNKNOWN_SPEAKER);
    }
    if (span.length() != text.length()) {
      throw new IllegalArgumentException(
          "span " + span + " does not fit text of length " + text.length());
    }
  }

  /** This turn said by {@code name}: for a manifest's names and merged speaker variants. */
  public Turn withSpeaker(String name) {
    return new Turn(index, name, start, end, text, span, line);
  }
}
