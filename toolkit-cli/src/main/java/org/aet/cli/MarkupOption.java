package org.aet.cli;

import org.aet.export.ExportSession;
import org.aet.export.ExportSessions;
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

  /** An export's session (the output file or the labelled segments), showing markup as asked. */
  ExportSession apply(ExportSession fileExport) {
    return markup == Shown.drop ? ExportSessions.withoutMarkup(fileExport) : fileExport;
  }
}
