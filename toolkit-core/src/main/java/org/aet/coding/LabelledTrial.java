package org.aet.coding;

import java.util.ArrayList;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.LabelledSegment;
import org.aet.model.Segment;
import org.aet.nlp.Annotator;
import org.aet.semantic.WindowEmbedding;

/**
 * A codebook tried on labelled text: each labelled segment's text coded afresh with the codebook
 * alone (its rules, and the semantic layer calibrated on its own sentences unless {@code embedding}
 * is null), then scored against the labels.
 */
public final class LabelledTrial {
  private LabelledTrial() {}

  /** Precision, recall and the rest per code of {@code codebook}, over {@code labelled}. */
  public static Evaluation.Report score(
      Codebook codebook,
      List<LabelledSegment> labelled,
      Annotator annotator,
      WindowEmbedding embedding) {
    List<Segment> segments =
        Calibrations.standalone(
            labelled.stream().map(LabelledSegment::text).toList(), annotator, embedding);
    Coder coder =
        embedding == null
            ? new RuleCoder(codebook)
            : SuggestionCoder.fromCodebook(codebook, annotator, embedding);
    List<LabelledSegment> predicted = new ArrayList<>();
    for (int i = 0; i < labelled.size(); i++) {
      predicted.add(
          new LabelledSegment(
              labelled.get(i).segmentId(),
              labelled.get(i).text(),
              coder.code(segments.get(i)).stream()
                  .map(c -> codebook.path(c.codeId()))
                  .distinct()
                  .toList()));
    }
    return Evaluation.evaluate(labelled, predicted, Evaluation.Level.CODE, codebook);
  }
}
