package org.aet.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.coding.RuleCoder;
import org.aet.diagnostics.AetException;
import org.aet.ingest.PlainTextReader;
import org.aet.ingest.SourceText;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.model.Transcript;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;

/** A plain-text transcript written in a test, read, cut into turns and coded by the rules alone. */
public final class RuleCoded {
  private RuleCoded() {}

  /**
   * {@code text} as the transcript {@code n.txt} (id "n"), each turn coded by {@code codebook}'s
   * rules.
   */
  public static CodedTranscript transcript(String text, Codebook codebook) throws AetException {
    Transcript transcript =
        new PlainTextReader()
            .read(new SourceText(Path.of("n.txt"), "n", "", text, "UTF-8"))
            .transcript();
    List<Segment> segments =
        new Segmenter(SegmentUnit.TURN)
            .segment(transcript, CoreNlpAnnotator.shared().annotate(transcript.text()));
    RuleCoder coder = new RuleCoder(codebook);
    List<Coding> codings = new ArrayList<>();
    segments.forEach(s -> codings.addAll(coder.code(s)));
    return new CodedTranscript(transcript, segments, codings);
  }
}
