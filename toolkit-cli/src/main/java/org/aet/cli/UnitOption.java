package org.aet.cli;

import org.aet.segment.SegmentUnit;
import picocli.CommandLine.Option;

/** {@code --unit turn|sentence}, shared by {@code aet code} and {@code aet report}. */
final class UnitOption {
  @Option(
      names = {"-u", "--unit"},
      paramLabel = "turn|sentence",
      defaultValue = "turn",
      description =
          "What one coded segment is: a speaker's turn or a sentence (default: ${DEFAULT-VALUE}).")
  SegmentUnit unit;
}
