package org.aet.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.coding.RuleCoder;
import org.aet.ingest.Corpus;
import org.aet.ingest.PlainTextReader;
import org.aet.ingest.SourceText;
import org.aet.ingest.TranscriptReader;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.model.Transcript;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.project.ProjectStore;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.aet.testing.Shared;

/**
 * A real project for the workspace's tests: the sample corpus corpora/partnerships and one hostile
 * transcript, coded with four-tensions by the rule coder.
 */
final class WorkspaceFixture {
  static final String HOSTILE_ID = "hostile";
  static final String HOSTILE =
      "Ann: It was a tick box exercise <script>alert('x')</script> at first.\n"
          + "Tom: And \"the money\" & <img src=x onerror=alert(1)>?\n";

  private WorkspaceFixture() {}

  static Path create(Path dir) throws Exception {
    Path file = dir.resolve("study.aet");
    List<Transcript> transcripts =
        new ArrayList<>(
            ReadCorpus.read(
                    Corpus.discover(
                        List.of(Shared.repositoryRoot().resolve("corpora/partnerships")),
                        TranscriptReader.registry()),
                    ProgressListener.SILENT)
                .transcripts());
    transcripts.add(
        new PlainTextReader()
            .read(new SourceText(Path.of("hostile.txt"), HOSTILE_ID, "", HOSTILE, "UTF-8"))
            .transcript());
    Codebook book = Codebooks.load("four-tensions");
    RuleCoder coder = new RuleCoder(book);
    List<Segment> segments = new ArrayList<>();
    List<Coding> codings = new ArrayList<>();
    try (ProjectStore store = ProjectStore.create(file)) {
      for (Transcript t : transcripts) {
        store.addTranscript(t, "hash-" + t.id());
        List<Segment> own =
            new Segmenter(SegmentUnit.TURN)
                .segment(t, CoreNlpAnnotator.shared().annotate(t.text()));
        segments.addAll(own);
        own.forEach(s -> codings.addAll(coder.code(s)));
      }
      store.addCodebook(book);
      store.addRun("run-1", segments, SegmentUnit.TURN, codings, book);
    }
    return file;
  }
}
