package org.aet.cli;

import java.nio.file.Path;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.learning.LearnedModel;
import org.aet.service.ModelSource;
import org.aet.service.RankedReview;
import org.aet.service.StarterModels;
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
   * What ranks the first rounds. A model file is read here, so that a damaged one is reported
   * before any work (and before a workspace opens); the starter model once the codebook is known.
   *
   * @throws picocli.CommandLine.ParameterException when both options are given
   * @throws AetException when the model file cannot be read
   */
  RankedReview.FirstRounds firstRounds(CommandSpec spec) throws AetException {
    checkOne(spec);
    if (model != null) {
      return RankedReview.FirstRounds.model(loaded(), model.getFileName().toString());
    }
    return RankedReview.FirstRounds.of(starter ? ModelSource.starter() : null);
  }

  /**
   * @throws picocli.CommandLine.ParameterException when both options are given
   */
  void checkOne(CommandSpec spec) {
    if (model != null && starter) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--model and --starter each name a model to rank by: give one of them");
    }
  }

  /** The model given, for {@code codebook}, or null when none was. */
  LearnedModel learned(Codebook codebook) throws AetException {
    return starter ? StarterModels.of(codebook) : model == null ? null : loaded();
  }

  private LearnedModel loaded() throws AetException {
    if (loaded == null) {
      loaded = LearnedModel.load(model);
    }
    return loaded;
  }

  private LearnedModel loaded;
}
