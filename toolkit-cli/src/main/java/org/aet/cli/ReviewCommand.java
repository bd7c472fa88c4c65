package org.aet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aet.diagnostics.AetException;
import org.aet.export.OutputTargets;
import org.aet.pipeline.ProgressListener;
import org.aet.project.DecisionKind;
import org.aet.project.ProjectStore;
import org.aet.project.ReviewImport;
import org.aet.project.ReviewWorkbook;
import org.aet.ranking.ProjectRanking;
import org.aet.ranking.ReviewRanking;
import org.aet.ranking.ScoredSegment;
import org.aet.service.RankedReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aet review ...}: take a project's coding out to spreadsheets and bring every decision
 * back.
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Review in spreadsheets: export a workbook per coder, import the decisions, and resolve"
          + " disagreements in a consensus workbook.",
      ""
    },
    subcommands = {
      ReviewCommand.Export.class,
      ReviewCommand.Import.class,
      ReviewCommand.Resolve.class
    },
    footer = {
      "",
      "Examples:",
      "  aet review export study.aet --coder alice --blind -o review-alice.xlsx",
      "  aet review import study.aet review-alice.xlsx",
      "  aet review resolve study.aet -o consensus.xlsx",
      "  aet review import study.aet consensus.xlsx"
    })
final class ReviewCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Writes a review workbook for one coder: a row per segment with the machine's suggested codes,"
              + " a decision column (accept, reject, recode), codes to add and a memo; ids locked; the codebook on its"
              + " own sheet. --blind hides the suggestions, for independent double coding.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PROJECT")
    Path project;

    @Option(
        names = "--coder",
        required = true,
        paramLabel = "NAME",
        description = "Who will fill it in.")
    String coder;

    @Option(names = "--blind", description = "Hide the machine's and other coders' codes.")
    boolean blind;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "FILE.xlsx")
    Path output;

    @Mixin OverwriteOption overwrite;

    @Option(
        names = "--next",
        paramLabel = "N",
        description =
            "A ranked round: only the N unreviewed segments most worth reading next (likely coded ones"
                + " first), ranked at first by the codebook (or by --model or --starter) and then by a model fitted to"
                + " every decision the team has recorded.")
    Integer next;

    @Mixin FirstRoundsOptions firstRounds;

    @Mixin NlpOptions nlp;

    @Override
    public Integer call() throws AetException {
      if (next != null && next < 1) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--next must be at least 1, not " + next);
      }
      firstRounds.checkOne(spec);
      if (firstRounds.given() && next == null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), firstRounds.name() + " ranks a round: give --next N too");
      }
      return exportWorkbook(
          spec,
          project,
          coder,
          blind,
          DecisionKind.REVIEW,
          output,
          overwrite,
          next,
          nlp,
          firstRounds.firstRounds(spec));
    }
  }

  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description =
          "Writes a consensus workbook: every segment with each coder's latest codes and memos side by"
              + " side, for the team meeting. Fill in the agreed codes and import it with \"aet review import\": they"
              + " are recorded as the consensus.")
  static final class Resolve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PROJECT")
    Path project;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "FILE.xlsx")
    Path output;

    @Mixin OverwriteOption overwrite;

    @Override
    public Integer call() throws AetException {
      return exportWorkbook(
          spec,
          project,
          "consensus",
          false,
          DecisionKind.CONSENSUS,
          output,
          overwrite,
          null,
          null,
          RankedReview.FirstRounds.codebook());
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Checks a review or consensus workbook completely against the project and the record of"
              + " its export (ids, text, suggestions shown, decisions, codes, duplicates, the hidden sheet) and,"
              + " only if everything is valid, records what changed under the coder's name in one step: new and"
              + " changed decisions, memos, and rows cleared (which withdraws the earlier decision). Importing the"
              + " same workbook again records nothing new.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Parameters(index = "1", paramLabel = "WORKBOOK")
    Path workbook;

    @Option(
        names = "--force",
        description =
            "Import a workbook exported before one of the same coder's that was already imported"
                + " (its decisions become current again).")
    boolean force;

    @Mixin FirstRoundsOptions firstRounds;

    @Mixin NlpOptions nlp;

    @Override
    public Integer call() throws AetException {
      // Read before anything is recorded, so a bad model or option fails with nothing written.
      RankedReview.FirstRounds first = firstRounds.firstRounds(spec);
      try (ProjectStore store = ProjectStore.open(project)) {
        ReviewImport.Imported imported =
            ReviewImport.run(store, workbook, force, ProgressListener.SILENT);
        spec.commandLine()
            .getOut()
            .printf(
                "Recorded %d %s decision(s) by %s from %s against %s; %d unchanged since the"
                    + " last import, %d withdrawn, %d row(s) not reviewed.%n",
                imported.recorded(),
                imported.kind().label(),
                imported.coder(),
                workbook,
                imported.codebook().name(),
                imported.unchanged(),
                imported.withdrawn(),
                imported.unreviewed());
        if (!store.rankings().isEmpty()) {
          printRound(spec, rankedRound(store, nlp, spec, first));
        }
      }
      return 0;
    }
  }

  /** A fitted round and what ranked it before the team's decisions could. */
  private record Ranked(ProjectRanking.Round round, String firstRankedBy) {}

  /**
   * Fits the ranking of the project's review to every decision so far, and records the fit; the
   * first rounds ranked as {@code firstRounds} says.
   */
  private static Ranked rankedRound(
      ProjectStore store, NlpOptions nlp, CommandSpec spec, RankedReview.FirstRounds firstRounds)
      throws AetException {
    ProgressPrinter progress =
        new ProgressPrinter(spec.commandLine().getErr(), false).showing(ScoredSegment.READING);
    RankedReview review =
        RankedReview.prepare(
            store, nlp.annotator(progress), nlp.windowEmbedding(progress), firstRounds, progress);
    return new Ranked(review.round(store), review.firstRankedBy());
  }

  /** The stopping signal: what has been read, what was found, what is probably left. */
  private static void printRound(CommandSpec spec, Ranked ranked) {
    ProjectRanking.Status status = ranked.round().status();
    spec.commandLine()
        .getOut()
        .printf(
            java.util.Locale.ROOT,
            "Ranked review: %d of %d segment(s) reviewed, %d of them with a code; an estimated %.0f"
                + " coded segment(s) remain unread%s. Estimated from %s (ranking %s, %s).%n",
            status.reviewed(),
            status.segments(),
            status.coded(),
            status.estimate().remaining(),
            Double.isNaN(status.previousEstimate())
                ? ""
                : String.format(java.util.Locale.ROOT, " (was %.0f)", status.previousEstimate()),
            status.estimate().how(),
            status.version(),
            status.basis() == ReviewRanking.Basis.MODEL
                ? "a model fitted to the reviewed segments"
                : ranked.firstRankedBy()
                    + ", until the team has coded segments with and without a code");
  }

  /**
   * Writes a review or consensus workbook; with {@code next}, a ranked round of that many segments,
   * ranked (its first rounds as {@code firstRounds} says) and written on one opening of the
   * project.
   */
  private static int exportWorkbook(
      CommandSpec spec,
      Path project,
      String coder,
      boolean blind,
      DecisionKind kind,
      Path output,
      OverwriteOption overwrite,
      Integer next,
      NlpOptions nlp,
      RankedReview.FirstRounds firstRounds)
      throws AetException {
    overwrite.check(
        new OutputTargets().input(project, "the project").output(output, "-o", ".xlsx"));
    try (ProjectStore store = ProjectStore.open(project)) {
      List<String> only = null;
      if (next != null) {
        Ranked ranked = rankedRound(store, nlp, spec, firstRounds);
        printRound(spec, ranked);
        ProjectRanking.Round round = ranked.round();
        only = round.next().subList(0, Math.min(next, round.next().size()));
        if (only.isEmpty()) {
          spec.commandLine()
              .getOut()
              .println("Every segment has been reviewed; no workbook written.");
          return 0;
        }
      }
      ReviewWorkbook.Exported exported =
          ReviewWorkbook.export(store, coder, blind, kind, output, only);
      if (!exported.coder().equals(coder) && kind == DecisionKind.REVIEW) {
        spec.commandLine()
            .getErr()
            .printf(
                "Note: the project knows this coder as \"%s\"; the workbook is theirs.%n",
                exported.coder());
      }
      spec.commandLine()
          .getOut()
          .printf(
              "Wrote %s: %d segment(s) for %s to review%s, against the codebook %s (version %s).%n",
              output,
              exported.rows(),
              exported.coder(),
              blind ? " blind" : "",
              exported.codebook().name(),
              exported.codebook().version());
    }
    return 0;
  }
}
