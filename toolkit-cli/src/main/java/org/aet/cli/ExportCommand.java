package org.aet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.export.CodingExporters;
import org.aet.export.ExportContext;
import org.aet.export.ExportSession;
import org.aet.model.CodedTranscript;
import org.aet.project.FinalCoding;
import org.aet.project.ProjectStore;
import org.aet.segment.SegmentUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aet export}: a project's final coded segments. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a project's final coded segments, with case attributes and provenance: the consensus"
          + " where the team recorded one, elsewhere each coder's latest decision, every coding naming its source.",
      ""
    },
    footer = {"", "Example:", "  aet export study.aet -o final.xlsx"})
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PROJECT")
  Path project;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "A .xlsx, .csv or .jsonl file.")
  Path output;

  @Mixin OverwriteOption overwrite;

  @Mixin NlpOptions nlp;

  @Override
  public Integer call() throws AetException {
    overwrite.check(output);
    var exporter = CodingExporters.load().forFile(output);
    ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), true);
    int codings = 0;
    try (ProjectStore store = ProjectStore.open(project)) {
      Codebook codebook = store.latestCodebook();
      SegmentUnit unit = SegmentUnit.valueOf(store.latestUnit().toUpperCase(Locale.ROOT));
      List<CodedTranscript> coded = FinalCoding.of(store, codebook, nlp.annotator(progress), unit);
      Set<String> attributes = new LinkedHashSet<>();
      coded.forEach(c -> attributes.addAll(c.transcript().attributes().keySet()));
      ExportContext context =
          new ExportContext(
              codebook, unit, List.of(project.toString()), Instant.now(), List.copyOf(attributes));
      try (ExportSession session = exporter.open(output, context)) {
        for (CodedTranscript transcript : coded) {
          session.write(transcript);
          codings += transcript.codings().size();
        }
        session.finish();
      } catch (IOException e) {
        throw new AetException(output + ": cannot write: " + e.getMessage(), e);
      }
    }
    spec.commandLine().getOut().printf("Wrote %s: %d final coding(s).%n", output, codings);
    return 0;
  }
}
