package org.aet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.EvaluationReports;
import org.aet.evaluation.LabelledSegment;
import org.aet.evaluation.LabelledSegments;
import org.aet.export.OutputTargets;
import org.aet.learning.LearnedModel;
import org.aet.learning.LeaveOneOutReport;
import org.aet.learning.LeaveOneTranscriptOut;
import org.aet.project.TeamCoding;
import org.aet.service.StarterModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aet evaluate}: how well predicted codes match a gold standard. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Scores predicted codes against a gold standard, segment by segment: per code precision, recall, F1,"
          + " Cohen's kappa and support, micro and macro averages, and the most common confusions.",
      "Both files are labelled segments (.jsonl or .csv; see \"aet code --labels\"); the predicted file may also be"
          + " a coded export of \"aet code\" (.jsonl or .csv).",
      "With --leave-one-out --from FILE, judges aet on your own coding instead: each transcript in turn is"
          + " coded by the codebook alone and by a model learned from the other transcripts only, and scored"
          + " against your codes, with how often each level of confidence shown was right (and with --curve, how"
          + " many coded turns a model needs before it helps).",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  aet evaluate --gold team.jsonl --predicted machine.jsonl -o report.xlsx",
      "  aet evaluate --leave-one-out --codebook four-tensions --from team.jsonl --embeddings --curve"
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--gold", paramLabel = "FILE", description = "The reference coding.")
  Path gold;

  @Option(names = "--predicted", paramLabel = "FILE", description = "The coding to score.")
  Path predicted;

  @Option(
      names = "--level",
      paramLabel = "code|parent",
      defaultValue = "code",
      description =
          "Compare whole code paths, or only their top-level code (default: ${DEFAULT-VALUE}).")
  Evaluation.Level level;

  @Option(
      names = "--codebook",
      paramLabel = "NAME|FILE",
      description =
          "The codebook the labels come from: every one of its codes is listed, labels may name codes"
              + " by id or name, and the macro average is over its codes (without it, over the codes"
              + " found in either file).")
  String codebook;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Also write the report (.xlsx or .jsonl).")
  Path output;

  @Option(
      names = "--leave-one-out",
      description =
          "Judge aet on the coding in --from, each transcript (the part of a segment id before"
              + " '@') by what was learned without it.")
  boolean leaveOneOut;

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description =
          "With --leave-one-out: labelled segments (.jsonl or .csv), or a project (.aet), whose team"
              + " coding is read; repeatable.")
  List<Path> from = new ArrayList<>();

  @Option(
      names = "--embeddings",
      description =
          "With --leave-one-out: the learned models read each segment's meaning too, as \"aet train"
              + " --embeddings\" does.")
  boolean embeddings;

  @Option(
      names = "--floor",
      paramLabel = "P",
      defaultValue = "0.5",
      description =
          "With --leave-one-out: the codebook's suggestions are shown from this estimated precision,"
              + " as in \"aet code\" (default: ${DEFAULT-VALUE}).")
  double floor;

  @Option(
      names = "--curve",
      description =
          "With --leave-one-out: also the learning curve, models learned from 25, 50, 100, 200, 400"
              + " and 800 coded turns of the other transcripts.")
  boolean curve;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description =
          "With --leave-one-out: fixes the folds and the order of the learning curve (default:"
              + " ${DEFAULT-VALUE}).")
  long seed;

  @Mixin NlpOptions nlp;

  @Mixin OverwriteOption overwrite;

  @Override
  public Integer call() throws AetException {
    if (leaveOneOut) {
      return leaveOneOut();
    }
    if (gold == null || predicted == null || !from.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "give --gold FILE and --predicted FILE, or --leave-one-out with --from FILE");
    }
    if (output != null) {
      overwrite.check(
          new OutputTargets()
              .input(gold, "the gold file")
              .input(predicted, "the predicted file")
              .output(output, "-o", ".xlsx", ".jsonl"));
    }
    Evaluation.Report report =
        Evaluation.evaluate(
            LabelledSegments.read(gold),
            LabelledSegments.read(predicted),
            level,
            codebook == null ? null : Codebooks.load(codebook));
    EvaluationReports.print(report, spec.commandLine().getOut());
    if (output != null) {
      EvaluationReports.write(report, output);
      spec.commandLine().getOut().println("Wrote " + output + ".");
    }
    return 0;
  }

  /** Prints each part of the trial as soon as it is done, with the time taken so far. */
  private LeaveOneTranscriptOut.Results printedAsDone(PrintWriter out, long start) {
    return new LeaveOneTranscriptOut.Results() {
      @Override
      public void judged(LeaveOneTranscriptOut.Outcome outcome) {
        LeaveOneOutReport.printJudged(outcome, out);
        out.printf(Locale.ROOT, "(%.0f seconds so far.)%n", (System.nanoTime() - start) / 1e9);
        if (curve) {
          out.println();
          LeaveOneOutReport.printCurveHeading(out);
        }
      }

      @Override
      public void point(LeaveOneTranscriptOut.CurvePoint point) {
        LeaveOneOutReport.printPoint(point, out);
      }
    };
  }

  /**
   * The codebook's starter model, to judge on the team's coding beside the rest: nothing learned
   * from it is needed, so it is judged whenever the codebook has one that is current.
   */
  private LearnedModel starterToJudge(Codebook book) throws AetException {
    if (StarterModels.shipped(book.name()).isEmpty()) {
      return null;
    }
    try {
      return StarterModels.of(book);
    } catch (AetException stale) {
      spec.commandLine()
          .getErr()
          .println("Note: the starter model is not judged: " + stale.getMessage());
      return null;
    }
  }

  /** The usage errors of {@code --leave-one-out}, and its output checked before any work. */
  private void checkLeaveOneOut() throws AetException {
    if (from.isEmpty() || codebook == null || gold != null || predicted != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--leave-one-out needs --codebook and --from FILE (and no --gold or --predicted)");
    }
    if (!(floor >= 0 && floor <= 1)) {
      throw new ParameterException(spec.commandLine(), "--floor must be between 0 and 1");
    }
    OutputTargets targets = new OutputTargets().inputs(from, "a labelled file");
    if (output != null) {
      overwrite.check(targets.output(output, "-o", ".xlsx", ".jsonl"));
    }
  }

  private int leaveOneOut() throws AetException {
    checkLeaveOneOut();
    ProgressPrinter progress =
        new ProgressPrinter(spec.commandLine().getErr(), false)
            .showing(LeaveOneTranscriptOut.READING)
            .showing(LeaveOneTranscriptOut.JUDGING)
            .showing(LeaveOneTranscriptOut.CURVE);
    Codebook book = Codebooks.load(codebook);
    List<LabelledSegment> labelled = new ArrayList<>();
    for (Path file : from) {
      labelled.addAll(TeamCoding.read(file, book.name()));
    }
    List<String> unknown = new ArrayList<>();
    LeaveOneTranscriptOut.Settings settings =
        new LeaveOneTranscriptOut.Settings(
            embeddings,
            floor,
            curve ? LeaveOneTranscriptOut.CURVE_TURNS : List.of(),
            seed,
            starterToJudge(book));
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    LeaveOneTranscriptOut.Results shown = printedAsDone(out, start);
    LeaveOneTranscriptOut.Outcome outcome;
    try {
      outcome =
          LeaveOneTranscriptOut.run(
              labelled,
              book,
              nlp.annotator(progress),
              nlp.windowEmbedding(progress),
              settings,
              unknown,
              progress,
              shown);
    } catch (IllegalArgumentException e) {
      throw new AetException(e.getMessage());
    } catch (IOException e) {
      throw new AetException("training failed: " + e.getMessage(), e);
    }
    if (!unknown.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "warning: these codes are not in " + book.name() + " and were left out: " + unknown);
    }
    out.printf(Locale.ROOT, "Took %.0f seconds.%n", (System.nanoTime() - start) / 1e9);
    if (output != null) {
      LeaveOneOutReport.write(outcome, output);
      out.println("Wrote " + output + ".");
    }
    return 0;
  }
}
