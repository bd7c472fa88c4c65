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
  void theSameSeedGivesTheSameCorpusAndAnotherSeedAnother(@TempDir Path dir) throws Exception {
    CorpusGenerator.fromSample(sample(), 7).write(dir.resolve("a"), 3_000);
    CorpusGenerator.fromSample(sample(), 7).write(dir.resolve("b"), 3_000);
    CorpusGenerator.fromSample(sample(), 8).write(dir.resolve("c"), 3_000);
    List<Path> a = files(dir.resolve("a"));
    assertTrue(a.size() >= 1, "something was written");
    assertEquals(a, files(dir.resolve("b")), "the same files");
    StringBuilder first = new StringBuilder();
    StringBuilder other = new StringBuilder();
    for (Path file : a) {
      String text = Files.readString(dir.resolve("a").resolve(file));
      assertTrue(text.length() > 1000, file + " has the words asked for");
      assertEquals(text, Files.readString(dir.resolve("b").resolve(file)));
      first.append(text);
    }
    for (Path file : files(dir.resolve("c"))) {
      other.append(Files.readString(dir.resolve("c").resolve(file)));
    }
    assertTrue(!first.toString().equals(other.toString()), "another seed, another corpus");
  }

  /** The regular files under {@code root}, relative to it, sorted. */
  private static List<Path> files(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
