package org.aet.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.InputException;
import org.aet.ingest.PlainTextReader;
import org.aet.ingest.SourceText;
import org.aet.model.Segment;
import org.aet.model.TextAnnotation;
import org.aet.model.Transcript;
import org.aet.nlp.CoreNlpAnnotator;
import org.junit.jupiter.api.Test;

class SegmenterTest {
  private static final String SOURCE =
      "---\nrole: Ann = senior leader\n---\n"
          + "[00:00:05] Ann: We paid people. It took months.\nTom: Why?\nAnn: The finance system.\n";

  private static Transcript transcript() throws InputException {
    return new PlainTextReader()
        .read(new SourceText(Path.of("x.txt"), "x", "Case A", SOURCE, "UTF-8"))
        .transcript();
  }

  @Test
  void turnSegmentsCoverEachTurnWithStableIds() throws InputException {
    Transcript transcript = transcript();
    TextAnnotation annotation = CoreNlpAnnotator.shared().annotate(transcript.text());
    List<Segment> segments = new Segmenter(SegmentUnit.TURN).segment(transcript, annotation);
    assertEquals(
        List.of("x@0-31", "x@33-37", "x@39-58"), segments.stream().map(Segment::id).toList());
    assertEquals(
        List.of("We paid people. It took months.", "Why?", "The finance system."),
        segments.stream().map(Segment::text).toList());
    assertEquals("senior leader", segments.get(0).role());
    assertEquals(java.time.Duration.ofSeconds(5), segments.get(0).start());
    assertEquals(
        List.of("We", "paid", "people", ".", "It", "took", "months", "."),
        segments.get(0).tokens().stream().map(t -> t.word()).toList());
    assertEquals(
        segments,
        new Segmenter(SegmentUnit.TURN)
            .segment(transcript(), CoreNlpAnnotator.shared().annotate(transcript.text())),
        "the same on every run");
  }

  @Test
  void sentenceSegmentsNeverCrossTurns() throws InputException {
    Transcript transcript = transcript();
    TextAnnotation annotation = CoreNlpAnnotator.shared().annotate(transcript.text());
    List<Segment> segments = new Segmenter(SegmentUnit.SENTENCE).segment(transcript, annotation);
    assertEquals(
        List.of("We paid people.", "It took months.", "Why?", "The finance system."),
        segments.stream().map(Segment::text).toList());
    assertEquals(List.of(0, 0, 1, 2), segments.stream().map(Segment::turnIndex).toList());
    for (Segment s : segments) {
      assertEquals(s.text(), s.span().of(transcript.text()));
      assertEquals(Segment.idFor("x", s.span()), s.id());
    }
  }
}
