package org.aet.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.InputException;
import org.aet.ingest.Corpus;
import org.aet.ingest.ReadResult;
import org.aet.ingest.SourceText;
import org.aet.ingest.TranscriptBuilder;
import org.aet.ingest.TranscriptReader;
import org.aet.io.Registry;
import org.aet.model.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transcript reader written outside {@code org.aet.ingest}, as one shipped in another jar would
 * be: it builds with the public {@link TranscriptBuilder} and is found through a {@link Registry}.
 */
class ReaderFromAnotherPackageTest {
  /** Meeting minutes: "NAME said: words" per line. */
  static final class MinutesReader implements TranscriptReader {
    @Override
    public String format() {
      return "minutes";
    }

    @Override
    public List<String> extensions() {
      return List.of("minutes");
    }

    @Override
    public ReadResult read(SourceText source) throws InputException {
      TranscriptBuilder builder = new TranscriptBuilder(source, format());
      List<String> lines = source.text().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        int said = lines.get(i).indexOf(" said: ");
        if (said < 0) {
          builder.warn(i + 1, 1, "expected NAME said: words", lines.get(i));
          continue;
        }
        builder.turn(
            lines.get(i).substring(0, said), null, null, lines.get(i).substring(said + 7), i + 1);
      }
      return builder.build();
    }
  }

  @Test
  void aReaderOutsideTheIngestPackageReadsThroughTheCorpus(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("board.minutes");
    Files.writeString(file, "Ann said: We pay everyone.\nnoise\nBob said: Not yet.\n");
    Registry<TranscriptReader> readers =
        Registry.of("transcript reader", List.<TranscriptReader>of(new MinutesReader()));
    Corpus corpus = Corpus.discover(List.of(dir), readers);
    ReadResult result = corpus.read(corpus.entries().get(0));
    Transcript transcript = result.transcript();
    assertEquals(2, transcript.turns().size());
    assertEquals("Ann", transcript.turns().get(0).speaker());
    assertEquals(
        "Not yet.",
        transcript
            .text()
            .substring(
                transcript.turns().get(1).span().begin(), transcript.turns().get(1).span().end()));
    assertEquals(1, result.warnings().size());
    assertEquals(2, result.warnings().get(0).line());
  }
}
