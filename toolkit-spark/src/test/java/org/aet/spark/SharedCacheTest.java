package org.aet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.aet.model.TextAnnotation;
import org.aet.nlp.CachingAnnotator;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.CachingEmbedder;
import org.aet.semantic.SentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/scale.md claims of a cache folder on shared storage: executors that write the same
 * entries at the same moment (each with a cache of its own over the one folder, as executors on
 * different machines have) all get the annotations and vectors they would get without a cache, the
 * folder ends with one whole entry per text and no temporary file, and a later run reads them all.
 */
class SharedCacheTest {
  private static final int EXECUTORS = 4;
  private static final List<String> TEXTS =
      List.of(
          "We were asked to sign off a plan that the council had already written.",
          "The residents' panel met every month, and the minutes went to the board.",
          "Honestly, nobody listened to us until the funding depended on it.");

  @TempDir Path cache;

  @Test
  void executorsAnnotatingTheSameTextsAtOnceShareOneFolderSafely() throws Exception {
    CoreNlpAnnotator nlp = CoreNlpAnnotator.shared(new CoreNlpAnnotator.Options(false, false));
    List<TextAnnotation> expected = TEXTS.stream().map(nlp::annotate).toList();
    List<List<TextAnnotation>> results =
        atOnce(
            () -> {
              CachingAnnotator own = new CachingAnnotator(nlp, cache);
              return TEXTS.stream().map(own::annotate).toList();
            });
    results.forEach(result -> assertEquals(expected, result));
    assertEquals(TEXTS.size(), wholeEntries(cache, ".ann"));
    CachingAnnotator later = new CachingAnnotator(nlp, cache);
    assertEquals(expected, TEXTS.stream().map(later::annotate).toList());
    assertEquals(TEXTS.size(), later.hits());
    assertEquals(0, later.misses());
  }

  @Test
  void executorsEmbeddingTheSameTextsAtOnceShareOneFolderSafely() throws Exception {
    SentenceEmbedder model = new BgeSmallEmbedder();
    List<float[]> expected = model.embed(TEXTS);
    List<List<float[]>> results = atOnce(() -> new CachingEmbedder(model, cache).embed(TEXTS));
    for (List<float[]> result : results) {
      assertSameVectors(expected, result);
    }
    assertEquals(1, wholeEntries(cache, ".emb"));
    CachingEmbedder later = new CachingEmbedder(model, cache);
    assertSameVectors(expected, later.embed(TEXTS));
    assertEquals(1, later.hits());
    assertEquals(0, later.misses());
  }

  /** Runs {@code work} on {@link #EXECUTORS} threads released at the same moment. */
  private static <T> List<T> atOnce(Callable<T> work) throws Exception {
    CyclicBarrier start = new CyclicBarrier(EXECUTORS);
    ExecutorService pool = Executors.newFixedThreadPool(EXECUTORS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < EXECUTORS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** How many entries with {@code suffix} the folder holds, checking nothing else is left there. */
  private static long wholeEntries(Path folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> files = paths.filter(Files::isRegularFile).toList();
      files.forEach(f -> assertFalse(!f.toString().endsWith(suffix), "left behind: " + f));
      return files.size();
    }
  }

  private static void assertSameVectors(List<float[]> expected, List<float[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i));
    }
  }
}
