package org.aet.segment;

import java.util.ArrayList;
import java.util.List;
import org.aet.model.Segment;
import org.aet.model.Sentence;
import org.aet.model.Span;
import org.aet.model.TextAnnotation;
import org.aet.model.Token;
import org.aet.model.Transcript;
import org.aet.model.Turn;

/**
 * Cuts an annotated transcript into segments. Segment ids come from the transcript id and the span
 * ({@link Segment#idFor}), so the same text always gives the same ids.
 */
public final class Segmenter {
  private final SegmentUnit unit;

  public Segmenter(SegmentUnit unit) {
    this.unit = unit;
  }

  public List<Segment> segment(Transcript transcript, TextAnnotation annotation) {
    List<Segment> segments = new ArrayList<>();
    List<Token> tokens = annotation.tokens();
    int tokenIndex = 0;
    int sentenceIndex = 0;
    for (Turn turn : transcript.turns()) {
      Span turnSpan = turn.span();
      if (unit == SegmentUnit.TURN) {
        int first = tokenIndex;
        while (tokenIndex < tokens.size()
            && tokens.get(tokenIndex).span().end() <= turnSpan.end()) {
          tokenIndex++;
        }
        segments.add(segment(transcript, turn, turnSpan, tokens.subList(first, tokenIndex)));
        continue;
      }
      List<Sentence> sentences = annotation.sentences();
      while (sentenceIndex < sentences.size()
          && sentences.get(sentenceIndex).span().end() <= turnSpan.end()) {
        Sentence sentence = sentences.get(sentenceIndex++);
        Span span = clip(sentence.span(), turnSpan);
        segments.add(
            segment(
                transcript,
                turn,
                span,
                tokens.subList(sentence.firstToken(), sentence.endToken())));
      }
    }
    return segments;
  }

  private static Span clip(Span span, Span within) {
    return new Span(Math.max(span.begin(), within.begin()), Math.min(span.end(), within.end()));
  }

  private static Segment segment(Transcript transcript, Turn turn, Span span, List<Token> tokens) {
    return new Segment(
        Segment.idFor(transcript.id(), span),
        transcript.id(),
        turn.index(),
        turn.speaker(),
        transcript.roleOf(turn.speaker()),
        turn.start(),
        span,
        span.of(transcript.text()),
        tokens);
  }
}
