package org.aet.bench.jmh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.coding.RuleCoder;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.model.Segment;
import org.aet.model.Transcript;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The rule coder over annotated segments: the sample corpus's turns, annotated once by CoreNLP in
 * setup, coded with the four-tensions codebook. Reports the time to code every segment once; divide
 * the corpus's words by it for words per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleCoderBenchmark {
  @Param("corpora/partnerships")
  public String corpus;

  private List<Segment> segments;
  private RuleCoder coder;

  @Setup
  public void annotate() throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    coder = new RuleCoder(book);
    segments = new ArrayList<>();
    Corpus found = Corpus.discover(List.of(Path.of(corpus)), TranscriptReader.registry());
    Segmenter segmenter = new Segmenter(SegmentUnit.TURN);
    for (Corpus.Entry entry : found.entries()) {
      Transcript transcript = found.read(entry).transcript();
      segments.addAll(
          segmenter.segment(transcript, CoreNlpAnnotator.shared().annotate(transcript.text())));
    }
  }

  @Benchmark
  public void codeEverySegment(Blackhole sink) {
    for (Segment segment : segments) {
      sink.consume(coder.code(segment));
    }
  }
}
