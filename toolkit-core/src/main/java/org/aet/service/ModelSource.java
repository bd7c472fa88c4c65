package org.aet.service;

import java.nio.file.Path;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.learning.LearnedModel;

/**
 * Where a learned model comes from: a file made by {@code aet train}, or the starter model shipped
 * with the codebook ({@link StarterModels}).
 */
public sealed interface ModelSource {
  /** The model, for {@code codebook}. */
  LearnedModel load(Codebook codebook) throws AetException;

  /** How the team knows it: its file's name, or "the four-tensions starter model". */
  String name(Codebook codebook);

  /** The same as a phrase: "the learned model team.model", "the four-tensions starter model". */
  default String described(Codebook codebook) {
    return "the learned model " + name(codebook);
  }

  /** The model in {@code file}. */
  static ModelSource file(Path file) {
    return new File(file);
  }

  /** The codebook's starter model. */
  static ModelSource starter() {
    return new Starter();
  }

  /** A model file made by {@code aet train}. */
  record File(Path path) implements ModelSource {
    @Override
    public LearnedModel load(Codebook codebook) throws AetException {
      return LearnedModel.load(path);
    }

    @Override
    public String name(Codebook codebook) {
      return path.getFileName().toString();
    }
  }

  /** The starter model shipped with the codebook, refused when learned against another version. */
  record Starter() implements ModelSource {
    @Override
    public LearnedModel load(Codebook codebook) throws AetException {
      return StarterModels.of(codebook);
    }

    @Override
    public String name(Codebook codebook) {
      return StarterModels.name(codebook.name());
    }

    @Override
    public String described(Codebook codebook) {
      return name(codebook);
    }
  }
}
