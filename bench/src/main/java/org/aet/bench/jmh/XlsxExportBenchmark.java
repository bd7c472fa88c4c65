package org.aet.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.export.ExportContext;
import org.aet.export.ExportSession;
import org.aet.export.XlsxExporter;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.CodingSource;
import org.aet.model.CodingStatus;
import org.aet.model.Evidence;
import org.aet.model.Participant;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.aet.segment.SegmentUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing 100,000 codings to xlsx with the real exporter (POI SXSSF): 100 transcripts of 500 turn
 * segments, two codings each, with realistic text. Run with {@code -jvmArgs -Xmx256m} to see that
 * memory stays flat.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class XlsxExportBenchmark {
  @Param("100000")
  public int codings;

  private List<CodedTranscript> transcripts;
  private Codebook book;
  private Path folder;

  @Setup
  public void build() throws Exception {
    book = Codebooks.load("four-tensions");
    List<Code> leaves = book.codes().stream().filter(c -> !c.isTopLevel()).toList();
    folder = Files.createTempDirectory("aet-xlsx-bench");
    transcripts = new ArrayList<>();
    String sentence =
        "In practice we had to compromise, and the finance system could not pay people on time. ";
    int perTranscript = 1000;
    for (int t = 0; t * perTranscript < codings; t++) {
      StringBuilder text = new StringBuilder();
      List<Turn> turns = new ArrayList<>();
      List<Segment> segments = new ArrayList<>();
      List<Coding> list = new ArrayList<>();
      for (int s = 0; s < perTranscript / 2; s++) {
        if (s > 0) {
          text.append("\n\n");
        }
        int begin = text.length();
        String said = sentence.repeat(1 + s % 3).strip();
        text.append(said);
        Span span = new Span(begin, text.length());
        turns.add(new Turn(s, "Speaker " + (s % 4), null, null, said, span, s + 1));
        String id = Segment.idFor("t" + t, span);
        segments.add(
            new Segment(
                id,
                "t" + t,
                s,
                "Speaker " + (s % 4),
                "senior leader",
                null,
                span,
                said,
                List.of()));
        for (int c = 0; c < 2; c++) {
          Code code = leaves.get((s + c) % leaves.size());
          list.add(
              new Coding(
                  id,
                  code.id(),
                  CodingSource.RULE.label(),
                  0.6,
                  List.of(
                      new Evidence(
                          "in practice", new Span(begin, begin + 11), "phrase \"in practice\"")),
                  CodingStatus.SUGGESTED,
                  book.version()));
        }
      }
      Transcript transcript =
          new Transcript(
              "t" + t,
              Path.of("t" + t + ".txt"),
              "txt",
              "Case " + (t % 5),
              java.util.Map.of(),
              List.of(new Participant("Speaker 0", "senior leader")),
              text.toString(),
              turns);
      transcripts.add(new CodedTranscript(transcript, segments, list));
    }
  }

  @Benchmark
  public long export() throws Exception {
    Path target = folder.resolve("coded.xlsx");
    ExportContext context =
        new ExportContext(book, SegmentUnit.TURN, List.of("bench"), Instant.EPOCH, List.of());
    try (ExportSession session = new XlsxExporter().open(target, context)) {
      for (CodedTranscript transcript : transcripts) {
        session.write(transcript);
      }
      session.finish();
    }
    return Files.size(target);
  }

  @TearDown
  public void clean() throws Exception {
    Files.deleteIfExists(folder.resolve("coded.xlsx"));
    Files.deleteIfExists(folder);
  }
}
