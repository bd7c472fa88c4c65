package org.aet.cli;

import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import picocli.CommandLine.Option;

/** {@code --codebook NAME|FILE}, shared by {@code aet code} and {@code aet report}. */
final class CodebookOption {
  @Option(
      names = {"-c", "--codebook"},
      paramLabel = "NAME|FILE",
      defaultValue = "four-tensions",
      description =
          "A shipped codebook's name or a codebook .json file (default: ${DEFAULT-VALUE}).")
  String codebook;

  /** The codebook named, shipped or from its file. */
  Codebook load() throws AetException {
    return Codebooks.load(codebook);
  }
}
