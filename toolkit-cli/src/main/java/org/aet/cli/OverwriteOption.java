package org.aet.cli;

import java.nio.file.Path;
import org.aet.diagnostics.AetException;
import org.aet.export.OutputTargets;
import picocli.CommandLine.Option;

/**
 * {@code --overwrite}, shared by every command that writes a file. Without it an existing file is
 * never replaced: it may be a workbook someone has spent an afternoon annotating. With it, inputs,
 * the project and anything that is not an ordinary file are still never replaced (see {@link
 * OutputTargets}).
 */
final class OverwriteOption {
  @Option(
      names = "--overwrite",
      description =
          "Replace output files that already exist (never an input, the project, or anything"
              + " but an ordinary file).")
  boolean overwrite;

  /** Checks every output of a command against its inputs and each other. */
  void check(OutputTargets targets) throws AetException {
    targets.check(overwrite);
  }

  /** Checks a command's one output, which must end in one of {@code extensions} when given. */
  void check(Path output, String option, String... extensions) throws AetException {
    new OutputTargets().output(output, option, extensions).check(overwrite);
  }

  /** The same check for files aet never overwrites, such as a new codebook. */
  static void refuse(Path output, String option, String... extensions) throws AetException {
    new OutputTargets().output(output, option, extensions).check(false);
  }
}
