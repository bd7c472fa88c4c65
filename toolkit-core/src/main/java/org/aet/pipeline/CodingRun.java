package org.aet.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.coding.Coder;
import org.aet.diagnostics.AetException;
import org.aet.export.ExportSession;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.model.TextAnnotation;
import org.aet.model.Transcript;
import org.aet.nlp.Annotator;
import org.aet.nlp.Piecewise;
import org.aet.segment.Segmenter;
import org.aet.semantic.WindowEmbedding;

/**
 * The coding pipeline: annotate, segment and code the transcripts of a {@link ReadCorpus} several
 * at a time and hand each to the export in corpus order as soon as it is done. Only a few annotated
 * transcripts are in memory at once. Progress is counted in words, inside long files too: a
 * transcript's annotation and its embedding each count for a share of its words as they go.
 */
public final class CodingRun {
  /** How often progress inside a long file is reported. */
  private static final long PROGRESS_INTERVAL_MILLIS = 500;

  private final Annotator annotator;
  private final Segmenter segmenter;
  private final Coder coder;
  private final Codebook codebook;
  private final int threads;
  private final WindowEmbedding embedding;

  /**
   * @param threads how many transcripts to annotate at once (CoreNLP scales to about the number of
   *     cores)
   */
  public CodingRun(
      Annotator annotator, Segmenter segmenter, Coder coder, Codebook codebook, int threads) {
    this(annotator, segmenter, null, coder, codebook, threads);
  }

  /**
   * @param embedding the semantic layer's stage, which embeds every segment's sentence windows
   *     before coding, or null to code without it
   */
  public CodingRun(
      Annotator annotator,
      Segmenter segmenter,
      WindowEmbedding embedding,
      Coder coder,
      Codebook codebook,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.annotator = annotator;
    this.segmenter = segmenter;
    this.coder = coder;
    this.codebook = codebook;
    this.threads = threads;
    this.embedding = embedding;
  }

  /**
   * Codes the transcripts of {@code corpus} into {@code out}. Does not finish {@code out}: the
   * caller does, once this returns.
   *
   * @throws AetException when the output cannot be written
   */
  public RunSummary run(ReadCorpus corpus, ExportSession out, ProgressListener progress)
      throws AetException {
    long started = System.nanoTime();
    List<Transcript> transcripts = corpus.transcripts();
    long totalWords = corpus.words();
    Map<String, Long> byCode = new LinkedHashMap<>();
    codebook.codes().forEach(c -> byCode.put(codebook.path(c.id()), 0L));
    long words = 0;
    long segments = 0;
    long codings = 0;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "aet-annotate");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Deque<Future<CodedTranscript>> inFlight = new ArrayDeque<>();
      DoubleAdder partWords = new DoubleAdder();
      long shown = 0;
      int submitted = 0;
      progress.progress("coding", 0, totalWords);
      while (submitted < transcripts.size() || !inFlight.isEmpty()) {
        while (submitted < transcripts.size() && inFlight.size() < threads * 2) {
          Transcript transcript = transcripts.get(submitted++);
          inFlight.add(pool.submit(() -> code(transcript, partWords::add)));
        }
        Future<CodedTranscript> next = inFlight.removeFirst();
        while (!next.isDone()) {
          long sofar = wordsDone(words, partWords, totalWords);
          if (sofar > shown) {
            progress.progress("coding", sofar, totalWords);
            shown = sofar;
          }
          waitFor(next);
        }
        CodedTranscript coded = await(next);
        out.write(coded);
        partWords.add(-coded.transcript().wordCount());
        words += coded.transcript().wordCount();
        segments += coded.segments().size();
        codings += coded.codings().size();
        for (Coding coding : coded.codings()) {
          byCode.merge(codebook.path(coding.codeId()), 1L, Long::sum);
        }
        long sofar = wordsDone(words, partWords, totalWords);
        if (sofar > shown || shown == 0) {
          progress.progress("coding", sofar, totalWords);
          shown = sofar;
        }
      }
    } catch (IOException e) {
      throw new AetException("cannot write the output: " + e.getMessage(), e);
    } catch (org.aet.coding.RuleFailure e) {
      throw new AetException(codebook.name() + ": " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    return new RunSummary(
        transcripts.size(),
        words,
        segments,
        codings,
        corpus.warnings().size(),
        byCode,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Annotates, segments and codes one transcript on the calling thread: for front ends that
   * distribute the transcripts themselves (the Spark runner), with the very coders of a run.
   *
   * @throws org.aet.coding.RuleFailure when a codebook pattern fails on a segment
   */
  public CodedTranscript code(Transcript transcript) {
    return code(transcript, words -> {});
  }

  /**
   * Annotates, segments and codes one transcript on a pool thread, telling {@code wordsDone} the
   * words done as the annotation and the embedding go (they add up to the transcript's word count).
   */
  private CodedTranscript code(Transcript transcript, DoubleConsumer wordsDone) {
    String text = transcript.text();
    double wordsPerCharacter =
        transcript.wordCount() / (double) Math.max(1, text.length()) / (embedding == null ? 1 : 2);
    IntConsumer charactersDone = characters -> wordsDone.accept(characters * wordsPerCharacter);
    TextAnnotation annotation = Piecewise.annotate(annotator, text, charactersDone);
    List<Segment> segments = segmenter.segment(transcript, annotation);
    if (embedding != null) {
      segments = embedding.embed(segments, annotation, text, charactersDone);
    }
    List<Coding> codings = new ArrayList<>();
    for (Segment segment : segments) {
      codings.addAll(coder.code(segment));
    }
    return new CodedTranscript(transcript, segments, codings);
  }

  /**
   * The words done: those of the finished transcripts and the parts of those in flight, never more
   * than the total (the parts are fractions, rounded).
   */
  private static long wordsDone(long finished, DoubleAdder inFlight, long total) {
    return Math.min(total, finished + Math.max(0, (long) inFlight.sum()));
  }

  /** Waits a little for {@code future}, so progress inside a long file is shown while it runs. */
  private static void waitFor(Future<?> future) {
    try {
      future.get(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException stillRunningOrFailed) {
      // Either way the caller looks again; await reports a failure.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while coding", e);
    }
  }

  private static CodedTranscript await(Future<CodedTranscript> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while coding", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** The codebook's codes that no segment got, by path: worth a look before trusting the coding. */
  public static List<String> unusedCodes(Codebook codebook, RunSummary summary) {
    List<String> unused = new ArrayList<>();
    for (Code code : codebook.codes()) {
      String path = codebook.path(code.id());
      if (summary.codingsByCode().getOrDefault(path, 0L) == 0 && !code.rules().isEmpty()) {
        unused.add(path);
      }
    }
    return unused;
  }
}
