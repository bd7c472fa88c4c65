package org.aet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aet.diagnostics.AetException;
import org.aet.export.CodingExporter;
import org.aet.export.OutputTargets;
import org.aet.project.FinalCoding;
import org.aet.project.ProjectStore;
import org.aet.refiqda.QdpxWriter;
import org.aet.service.FinalExport;
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
    footer = {
      "",
      "Examples:",
      "  aet export study.aet -o final.xlsx",
      "  aet export study.aet -o study.qdpx     (for NVivo, ATLAS.ti, MAXQDA)"
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PROJECT")
  Path project;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description =
          "A .xlsx, .csv or .jsonl file of the final coding, a .html report of it, or a .qdpx"
              + " REFI-QDA project (every coder's coding, for NVivo, ATLAS.ti and MAXQDA).")
  Path output;

  @Mixin OverwriteOption overwrite;

  @Mixin OutputStyleOptions style;

  @Mixin NlpOptions nlp;

  @Option(
      names = {"-c", "--codebook"},
      paramLabel = "NAME",
      description =
          "Which codebook's coding to export, when the project holds decisions against several"
              + " (default: the codebook of the latest decision).")
  String codebook;

  @Option(
      names = "--with-suggestions",
      description =
          "In a .qdpx, also write the machine's suggestions of the latest coding run, under a user of"
              + " their own (\""
              + QdpxWriter.MACHINE_USER
              + "\").")
  boolean withSuggestions;

  @Override
  public Integer call() throws AetException {
    List<String> extensions = new java.util.ArrayList<>();
    CodingExporter.registry().names().forEach(e -> extensions.add("." + e));
    extensions.add(".qdpx");
    overwrite.check(
        new OutputTargets()
            .input(project, "the project")
            .output(output, "-o", extensions.toArray(String[]::new)));
    if (output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".qdpx")) {
      if (style.pseudonymise.key != null) {
        throw new AetException(
            "--pseudonymise writes .xlsx, .csv and .jsonl exports; a .qdpx project carries the"
                + " transcripts themselves: pseudonymise them with \"aet pseudonymise\" and import"
                + " the copy into a new project to share one");
      }
      return exportProject();
    }
    FinalCoding.Result result =
        FinalExport.write(
            project,
            codebook,
            output,
            CodingExporter.forFile(output),
            style.style(),
            nlp.annotator(new ProgressPrinter(spec.commandLine().getErr(), true)));
    result.notes().forEach(n -> spec.commandLine().getErr().println("Note: " + n));
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %s: %d final coding(s) against the codebook %s (version %s).%n",
            output, result.codings(), result.codebook().name(), result.codebook().version());
    return 0;
  }

  /** The whole project as a REFI-QDA project, for NVivo, ATLAS.ti, MAXQDA and QualCoder. */
  private int exportProject() throws AetException {
    QdpxWriter.Written written;
    org.aet.codebook.Codebook book;
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      book = FinalCoding.chosenCodebook(store, codebook);
      written = QdpxWriter.write(store, book, withSuggestions, output);
    }
    written.remarks().forEach(n -> spec.commandLine().getErr().println("Note: " + n));
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %s: %d transcript(s), %d coded selection(s) with %d coding(s) and %d memo(s) by"
                + " %s, against the codebook %s (version %s). Open it in NVivo, ATLAS.ti or MAXQDA"
                + " with their REFI-QDA project import.%n",
            output,
            written.sources(),
            written.selections(),
            written.codings(),
            written.notes(),
            written.users().isEmpty() ? "no one" : String.join(", ", written.users()),
            book.name(),
            book.version());
    return 0;
  }
}
