package org.aet.cli;

import picocli.CommandLine.Option;

/** {@code --markup keep|drop}: how an export shows transcription markup such as {vocalsound}. */
final class MarkupOption {
  enum Shown {
    keep,
    drop
  }

  @Option(
      names = "--markup",
      paramLabel = "keep|drop",
      defaultValue = "keep",
      description =
          "Transcription markup such as {vocalsound}, [inaudible 00:12:03] or (laughs) is never read"
              + " as words; in the segment text of the output and of --labels it is kept as"
              + " written or dropped"
              + " (default: ${DEFAULT-VALUE}).")
  Shown markup = Shown.keep;

  /** Whether the output leaves the markup out. */
  boolean drops() {
    return markup == Shown.drop;
  }
}
