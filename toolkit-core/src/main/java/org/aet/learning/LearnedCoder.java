package org.aet.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.MaxentModel;
import org.aet.codebook.Codebook;
import org.aet.coding.Coder;
import org.aet.coding.SuggestionCoder;
import org.aet.model.Coding;
import org.aet.model.CodingSource;
import org.aet.model.CodingStatus;
import org.aet.model.Evidence;
import org.aet.model.Segment;
import org.aet.model.Token;
import org.aet.semantic.WindowEmbedding;

/**
 * Suggests codes with a {@link LearnedModel}: for each code it has a model for, the probability
 * that a segment gets it. At or above the threshold (the code's own, chosen by cross-validation
 * when the model was trained, unless one is given for all codes), and with a confidence at or above
 * the floor, it is a suggestion (source "learned", status "suggested"). The confidence is the
 * precision observed at that probability on transcripts held out in training ({@link
 * LearnedModel#confidence}), not the probability, which is far too high on new talk. Its evidence
 * is the words that matter most to the model for this segment: those whose removal lowers the
 * probability most, so a reviewer sees what the model is responding to. When no single word stands
 * out (the probability comes from the segment as a whole), the evidence says so: a confident
 * suggestion is never dropped for want of words.
 */
public final class LearnedCoder implements Coder {
  private static final int EVIDENCE_WORDS = 3;

  private final LearnedModel model;
  private final Codebook codebook;
  private final Double threshold;
  private final ReviewQueue queue;
  private final double floor;

  /**
   * A coder with the default floor ({@link SuggestionCoder#DEFAULT_FLOOR}).
   *
   * @param threshold the probability from which every code is suggested, or null for each code's
   *     own threshold, chosen when the model was trained ({@link LearnedModel#threshold})
   * @param queue collects every probability for ranking by uncertainty, or null
   */
  public LearnedCoder(LearnedModel model, Codebook codebook, Double threshold, ReviewQueue queue) {
    this(model, codebook, threshold, queue, SuggestionCoder.DEFAULT_FLOOR);
  }

  /**
   * @param threshold the probability from which every code is suggested, or null for each code's
   *     own threshold, chosen when the model was trained ({@link LearnedModel#threshold})
   * @param queue collects every probability for ranking by uncertainty, or null
   * @param floor with each code's own threshold, a suggestion also needs its confidence (the
   *     precision observed at its probability on held-out transcripts) to reach this
   */
  public LearnedCoder(
      LearnedModel model, Codebook codebook, Double threshold, ReviewQueue queue, double floor) {
    if (threshold != null && !(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "the threshold must be above 0 and at most 1: " + threshold);
    }
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("the floor must be between 0 and 1: " + floor);
    }
    this.model = model;
    this.codebook = codebook;
    this.threshold = threshold;
    this.queue = queue;
    this.floor = floor;
  }

  /** The model this coder suggests from. */
  public LearnedModel model() {
    return model;
  }

  /** The model's code paths that the codebook does not have: they cannot be suggested. */
  public List<String> codesMissingFromCodebook() {
    return model.models().keySet().stream()
        .filter(p -> Trainer.pathOf(codebook, p) == null)
        .toList();
  }

  /**
   * The model's probability of each code it has a model for, by the codebook's path, for {@code
   * segment}, whether or not it makes a suggestion (codes the codebook lacks are left out).
   */
  public Map<String, Double> probabilities(Segment segment) {
    float[] meaning = model.readsMeaning() ? WindowEmbedding.meaning(segment) : null;
    Features.Context context = Features.context(Features.lemmas(segment.tokens()), meaning);
    Map<String, Double> probabilities = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, MaxentModel> entry : model.models().entrySet()) {
      String path = Trainer.pathOf(codebook, entry.getKey());
      if (path != null) {
        probabilities.put(path, Trainer.probability(entry.getValue(), context));
      }
    }
    return probabilities;
  }

  /**
   * Whether the probability {@code p} of the model's code {@code path} makes a suggestion: at or
   * above the threshold given for every code; else at or above the code's own threshold with a
   * confidence ({@link LearnedModel#confidence}) at or above the floor.
   */
  public boolean suggests(String path, double p) {
    return threshold != null
        ? p >= threshold
        : p >= model.threshold(path) && model.confidence(path, p) >= floor;
  }

  @Override
  public List<Coding> code(Segment segment) {
    List<String> features = Features.lemmas(segment.tokens());
    float[] meaning = model.readsMeaning() ? WindowEmbedding.meaning(segment) : null;
    Features.Context context = Features.context(features, meaning);
    List<Coding> codings = new ArrayList<>();
    for (Map.Entry<String, MaxentModel> entry : model.models().entrySet()) {
      String path = Trainer.pathOf(codebook, entry.getKey());
      if (path == null) {
        continue;
      }
      MaxentModel categorizer = entry.getValue();
      double p = Trainer.probability(categorizer, context);
      String codeId = path.substring(path.lastIndexOf('/') + 1);
      if (queue != null) {
        queue.add(segment, path, p);
      }
      if (suggests(entry.getKey(), p)) {
        List<Evidence> evidence = evidence(categorizer, segment, features, meaning, p);
        if (evidence.isEmpty()) {
          evidence =
              List.of(
                  new Evidence(
                      "",
                      new org.aet.model.Span(segment.span().begin(), segment.span().begin()),
                      model.readsMeaning()
                          ? "learned: no single word stands out; the segment's meaning as a"
                              + " whole"
                          : "learned: no single word stands out; the segment as a whole"));
        }
        codings.add(
            new Coding(
                segment.id(),
                codeId,
                CodingSource.LEARNED.label(),
                Math.round(model.confidence(entry.getKey(), p) * 1000) / 1000.0,
                evidence,
                CodingStatus.SUGGESTED,
                codebook.version()));
      }
    }
    return codings;
  }

  private static List<Evidence> evidence(
      MaxentModel categorizer, Segment segment, List<String> features, float[] meaning, double p) {
    record Weight(String lemma, double drop) {}
    List<Weight> weights = new ArrayList<>();
    for (String lemma : new LinkedHashSet<>(features)) {
      List<String> without = features.stream().filter(f -> !f.equals(lemma)).toList();
      double drop = p - Trainer.probability(categorizer, Features.context(without, meaning));
      if (drop > 0.001) {
        weights.add(new Weight(lemma, drop));
      }
    }
    weights.sort(Comparator.comparingDouble(Weight::drop).reversed().thenComparing(Weight::lemma));
    List<Evidence> evidence = new ArrayList<>();
    for (Weight weight : weights.subList(0, Math.min(EVIDENCE_WORDS, weights.size()))) {
      for (Token token : Features.tokensWith(segment.tokens(), weight.lemma())) {
        String text =
            segment
                .text()
                .substring(
                    token.span().begin() - segment.span().begin(),
                    token.span().end() - segment.span().begin());
        evidence.add(
            new Evidence(
                text,
                token.span(),
                String.format(
                    java.util.Locale.ROOT,
                    "learned word \"%s\", +%.2f",
                    weight.lemma(),
                    weight.drop())));
        break;
      }
    }
    return evidence;
  }
}
