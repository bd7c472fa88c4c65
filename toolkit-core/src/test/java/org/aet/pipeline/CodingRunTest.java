package org.aet.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.coding.RuleCoder;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.ExportSession;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.TextAnnotation;
import org.aet.nlp.Annotator;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.aet.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the shipped sample corpus, with real CoreNLP. */
class CodingRunTest {
  /** Collects what the pipeline hands to an export. */
  private static final class Collected implements ExportSession {
    final List<CodedTranscript> transcripts = new ArrayList<>();

    @Override
    public void write(CodedTranscript coded) {
      transcripts.add(coded);
    }

    @Override
    public void finish() {}

    @Override
    public void close() {}
  }

  private static RunSummary run(List<Path> inputs, SegmentUnit unit, Collected out, int threads)
      throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    CodingRun run =
        new CodingRun(
            CoreNlpAnnotator.shared(), new Segmenter(unit), new RuleCoder(book), book, threads);
    ReadCorpus read =
        ReadCorpus.read(
            Corpus.discover(inputs, TranscriptReader.registry()), ProgressListener.SILENT);
    return run.run(read, out, ProgressListener.SILENT);
  }

  @Test
  void theSampleCorpusTouchesEveryCodeInEveryPartnership() throws Exception {
    Path corpus = Shared.repositoryRoot().resolve("corpora/partnerships");
    Collected out = new Collected();
    RunSummary summary = run(List.of(corpus), SegmentUnit.TURN, out, 2);
    Codebook book = Codebooks.load("four-tensions");
    assertEquals(
        List.of("Eastmoor", "Northbrook", "Riverside", "Southvale"),
        out.transcripts.stream().map(t -> t.transcript().caseName()).toList());
    Set<String> found = new TreeSet<>();
    out.transcripts.forEach(t -> t.codings().forEach(c -> found.add(c.codeId())));
    for (Code code : book.codes()) {
      if (!code.rules().isEmpty()) {
        assertTrue(found.contains(code.id()), code.id() + " never found in the sample corpus");
      }
    }
    for (CodedTranscript t : out.transcripts) {
      Set<String> tensions = new TreeSet<>();
      t.codings().forEach(c -> tensions.add(book.root(c.codeId()).id()));
      assertEquals(4, tensions.size(), t.transcript().caseName() + " touches " + tensions);
    }
    assertEquals(
        out.transcripts.stream().mapToLong(t -> t.codings().size()).sum(), summary.codings());
    assertEquals(0, summary.warnings());
    assertTrue(CodingRun.unusedCodes(book, summary).isEmpty());
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
    Path corpus = Shared.repositoryRoot().resolve("corpora/partnerships");
    Collected one = new Collected();
    Collected two = new Collected();
    run(List.of(corpus), SegmentUnit.SENTENCE, one, 1);
    run(List.of(corpus), SegmentUnit.SENTENCE, two, 2);
    assertEquals(one.transcripts, two.transcripts);
    List<Coding> codings = new ArrayList<>();
    one.transcripts.forEach(t -> codings.addAll(t.codings()));
    assertTrue(codings.size() > 50);
  }

  @Test
  void everyBadFileIsReportedBeforeAnyWork(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.vtt"), "not webvtt\n");
    Files.writeString(dir.resolve("b.txt"), "---\ncase: x\n");
    Files.writeString(dir.resolve("c.txt"), "Ann: fine\n");
    Collected out = new Collected();
    InputException e =
        assertThrows(InputException.class, () -> run(List.of(dir), SegmentUnit.TURN, out, 2));
    assertEquals(
        List.of(dir.resolve("a.vtt"), dir.resolve("b.txt")),
        e.diagnostics().stream().map(Diagnostic::file).toList());
    assertTrue(out.transcripts.isEmpty());
  }

  @Test
  void aLongFileShowsProgressBeforeItIsDone(@TempDir Path dir) throws Exception {
    StringBuilder talk = new StringBuilder();
    for (int turn = 0; turn < 300; turn++) {
      talk.append(turn % 2 == 0 ? "Ann: " : "Bo: ")
          .append("We met the partners again in week ")
          .append(turn)
          .append(", and the budget still decided what we could do together.\n\n");
    }
    Files.writeString(dir.resolve("long.txt"), talk);
    Annotator real = CoreNlpAnnotator.shared();
    Annotator slow =
        new Annotator() {
          @Override
          public TextAnnotation annotate(String text) {
            try {
              Thread.sleep(700);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return real.annotate(text);
          }

          @Override
          public String description() {
            return real.description();
          }
        };
    Codebook book = Codebooks.load("four-tensions");
    List<long[]> seen = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void progress(String stage, long done, long total) {
            seen.add(new long[] {done, total});
          }
        };
    ReadCorpus read =
        ReadCorpus.read(
            Corpus.discover(List.of(dir), TranscriptReader.registry()), ProgressListener.SILENT);
    new CodingRun(slow, new Segmenter(SegmentUnit.TURN), new RuleCoder(book), book, 1)
        .run(read, new Collected(), listener);
    long total = read.words();
    assertEquals(total, seen.get(seen.size() - 1)[0]);
    long inside = seen.stream().filter(p -> p[0] > 0 && p[0] < total).count();
    assertTrue(inside >= 2, "progress inside the file: " + inside + " reports");
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i)[0] >= seen.get(i - 1)[0], "progress went back");
    }
  }
}
