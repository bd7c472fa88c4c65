package org.aet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.OutputTargets;
import org.aet.export.TurnWriter;
import org.aet.ingest.Corpus;
import org.aet.ingest.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aet ingest}: transcripts of any format in, one normalised JSON Lines corpus out. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads transcripts of any supported format and writes them as one normalised corpus: a .jsonl file with one"
          + " object per turn (transcript, case, turn, speaker, role, start, end, text, and where it came from).",
      ""
    },
    footer = {"", "Example:", "  aet ingest corpora/partnerships -o corpus.jsonl"})
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The .jsonl file to write.")
  Path output;

  @Mixin OverwriteOption overwrite;

  @Override
  public Integer call() throws AetException {
    overwrite.check(
        new OutputTargets().inputs(input.inputs, "an input").output(output, "-o", ".jsonl"));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Corpus corpus = input.corpus();
    corpus.warnings().forEach(w -> err.println(w.format()));
    List<Diagnostic> errors = new ArrayList<>();
    int turns = 0;
    try (TurnWriter writer = new TurnWriter(output)) {
      for (Corpus.Entry entry : corpus.entries()) {
        try {
          ReadResult result = corpus.read(entry);
          result.warnings().forEach(w -> err.println(w.format()));
          writer.write(result.transcript());
          turns += result.transcript().turns().size();
        } catch (InputException e) {
          errors.addAll(e.diagnostics());
        }
      }
      if (!errors.isEmpty()) {
        throw new InputException(errors);
      }
      writer.finish();
    } catch (IOException e) {
      throw new AetException(output + ": cannot write: " + e.getMessage(), e);
    }
    out.printf(
        "Wrote %,d turns from %d transcript(s) to %s.%n", turns, corpus.entries().size(), output);
    return 0;
  }
}
