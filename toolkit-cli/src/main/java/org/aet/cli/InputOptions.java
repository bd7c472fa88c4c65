package org.aet.cli;

import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.AetException;
import org.aet.ingest.Corpus;
import org.aet.project.ProjectStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The transcript inputs and reading options shared by {@code code}, {@code inspect} and {@code
 * ingest}.
 */
final class InputOptions {
  @Parameters(
      arity = "1..*",
      paramLabel = "TRANSCRIPT",
      description = "Transcript files or folders of them (${sys:aet.readers}).")
  List<Path> inputs;

  @Mixin ReadingOptions reading;

  Corpus corpus() throws AetException {
    return reading.corpus(inputs);
  }

  /** The project file when the only input is one (a .aet file), else null. */
  Path projectFile() {
    boolean project = inputs.size() == 1 && ProjectStore.isProjectFile(inputs.get(0));
    return project ? inputs.get(0) : null;
  }

  List<String> names() {
    return inputs.stream().map(Path::toString).toList();
  }
}
