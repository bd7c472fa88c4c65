package org.aet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aet.diagnostics.AetException;
import org.aet.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aet init}: a new, empty project file. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a project: one file that keeps a study's transcripts, codings and every coder's"
          + " decisions with their history.",
      ""
    },
    footer = {
      "",
      "Example:",
      "  aet init study.aet",
      "  aet add study.aet corpora/partnerships",
      "  aet code study.aet --codebook four-tensions"
    })
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PROJECT",
      description = "The project file to create (for example study.aet).")
  Path project;

  @Override
  public Integer call() throws AetException {
    try (ProjectStore store = ProjectStore.create(project)) {
      spec.commandLine()
          .getOut()
          .printf("Created the project %s (id %s).%n", project, store.projectId());
    }
    return 0;
  }
}
