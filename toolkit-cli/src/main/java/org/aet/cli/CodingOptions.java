package org.aet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.export.OutputTargets;
import org.aet.segment.SegmentUnit;
import org.aet.service.CodingJob;
import org.aet.service.Inputs;
import org.aet.service.OutputStyle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options that say how transcripts are coded, shared by {@code aet code} and {@code aet report}
 * as a mixin. {@code aet report} refuses them for input that is coded already ({@link #given}), so
 * that none is ever accepted and then ignored.
 */
final class CodingOptions {
  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "How many transcripts to annotate at once (default: the number of processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "Also suggest codes with a model trained by \"aet train\" (source \"learned\").")
  Path model;

  @Option(
      names = "--starter",
      description =
          "Also suggest codes with the starter model shipped with the codebook (four-tensions: learned"
              + " from 1,106 coded turns of seven Senedd committee hearings; source \"learned\")."
              + " On hearings it had not learned from it finds more than the codebook alone and is"
              + " right a little more often; on other talk it is unproven, so it is not the default"
              + " (docs/validity.md; \"aet evaluate --leave-one-out\" judges it on your coding).")
  boolean starter;

  @Option(
      names = "--min-probability",
      paramLabel = "P",
      description =
          "The probability from which the model's suggestions are kept, above 0 and at most 1,"
              + " for every code (default: each code's own threshold, chosen by cross-validation"
              + " when the model was trained; 0.5 for a model trained without it).")
  Double minProbability;

  @Option(
      names = "--no-semantic",
      description =
          "Rules only: no sentence embeddings, so no rule match is checked against the code's"
              + " meaning and the confidence is the rules' strength, not an estimated precision.")
  boolean noSemantic;

  @Option(
      names = "--calibrate",
      paramLabel = "LABELLED",
      description =
          "Labelled segments (.jsonl or .csv, as \"aet evaluate\" reads them: your team's coding or"
              + " a gold file), or a project (.aet) whose team coding is read, to estimate the"
              + " precision of suggestions from, instead of the codebook's own examples. A project"
              + " that is coded uses its own team coding by default, once the team has made "
              + CodingJob.ENOUGH_TEAM_CODINGS
              + " codings.")
  Path calibrate;

  @Option(
      names = "--floor",
      paramLabel = "P",
      defaultValue = "0.5",
      description =
          "The estimated precision from which a suggestion is shown, from 0 to 1 (default:"
              + " ${DEFAULT-VALUE}: right at least half the time).")
  double floor;

  @Option(
      names = "--queue",
      paramLabel = "FILE.csv",
      description =
          "With --model: write every segment and code the model scored, most uncertain first, for"
              + " review: the team's decisions there teach the model most.")
  Path queue;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description =
          "Also write every segment with its suggested codes in the labelled-segments format (.jsonl"
              + " or .csv), for \"aet evaluate\" and \"aet agree\".")
  Path labels;

  /** {@code targets} with the files these options read. */
  OutputTargets inputs(OutputTargets targets) {
    return targets.input(model, "the model").input(calibrate, "the labelled file");
  }

  /** {@code targets} with the files these options write. */
  OutputTargets outputs(OutputTargets targets) {
    return targets.output(labels, "--labels", ".jsonl", ".csv").output(queue, "--queue", ".csv");
  }

  /**
   * The coding run these options ask for.
   *
   * @throws org.aet.diagnostics.SettingException when a setting is out of range
   */
  org.aet.service.CodeWorkflow.Request request(
      Codebook book, SegmentUnit unit, Inputs source, Path output, OutputStyle style)
      throws org.aet.diagnostics.SettingException {
    if (model != null && starter) {
      throw new org.aet.diagnostics.SettingException(
          "{model} and {starter} each name a model to suggest with: give one of them");
    }
    org.aet.service.ModelSource learned =
        starter
            ? org.aet.service.ModelSource.starter()
            : model == null ? null : org.aet.service.ModelSource.file(model);
    CodingJob.Settings settings =
        new CodingJob.Settings(
            book, unit, threads, floor, null, learned, minProbability, queue != null);
    return new org.aet.service.CodeWorkflow.Request(
        settings, calibrate, !noSemantic, source, output, labels, queue, style);
  }

  /** Says what was written besides the main output. */
  void printWritten(PrintWriter out) {
    if (labels != null) {
      out.println("Wrote the labelled segments to " + labels + ".");
    }
    if (queue != null) {
      out.println("Wrote the review queue, most uncertain first, to " + queue + ".");
    }
  }

  /**
   * The options of the mixin named {@code mixin} (its field's name) given on {@code spec}'s command
   * line, in the mixin's order.
   */
  static List<String> given(CommandSpec spec, String mixin) {
    var parsed = spec.commandLine().getParseResult();
    return spec.mixins().get(mixin).options().stream()
        .map(OptionSpec::longestName)
        .filter(parsed::hasMatchedOption)
        .toList();
  }
}
