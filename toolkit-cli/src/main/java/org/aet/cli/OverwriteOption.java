package org.aet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aet.diagnostics.AetException;
import picocli.CommandLine.Option;

/**
 * {@code --overwrite}, shared by every command that writes a file. Without it an existing file is
 * never replaced: it may be a workbook someone has spent an afternoon annotating.
 */
final class OverwriteOption {
  @Option(names = "--overwrite", description = "Replace the output file if it already exists.")
  boolean overwrite;

  /**
   * Refuses to go on when {@code output} exists and --overwrite was not given; null outputs pass.
   */
  void check(Path output) throws AetException {
    refuse(output, overwrite);
  }

  /** The same check for files aet never overwrites, such as a new codebook. */
  static void refuse(Path output, boolean overwrite) throws AetException {
    if (output != null && Files.exists(output) && !overwrite) {
      throw new AetException(
          output + " already exists; choose another name, or add --overwrite to replace it");
    }
  }
}
