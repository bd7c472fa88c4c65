package org.aet.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The unit that gets coded: a whole turn or one sentence of it.
 *
 * @param id stable identifier derived from the transcript id and the span, never random, so
 *     decisions made about a segment stay attached to it when the corpus is coded again
 * @param transcriptId the transcript it comes from
 * @param turnIndex the turn it lies in
 * @param speaker who said it
 * @param role the speaker's role in the study, or "" when not given
 * @param start when its turn starts in the recording, or null when unknown
 * @param span where it stands in the transcript text
 * @param text what was said
 * @param tokens its tokens, with spans into the transcript text
 * @param indicators its linguistic indicators, computed from the tokens
 * @param windows its sentence windows with their embeddings, when the semantic layer ran; else
 *     empty
 */
public record Segment(
    String id,
    String transcriptId,
    int turnIndex,
    String speaker,
    String role,
    Duration start,
    Span span,
    String text,
    List<Token> tokens,
    Indicators indicators,
    List<SentenceWindow> windows) {

  public Segment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(transcriptId, "transcriptId");
    Objects.requireNonNull(speaker, "speaker");
    role = Objects.requireNonNullElse(role, "");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(indicators, "indicators");
    windows = List.copyOf(windows);
  }

  /** A segment whose indicators are computed from {@code tokens}, on the thread that makes it. */
  public Segment(
      String id,
      String transcriptId,
      int turnIndex,
      String speaker,
      String role,
      Duration start,
      Span span,
      String text,
      List<Token> tokens) {
    this(
        id,
        transcriptId,
        turnIndex,
        speaker,
        role,
        start,
        span,
        text,
        tokens,
        Indicators.of(tokens),
        List.of());
  }

  /** This segment with the sentence windows the semantic layer embedded. */
  public Segment withWindows(List<SentenceWindow> embedded) {
    return new Segment(
        id,
        transcriptId,
        turnIndex,
        speaker,
        role,
        start,
        span,
        text,
        tokens,
        indicators,
        embedded);
  }

  /** This segment with its text shown as {@code shown} (offsets still count in the stored text). */
  public Segment withText(String shown) {
    return new Segment(
        id,
        transcriptId,
        turnIndex,
        speaker,
        role,
        start,
        span,
        shown,
        tokens,
        indicators,
        windows);
  }

  /**
   * The id of the segment of {@code transcriptId} at {@code span}: readable, and the same on every
   * run.
   */
  public static String idFor(String transcriptId, Span span) {
    return transcriptId + "@" + span.begin() + "-" + span.end();
  }
}
