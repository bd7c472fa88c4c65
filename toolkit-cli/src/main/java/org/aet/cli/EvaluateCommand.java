package org.aet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.EvaluationReports;
import org.aet.evaluation.LabelledSegments;
import org.aet.export.OutputTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
      ""
    },
    footer = {
      "",
      "Example:",
      "  aet evaluate --gold team.jsonl --predicted machine.jsonl -o report.xlsx"
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--gold",
      required = true,
      paramLabel = "FILE",
      description = "The reference coding.")
  Path gold;

  @Option(
      names = "--predicted",
      required = true,
      paramLabel = "FILE",
      description = "The coding to score.")
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

  @Mixin OverwriteOption overwrite;

  @Override
  public Integer call() throws AetException {
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
}
