package org.aet.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.aet.model.TextAnnotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingAnnotatorTest {
  private static final String TEXT =
      "The Leaders didn't pay us. It was tokenistic — really!\n\nTom: Why? “Co-production” 🙂";

  /** Counts the texts that reached CoreNLP. */
  private static final class Counting implements Annotator {
    final AtomicInteger calls = new AtomicInteger();
    private final String description;

    Counting() {
      this(CoreNlpAnnotator.DESCRIPTION);
    }

    /** An annotator whose output is identified by {@code description}, as other settings are. */
    Counting(String description) {
      this.description = description;
    }

    @Override
    public TextAnnotation annotate(String text) {
      calls.incrementAndGet();
      return CoreNlpAnnotator.shared().annotate(text);
    }

    @Override
    public String description() {
      return description;
    }
  }

  @Test
  void aCachedAnnotationIsIdenticalAndSkipsNlp(@TempDir Path dir) {
    Counting counting = new Counting();
    TextAnnotation fresh = new CachingAnnotator(counting, dir).annotate(TEXT);
    CachingAnnotator second = new CachingAnnotator(counting, dir);
    TextAnnotation cached = second.annotate(TEXT);
    assertEquals(CoreNlpAnnotator.shared().annotate(TEXT), fresh);
    assertEquals(fresh, cached);
    assertEquals(1, counting.calls.get());
    assertEquals(1, second.hits());
    assertEquals(0, second.misses());
  }

  @Test
  void anotherTextOrOtherSettingsMiss(@TempDir Path dir) {
    Counting counting = new Counting();
    CachingAnnotator cache = new CachingAnnotator(counting, dir);
    cache.annotate(TEXT);
    cache.annotate(TEXT + " More.");
    assertEquals(2, counting.calls.get());
    assertEquals(2, cache.misses());
    Counting other = new Counting(new CoreNlpAnnotator.Options(true, false).description());
    CachingAnnotator otherCache = new CachingAnnotator(other, dir);
    otherCache.annotate(TEXT);
    assertEquals(1, other.calls.get(), "the same text under other settings reaches CoreNLP");
    assertEquals(1, otherCache.misses());
    assertEquals(0, otherCache.hits());
  }

  @Test
  void aDamagedEntryIsAnnotatedAgain(@TempDir Path dir) throws Exception {
    Counting counting = new Counting();
    new CachingAnnotator(counting, dir).annotate(TEXT);
    List<Path> entries;
    try (Stream<Path> files = Files.walk(dir)) {
      entries = files.filter(p -> p.toString().endsWith(".ann")).toList();
    }
    assertEquals(1, entries.size());
    Files.write(entries.get(0), new byte[] {1, 2, 3});
    CachingAnnotator again = new CachingAnnotator(counting, dir);
    assertEquals(CoreNlpAnnotator.shared().annotate(TEXT), again.annotate(TEXT));
    assertEquals(2, counting.calls.get());
    assertEquals(
        CoreNlpAnnotator.shared().annotate(TEXT),
        new CachingAnnotator(counting, dir).annotate(TEXT));
    assertEquals(2, counting.calls.get(), "repaired");
  }

  @Test
  void theCacheKeyNamesTheCoreNlpVersionOfTheBuild() {
    String built = System.getProperty("aet.corenlp.version");
    org.junit.jupiter.api.Assumptions.assumeTrue(built != null, "run by Maven, which passes it");
    assertEquals(built, CoreNlpAnnotator.VERSION, "the version on the class path is the pom's");
    assertEquals(true, CoreNlpAnnotator.DESCRIPTION.startsWith("corenlp-" + built + "["));
    assertEquals(
        true, new CoreNlpAnnotator.Options(false, true).description().contains("corenlp-" + built));
  }
}
