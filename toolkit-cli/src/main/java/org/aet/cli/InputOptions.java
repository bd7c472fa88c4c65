package org.aet.cli;

import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.AetException;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReaders;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The transcript inputs and reading options shared by {@code code}, {@code inspect} and {@code ingest}. */
final class InputOptions {
  @Parameters(
      arity = "1..*",
      paramLabel = "TRANSCRIPT",
      description = "Transcript files or folders of them (.txt .vtt .srt .docx .csv .tsv .json .jsonl).")
  List<Path> inputs;

  @Option(
      names = {"-m", "--manifest"},
      paramLabel = "FILE",
      description = "A corpus manifest (.csv or .json) giving cases, dates, roles and speakers' other names."
          + " Without it, a corpus.csv or corpus.json in a folder named as input is used.")
  Path manifest;

  @Option(names = "--strict", description = "Treat every warning about a transcript as an error.")
  boolean strict;

  Corpus corpus() throws AetException {
    return Corpus.discover(inputs, TranscriptReaders.load(), new Corpus.Options(manifest, strict));
  }

  List<String> names() {
    return inputs.stream().map(Path::toString).toList();
  }
}
