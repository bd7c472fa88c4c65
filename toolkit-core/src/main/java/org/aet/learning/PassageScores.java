package org.aet.learning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.MaxentModel;
import org.aet.model.Segment;
import org.aet.semantic.WindowEmbedding;

/**
 * A learned model's scores of one passage, every code at once, whatever its threshold: what a
 * ranking needs (the review loop's first rounds), where {@link LearnedCoder} gives only the codes
 * that pass.
 */
public final class PassageScores {
  private PassageScores() {}

  /** Per code path of {@code model}, the probability that {@code segment} gets the code. */
  public static Map<String, Double> probabilities(LearnedModel model, Segment segment) {
    List<String> lemmas = Features.lemmas(segment.tokens());
    float[] meaning = model.readsMeaning() ? WindowEmbedding.meaning(segment) : null;
    Features.Context context = Features.context(lemmas, meaning);
    Map<String, Double> byPath = new LinkedHashMap<>();
    for (Map.Entry<String, MaxentModel> entry : model.models().entrySet()) {
      byPath.put(entry.getKey(), Trainer.probability(entry.getValue(), context));
    }
    return byPath;
  }
}
