package org.aet.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aet.model.Participant;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;

/** Real CoreNLP annotation of small texts, for tests of everything downstream of it. */
public final class Annotated {
  private Annotated() {}

  /** A transcript of one turn by "Speaker" saying {@code text}. */
  public static Transcript transcript(String text) {
    Turn turn = new Turn(0, "Speaker", null, null, text, new Span(0, text.length()), 1);
    return new Transcript(
        "t",
        Path.of("t.txt"),
        "txt",
        "",
        Map.of(),
        List.of(new Participant("Speaker", "")),
        text,
        List.of(turn));
  }

  /** {@code text} as one annotated turn segment. */
  public static Segment segment(String text) {
    Transcript transcript = transcript(text);
    return new Segmenter(SegmentUnit.TURN)
        .segment(transcript, CoreNlpAnnotator.shared().annotate(text))
        .get(0);
  }
}
