package org.aet.cli;

import java.nio.file.Path;
import org.aet.service.ModelSource;
import org.aet.service.RankedReview;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What ranks the first rounds of a review, before the team has coded segments with and without a
 * code: a model made by {@code aet train} on other transcripts, the codebook's starter model, or
 * the codebook alone. Shared by {@code aet review}, {@code aet serve} and {@code aet simulate} as a
 * mixin.
 */
final class FirstRoundsOptions {
  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description =
          "Rank the first rounds by this model (made by \"aet train\", on other transcripts) until the"
              + " team has coded segments with and without a code; without it, by the codebook alone.")
  Path model;

  @Option(
      names = "--starter",
      description =
          "Rank the first rounds by the starter model shipped with the codebook (four-tensions:"
              + " learned from seven coded Senedd hearings) instead of the codebook alone.")
  boolean starter;

  /** Whether either option was given. */
  boolean given() {
    return model != null || starter;
  }

  /** The option given, for a usage message: "--model" or "--starter". */
  String name() {
    return starter ? "--starter" : "--model";
  }

  /**
   * What ranks the first rounds.
   *
   * @throws picocli.CommandLine.ParameterException when both options are given
   */
  RankedReview.FirstRounds firstRounds(CommandSpec spec) {
    if (model != null && starter) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--model and --starter each name a model to rank by: give one of them");
    }
    return RankedReview.FirstRounds.of(
        starter ? ModelSource.starter() : model == null ? null : ModelSource.file(model));
  }
}
