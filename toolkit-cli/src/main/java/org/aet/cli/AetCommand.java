package org.aet.cli;

import org.aet.io.ToolVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code aet} command: only subcommands and the options they all share. */
@Command(
    name = "aet",
    mixinStandardHelpOptions = true,
    versionProvider = AetCommand.Version.class,
    description = {
      "aet, the Auto-Ethnography Toolkit, turns recorded conversations into coded, comparable qualitative"
          + " evidence: it reads transcripts, codes them against a codebook and writes spreadsheets a team can"
          + " discuss.",
      ""
    },
    subcommands = {
      CodeCommand.class,
      InspectCommand.class,
      IngestCommand.class,
      CodebookCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      InitCommand.class,
      AddCommand.class,
      ReviewCommand.class,
      AgreeCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      PseudonymiseCommand.class,
      SimulateCommand.class,
      ServeCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Example:",
      "  aet code corpora/partnerships --codebook four-tensions -o coded.xlsx",
      "",
      "Exit codes: 0 done, 1 bad input or failed work, 2 wrong use of the command, 3 (aet"
          + " pseudonymise only) names wait for review."
    })
public final class AetCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "On failure, print the Java stack trace too (for developers).")
  boolean stacktrace;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"aet " + ToolVersion.current()};
    }
  }
}
