package org.aet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.export.OutputTargets;
import org.aet.model.Transcript;
import org.aet.project.ProjectStore;
import org.aet.ranking.HeldOutSimulation;
import org.aet.ranking.Prior;
import org.aet.ranking.ReviewSimulation;
import org.aet.ranking.SimulationReport;
import org.aet.segment.SegmentUnit;
import org.aet.service.Inputs;
import org.aet.service.SimulationWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aet simulate}: how much reading ranked review rounds would save, on a team's own coding.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replays ranked review rounds on segments a coder has already coded: aet ranks, the 'coder' reads the next"
          + " batch, and only then does the model see those labels. Reports per code, per tension and for any"
          + " code the recall after reading 10%%, 20%%, 30%% and 50%% of the segments, the reads needed for 95%%"
          + " recall and the work saved over sampling (WSS@95), beside a random reading order.",
      "The first rounds are ranked by the codebook alone, or with --model (or --starter) by a model learned elsewhere;"
          + " later rounds by what the 'coder' has coded. With --leave-one-out each transcript of the gold"
          + " file in turn is the team's new project, its first rounds ranked by a model learned from the"
          + " coding of the others, beside the codebook alone and a shuffled control.",
      "Segments not in the gold file are left out. The last line is one JSON object for \"any code\".",
      ""
    },
    footer = {
      "",
      "Example:",
      "  aet simulate --gold our-coding.jsonl --codebook four-tensions transcripts/ -o curve.xlsx",
      "  aet simulate --gold our-coding.jsonl --leave-one-out transcripts/"
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Option(
      names = "--gold",
      required = true,
      paramLabel = "LABELLED",
      description =
          "The coder's labelled segments (.jsonl or .csv), ids as \"aet code --labels\" writes them.")
  Path gold;

  @Option(
      names = {"-c", "--codebook"},
      paramLabel = "NAME|FILE",
      defaultValue = "four-tensions",
      description = "The codebook (default: ${DEFAULT-VALUE}).")
  String codebook;

  @Option(
      names = {"-u", "--unit"},
      paramLabel = "turn|sentence",
      defaultValue = "turn",
      description = "The segment unit the gold file was coded in (default: ${DEFAULT-VALUE}).")
  SegmentUnit unit;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Segments read per round before the model is fitted again (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Fixes the random reading orders of the baseline (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin FirstRoundsOptions firstRounds;

  @Option(
      names = "--leave-one-out",
      description =
          "Hold out each transcript of the gold file in turn: its first rounds ranked by a model learned"
              + " from the others' coding, compared with the codebook alone and a shuffled control.")
  boolean leaveOneOut;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Also write every target's reading curve: .xlsx (measures, curves and a chart) or .jsonl"
              + " (one object per target).")
  Path output;

  @Mixin OverwriteOption overwrite;

  @Mixin NlpOptions nlp;

  @Override
  public Integer call() throws AetException {
    checkOptions();
    PrintWriter out = spec.commandLine().getOut();
    ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), false);
    Codebook book = Codebooks.load(codebook);
    SimulationWorkflow.Gold labelled = SimulationWorkflow.Gold.read(gold);
    Prior prior = firstRounds.given() ? firstRounds.firstRounds(spec).prior(book, null) : null;
    if (firstRounds.given()) {
      warnIfSeen(labelled.learnedBy(firstRounds.learned(book)));
    }
    List<Transcript> transcripts = SimulationWorkflow.transcripts(inputs(), progress);
    SimulationWorkflow simulation =
        new SimulationWorkflow(
            book,
            nlp.annotator(progress),
            nlp.windowEmbedding(progress),
            new SimulationWorkflow.Settings(unit, batch, seed));
    if (leaveOneOut) {
      return heldOut(out, progress, simulation, transcripts, labelled, book);
    }
    ReviewSimulation.Report report = simulation.replay(transcripts, labelled, prior, progress);
    print(out, report);
    printStopping(out, report);
    if (output != null) {
      SimulationReport.write(report, batch, output);
      out.println("Wrote " + output + ".");
    }
    printJson(out, SimulationReport.summary(report.outcomes().get(0), batch));
    return 0;
  }

  /** Says so when the model ranking the first rounds learned from some of the gold transcripts. */
  private void warnIfSeen(java.util.SortedSet<String> seen) {
    if (!seen.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "Note: the model ranking the first rounds learned from "
                  + seen.size()
                  + " of these transcripts ("
                  + String.join(", ", seen)
                  + "), so the reading it saves here flatters it: judge it on transcripts it has not"
                  + " seen.");
    }
  }

  private void checkOptions() throws AetException {
    if (batch < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--batch must be at least 1, not " + batch);
    }
    if (leaveOneOut && firstRounds.given()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--leave-one-out learns its own model for each transcript held out: leave out "
              + firstRounds.name());
    }
    overwrite.check(
        new OutputTargets()
            .inputs(input.inputs, "an input")
            .input(gold, "the gold file")
            .input(firstRounds.model, "the model")
            .output(output, "-o", ".xlsx", ".jsonl"));
  }

  /** {@code --leave-one-out}: each transcript held out in turn, three first-round rankings. */
  private int heldOut(
      PrintWriter out,
      ProgressPrinter progress,
      SimulationWorkflow simulation,
      List<Transcript> transcripts,
      SimulationWorkflow.Gold labelled,
      Codebook book)
      throws AetException {
    SimulationWorkflow.HELD_OUT_STAGES.forEach(progress::showing);
    List<HeldOutSimulation.Held> held = simulation.heldOut(transcripts, labelled, progress);
    HeldOutPrinter.print(out, held, book);
    if (output != null) {
      SimulationReport.writeHeldOut(held, batch, output);
      out.println("Wrote " + output + ".");
    }
    printJson(out, SimulationReport.heldOutSummary(held));
    return 0;
  }

  /** A project file alone, or transcript files and folders. */
  private Inputs inputs() {
    List<Path> inputs = input.inputs;
    return inputs.size() == 1 && ProjectStore.isProjectFile(inputs.get(0))
        ? new Inputs.Project(inputs.get(0))
        : new Inputs.Files(inputs, input::corpus);
  }

  private static void printJson(PrintWriter out, Map<String, Object> summary) throws AetException {
    try {
      out.println(new ObjectMapper().writeValueAsString(summary));
    } catch (java.io.IOException e) {
      throw new AetException("cannot write the summary: " + e.getMessage(), e);
    }
  }

  /**
   * The stopping signal checked: at the rounds nearest each share read, what the round's status
   * would have told the team was left unread, beside what really was.
   */
  private static void printStopping(PrintWriter out, ReviewSimulation.Report report) {
    List<ReviewSimulation.Checkpoint> rounds = report.stopping();
    if (rounds.isEmpty()) {
      return;
    }
    out.printf(
        "What the rounds would have said is left unread (any code), beside what really was:%n");
    out.printf(
        Locale.ROOT, "  %6s %6s %12s %15s%n", "read", "found", "really left", "estimated left");
    int next = 0;
    for (double share : STOPPING_SHARES) {
      int wanted = (int) Math.ceil(share * report.matched());
      while (next < rounds.size() && rounds.get(next).read() < wanted) {
        next++;
      }
      if (next == rounds.size()) {
        break;
      }
      ReviewSimulation.Checkpoint c = rounds.get(next);
      out.printf(
          Locale.ROOT, "  %6d %6d %12d %15.0f%n", c.read(), c.found(), c.left(), c.estimated());
    }
  }

  /** Shares read at which the stopping signal is printed; the workbook has every round. */
  private static final List<Double> STOPPING_SHARES = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8);

  private static void print(PrintWriter out, ReviewSimulation.Report report) {
    int width = report.outcomes().stream().mapToInt(o -> o.target().length()).max().orElse(10);
    out.printf(
        "Replayed review rounds on %d coded segment(s); recall after reading a share of them, and the"
            + " work saved at 95%% recall:%n",
        report.matched());
    out.printf(
        Locale.ROOT,
        "  %-" + width + "s %8s %8s %6s %6s %6s %6s %8s %7s %10s%n",
        "target",
        "segments",
        "relevant",
        "r@10%",
        "r@20%",
        "r@30%",
        "r@50%",
        "reads95",
        "wss95",
        "random95");
    for (ReviewSimulation.Outcome o : report.outcomes()) {
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s %8d %8d %6.2f %6.2f %6.2f %6.2f %8d %7.3f %10.3f%n",
          o.target(),
          o.segments(),
          o.relevant(),
          o.recallAfter(0.1),
          o.recallAfter(0.2),
          o.recallAfter(0.3),
          o.recallAfter(0.5),
          o.readsFor(0.95),
          o.wss(0.95),
          o.randomWss95());
    }
  }
}
