package org.aet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.refiqda.QdpxReader;
import org.aet.service.ProjectAdditions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aet add}: transcripts into a project. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Adds transcripts to a project, with their case, attributes, speakers' roles and a content hash."
          + " A transcript already there with the same content is left as it is.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  aet add study.aet corpora/partnerships",
      "  aet add study.aet nvivo-project.qdpx"
    })
final class AddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file.")
  Path project;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "TRANSCRIPT",
      description =
          "Transcript files or folders of them, or REFI-QDA projects (.qdpx, .qde) from NVivo,"
              + " ATLAS.ti, MAXQDA or aet, with their codebook and coding.")
  List<Path> inputs;

  @Mixin ReadingOptions reading;

  @Option(
      names = "--codebook-name",
      paramLabel = "NAME",
      description =
          "The name for the codebook of a REFI-QDA project made by another tool (default: the file's"
              + " name).")
  String codebookName;

  @Override
  public Integer call() throws AetException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> projects = inputs.stream().filter(AddCommand::isRefiQdaProject).toList();
    if (!projects.isEmpty()) {
      ProjectAdditions.refiQda(
          project, projects, codebookName, (file, imported) -> printImported(file, imported));
      if (projects.size() == inputs.size()) {
        return 0;
      }
    }
    List<Path> transcripts = inputs.stream().filter(p -> !isRefiQdaProject(p)).toList();
    ProgressListener toErr =
        new ProgressListener() {
          @Override
          public void warning(Diagnostic warning) {
            err.println(warning.format());
          }

          @Override
          public void note(String message) {
            err.println(message);
          }
        };
    ReadCorpus read = ReadCorpus.read(reading.corpus(transcripts), toErr);
    ProjectAdditions.Added added = ProjectAdditions.transcripts(project, read, toErr);
    out.printf(
        "Added %d transcript(s) to %s (%d already there, %d the same text as one already there).%n",
        added.added(), project, added.unchanged(), added.sameText());
    return 0;
  }

  private void printImported(Path file, QdpxReader.Imported imported) {
    imported.warnings().forEach(w -> spec.commandLine().getErr().println(file + ": warning: " + w));
    spec.commandLine()
        .getOut()
        .printf(
            "Imported %s into %s: %d transcript(s) (%d already there), %s, %d coded selection(s)"
                + " as %d decision(s) by %s.%n",
            file,
            project,
            imported.added(),
            imported.unchanged(),
            imported.codebook() == null
                ? "no codebook"
                : "codebook "
                    + imported.codebook().name()
                    + " ("
                    + imported.codebook().codes().size()
                    + " codes)",
            imported.selections(),
            imported.decisions(),
            imported.coders().isEmpty() ? "no one" : String.join(", ", imported.coders()));
  }

  private static boolean isRefiQdaProject(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".qdpx") || name.endsWith(".qde");
  }
}
