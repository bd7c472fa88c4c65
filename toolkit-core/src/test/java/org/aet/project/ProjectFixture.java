package org.aet.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.coding.RuleCoder;
import org.aet.ingest.PlainTextReader;
import org.aet.ingest.SourceText;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.model.Transcript;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;

/** A small real project: one transcript, coded with four-tensions by the rule coder. */
final class ProjectFixture {
  static final String TEXT =
      "---\ncase: Northbrook\nrole: Ann = senior leader\n---\n"
          + "Ann: It was a tick box exercise at first.\n"
          + "Tom: And the money?\n"
          + "Ann: We paid contributors for their time, in the end.\n"
          + "Tom: The papers?\n"
          + "Ann: Full of jargon and acronyms.\n";

  private ProjectFixture() {}

  static ProjectStore create(Path file) throws Exception {
    ProjectStore store = ProjectStore.create(file);
    Transcript transcript =
        new PlainTextReader()
            .read(new SourceText(Path.of("t.txt"), "t", "", TEXT, "UTF-8"))
            .transcript();
    store.addTranscript(transcript, "hash-1");
    Codebook book = Codebooks.load("four-tensions");
    List<Segment> segments =
        new Segmenter(SegmentUnit.TURN)
            .segment(transcript, CoreNlpAnnotator.shared().annotate(transcript.text()));
    List<Coding> codings = new ArrayList<>();
    RuleCoder coder = new RuleCoder(book);
    segments.forEach(s -> codings.addAll(coder.code(s)));
    store.addCodebook(book);
    store.addRun("run-1", segments, SegmentUnit.TURN, codings, book);
    return store;
  }
}
