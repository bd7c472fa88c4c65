package org.aet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.model.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
  private static Path sample() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("corpora/partnerships"))) {
        return dir.resolve("corpora/partnerships");
      }
    }
    throw new IllegalStateException("no sample corpus");
  }

  @Test
  void writesTheRequestedWordsAsReadableTranscripts(@TempDir Path dir) throws Exception {
    long written = CorpusGenerator.fromSample(sample(), 42).write(dir.resolve("a"), 25_000);
    assertTrue(written >= 25_000 && written < 25_500, "wrote " + written);
    Corpus corpus = Corpus.discover(List.of(dir.resolve("a")), TranscriptReader.registry());
    assertEquals(3, corpus.entries().size());
    long words = 0;
    for (Corpus.Entry entry : corpus.entries()) {
      var result = corpus.read(entry);
      assertTrue(result.warnings().isEmpty(), result.warnings().toString());
      Transcript transcript = result.transcript();
      words += transcript.wordCount();
      assertEquals("senior leader", transcript.roleOf("Margaret Osei"));
    }
    assertEquals(written, words, "the generator counts words as aet does");
  }

  @Test
  void theSameSeedGivesTheSameCorpus(@TempDir Path dir) throws Exception {
    CorpusGenerator.fromSample(sample(), 7).write(dir.resolve("a"), 3_000);
    CorpusGenerator.fromSample(sample(), 7).write(dir.resolve("b"), 3_000);
    try (Stream<Path> a = Files.walk(dir.resolve("a"))) {
      for (Path file : a.filter(Files::isRegularFile).toList()) {
        Path twin = dir.resolve("b").resolve(dir.resolve("a").relativize(file));
        assertEquals(Files.readString(file), Files.readString(twin));
      }
    }
  }
}
