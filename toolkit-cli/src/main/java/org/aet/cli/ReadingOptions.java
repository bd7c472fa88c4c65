package org.aet.cli;

import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.AetException;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import picocli.CommandLine.Option;

/**
 * How transcripts are read: the corpus manifest and strictness, shared by every command that reads
 * them.
 */
final class ReadingOptions {
  @Option(
      names = {"-m", "--manifest"},
      paramLabel = "FILE",
      description =
          "A corpus manifest (.csv or .json) giving cases, dates, roles and speakers' other names."
              + " Without it, a corpus.csv or corpus.json in a folder named as input is used.")
  Path manifest;

  @Option(names = "--strict", description = "Treat every warning about a transcript as an error.")
  boolean strict;

  Corpus corpus(List<Path> inputs) throws AetException {
    return Corpus.discover(
        inputs, TranscriptReader.registry(), new Corpus.Options(manifest, strict));
  }
}
