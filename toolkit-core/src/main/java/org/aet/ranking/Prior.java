package org.aet.ranking;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.aet.codebook.Codebook;
import org.aet.coding.SuggestionCoder;
import org.aet.diagnostics.AetException;
import org.aet.learning.LearnedModel;
import org.aet.learning.PassageScores;
import org.aet.model.Segment;

/**
 * What the review loop knows of a segment before the team has coded anything: per code, a score
 * from 0 to 1. It ranks the first rounds, and stays one of the ranking model's features after. It
 * comes from the codebook alone (each candidate's estimated precision) or from a model learned
 * elsewhere (any {@link LearnedModel}: one trained on other transcripts, or a starter model), whose
 * probabilities know more of how people really talk than a codebook's few example sentences.
 */
public interface Prior {
  /** Per code id, the segment's score from 0 to 1 (a code left out scores 0). */
  Map<String, Double> byCode(Segment segment);

  /** What the scores come from, in a few words for the team. */
  String description();

  /** The codebook alone: each code's best candidate's estimated precision. */
  static Prior codebook(SuggestionCoder coder) {
    return new Prior() {
      @Override
      public Map<String, Double> byCode(Segment segment) {
        Map<String, Double> byCode = new HashMap<>();
        for (SuggestionCoder.Candidate c : coder.candidates(segment)) {
          byCode.merge(c.codeId(), c.estimatedPrecision(), Math::max);
        }
        return byCode;
      }

      @Override
      public String description() {
        return "the codebook alone";
      }
    };
  }

  /**
   * A learned model's probability of each code it has a model for and {@code codebook} knows.
   *
   * @param description where the model comes from, for the team
   */
  static Prior model(LearnedModel model, Codebook codebook, String description) {
    return new Prior() {
      @Override
      public Map<String, Double> byCode(Segment segment) {
        Map<String, Double> byCode = new HashMap<>();
        PassageScores.probabilities(model, segment)
            .forEach(
                (path, p) -> {
                  org.aet.codebook.Code code = codebook.find(path);
                  if (code != null) {
                    byCode.put(code.id(), p);
                  }
                });
        return byCode;
      }

      @Override
      public String description() {
        return description;
      }
    };
  }

  /**
   * The model in {@code file} as a prior for {@code codebook}.
   *
   * @throws AetException when the file cannot be read or the model was trained for another codebook
   */
  static Prior modelFile(Path file, Codebook codebook) throws AetException {
    return learned(LearnedModel.load(file), "the learned model " + file.getFileName(), codebook);
  }

  /**
   * {@code model} as a prior for {@code codebook}, named {@code name} for the team, as the rounds
   * it ranks say it: "the learned model team.model", "the four-tensions starter model".
   *
   * @throws AetException when the model was trained for another codebook
   */
  static Prior learned(LearnedModel model, String name, Codebook codebook) throws AetException {
    if (!model.codebook().equals(codebook.name())) {
      throw new AetException(
          name
              + ": this model was trained for the codebook \""
              + model.codebook()
              + "\", not \""
              + codebook.name()
              + "\": use it with --codebook "
              + model.codebook()
              + ", or give a model trained for "
              + codebook.name());
    }
    return model(model, codebook, name + " (" + model.trainingSegments() + " segments)");
  }
}
