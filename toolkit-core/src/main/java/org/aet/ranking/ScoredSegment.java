package org.aet.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.aet.coding.SuggestionCoder;
import org.aet.model.Segment;
import org.aet.model.TextAnnotation;
import org.aet.model.Transcript;
import org.aet.nlp.Annotator;
import org.aet.nlp.Piecewise;
import org.aet.segment.Segmenter;
import org.aet.semantic.WindowEmbedding;

/**
 * A segment as the review loop sees it: its meaning (features) and, per code, what the codebook
 * alone expects of it (the best candidate's estimated precision). The same for ranked rounds on a
 * project and for simulations, so the two cannot drift apart.
 */
public record ScoredSegment(String id, float[] features, Map<String, Double> precisionByCode) {
  /**
   * Annotates, segments and embeds {@code transcripts} and scores every segment {@code keep}
   * accepts; segments without words are left out.
   */
  public static List<ScoredSegment> of(
      List<Transcript> transcripts,
      Annotator annotator,
      Segmenter segmenter,
      WindowEmbedding embedding,
      SuggestionCoder coder,
      Predicate<String> keep) {
    List<ScoredSegment> scored = new ArrayList<>();
    for (Transcript transcript : transcripts) {
      TextAnnotation annotation = Piecewise.annotate(annotator, transcript.text());
      for (Segment segment :
          embedding.embed(
              segmenter.segment(transcript, annotation), annotation, transcript.text())) {
        float[] features = WindowEmbedding.meaning(segment);
        if (features == null || !keep.test(segment.id())) {
          continue;
        }
        Map<String, Double> byCode = new HashMap<>();
        for (SuggestionCoder.Candidate c : coder.candidates(segment)) {
          byCode.merge(c.codeId(), c.estimatedPrecision(), Math::max);
        }
        scored.add(new ScoredSegment(segment.id(), features, byCode));
      }
    }
    return scored;
  }
}
