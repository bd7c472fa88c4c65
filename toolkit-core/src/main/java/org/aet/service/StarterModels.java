package org.aet.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.learning.LearnedModel;

/**
 * The starter models shipped with aet's codebooks: a model learned from labelled real talk (for
 * four-tensions, the seven Senedd hearings of the gold sets), kept beside its codebook as {@code
 * codebooks/NAME.starter.model}, holding weights and figures, never transcript text. It is used
 * only when asked for ({@code --starter}): left out hearing by hearing it helps beside the codebook
 * by the rule of docs/validity.md, but it was learned from one committee's hearings and is unproven
 * on other talk, so the default stays the codebook. A starter model learned against another version
 * of its codebook is refused, never silently used, since its codes may no longer mean what the
 * codebook says.
 */
public final class StarterModels {
  /** How a starter model's file is named after its codebook. */
  public static final String SUFFIX = ".starter.model";

  /** Where the shipped codebooks and their starter models are inside the jar. */
  private static final String SHIPPED = "/org/aet/codebooks/";

  private StarterModels() {}

  /**
   * The starter model shipped for the codebook called {@code codebookName}, whatever its version.
   * Read from the jar once per process (the shipped file cannot change while aet runs), so that a
   * workspace preparing its queue again, or a command asking twice, does not parse 3 MB again.
   */
  public static Optional<LearnedModel> shipped(String codebookName) throws AetException {
    Optional<LearnedModel> known = READ.get(codebookName);
    if (known == null) {
      known = read(codebookName);
      READ.putIfAbsent(codebookName, known);
    }
    return known;
  }

  /** Every starter model read so far (or known to be absent), by codebook name. */
  private static final ConcurrentMap<String, Optional<LearnedModel>> READ =
      new ConcurrentHashMap<>();

  private static Optional<LearnedModel> read(String codebookName) throws AetException {
    try (InputStream in =
        StarterModels.class.getResourceAsStream(SHIPPED + codebookName + SUFFIX)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(LearnedModel.fromBytes(in.readAllBytes()));
    } catch (IOException | RuntimeException e) {
      throw new AetException(
          "the starter model shipped for " + codebookName + " cannot be read: " + e.getMessage(),
          e);
    }
  }

  /**
   * The starter model for {@code codebook}, which must have been learned against this very version
   * of it.
   *
   * @throws AetException when none is shipped for it, or it was learned against another version
   */
  public static LearnedModel of(Codebook codebook) throws AetException {
    LearnedModel model =
        shipped(codebook.name())
            .orElseThrow(
                () ->
                    new AetException(
                        "no starter model is shipped for the codebook "
                            + codebook.name()
                            + " (only for four-tensions): code without one, or train a model on"
                            + " your team's coding with \"aet train\""));
    String refusal = refusal(model, codebook, shippedVersion(codebook.name()));
    if (refusal != null) {
      throw new AetException(refusal);
    }
    return model;
  }

  /**
   * Why {@code model} may not suggest for {@code codebook}, or null when it may: learned against
   * another version of it. When the shipped codebook is the version it was learned against, the
   * codebook in hand is an edited copy (or the one a project was coded with), and the user is told
   * so; otherwise the shipped model itself is stale, and the message says how to rebuild it.
   *
   * @param shippedVersion the version of the codebook shipped under the same name
   */
  static String refusal(LearnedModel model, Codebook codebook, String shippedVersion) {
    if (model.codebookVersion().equals(codebook.version())) {
      return null;
    }
    if (model.codebookVersion().equals(shippedVersion)) {
      return "the starter model for "
          + codebook.name()
          + " was learned against the shipped codebook (version "
          + model.codebookVersion()
          + "), and this one is version "
          + codebook.version()
          + " (an edited copy, or the version a project was coded with): code with the shipped"
          + " codebook to use it, or train a model on your own coding with \"aet train\"";
    }
    return "the starter model shipped for "
        + codebook.name()
        + " was learned against version "
        + model.codebookVersion()
        + " of the codebook, which is now version "
        + codebook.version()
        + ", so its codes may no longer mean what the codebook says and it is not used."
        + " Rebuild it with: "
        + rebuildCommand(model);
  }

  /** The version of the shipped codebook called {@code name} ("" when none is shipped). */
  private static String shippedVersion(String name) {
    try {
      return Codebooks.load(name).version();
    } catch (AetException notShipped) {
      return "";
    }
  }

  /** The starter model's name for the team: "the four-tensions starter model". */
  public static String name(String codebookName) {
    return "the " + codebookName + " starter model";
  }

  /**
   * The command that rebuilds {@code model} from the gold sets beside the project ({@code
   * ../shared/gold}), with {@code aet train}'s defaults, as it was built.
   */
  public static String rebuildCommand(LearnedModel model) {
    return "./aet train --codebook "
        + model.codebook()
        + model.learnedFrom().stream()
            .map(source -> " --from ../shared/gold/" + source.file())
            .collect(Collectors.joining())
        + " -o codebooks/"
        + model.codebook()
        + SUFFIX
        + " --overwrite";
  }
}
