package org.aet.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --pseudonymise KEY.csv}, shared by the commands that write coded output ({@link
 * org.aet.service.OutputStyle} applies it).
 */
final class PseudonymiseOption {
  @Option(
      names = "--pseudonymise",
      paramLabel = "KEY.csv",
      description =
          "Write the output with the names of this reviewed key replaced (see \"aet pseudonymise\");"
              + " codings stay on the same words.")
  Path key;
}
