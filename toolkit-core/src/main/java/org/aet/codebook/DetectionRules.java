package org.aet.codebook;

import java.util.List;
import java.util.Objects;

/**
 * How the rule coder finds a code in a segment. All matching is on lower-case lemmas or words, so
 * "Leaders led" matches the lemmas "leader" and "lead".
 *
 * @param lemmas single words, matched on a token's lemma or its written form; a trailing {@code *}
 *     matches any ending ("collaborat*")
 * @param phrases several words in a row, each matched like a lemma ("tick box", "in practice")
 * @param patterns CoreNLP TokensRegex patterns over tokens' word, lemma and part of speech, for
 *     what words alone cannot say: {@code [{lemma:pay}] []{0,3} [{lemma:/contributor|member/}]}
 * @param exclude lemmas or phrases that, when present in the segment, stop the code from being
 *     suggested
 * @param roles speaker roles the code is limited to ("senior leader"); empty for every speaker
 * @param negationWindow how many tokens before a match are searched for a negation ("not", "never",
 *     "no", ...) that cancels it; 0 turns negation handling off
 * @param weights how much one distinct lemma, phrase and pattern match adds to the confidence
 * @param indicators conditions on the segment's linguistic indicators that suggest the code, such
 *     as acronym density above 5 per 100 words (see {@link org.aet.model.Indicators})
 */
public record DetectionRules(
    List<String> lemmas,
    List<String> phrases,
    List<String> patterns,
    List<String> exclude,
    List<String> roles,
    int negationWindow,
    Weights weights,
    List<IndicatorCondition> indicators) {

  public static final int DEFAULT_NEGATION_WINDOW = 3;
  public static final DetectionRules NONE =
      new DetectionRules(
          List.of(), List.of(), List.of(), List.of(), List.of(), 0, Weights.DEFAULT, List.of());

  /**
   * A condition on one indicator: it holds when the value is above {@code above} and below {@code
   * below} (either may be null, not both).
   */
  public record IndicatorCondition(String name, Double above, Double below) {
    public IndicatorCondition {
      Objects.requireNonNull(name, "name");
      if (above == null && below == null) {
        throw new IllegalArgumentException("an indicator condition needs above or below");
      }
    }

    public boolean holds(double value) {
      return (above == null || value > above) && (below == null || value < below);
    }

    /** {@code acronym_density above 5}, as evidence reads. */
    public String describe() {
      String bounds =
          (above == null ? "" : "above " + number(above))
              + (above != null && below != null ? " and " : "")
              + (below == null ? "" : "below " + number(below));
      return name + " " + bounds;
    }

    private static String number(double value) {
      return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
  }

  /**
   * The confidence one distinct match of each kind adds, combined as independent evidence: {@code 1
   * - (1 - w1)(1 - w2)...}.
   */
  public record Weights(double lemma, double phrase, double pattern) {
    public static final Weights DEFAULT = new Weights(0.35, 0.6, 0.6);

    public Weights {
      for (double w : new double[] {lemma, phrase, pattern}) {
        if (!(w > 0 && w < 1)) {
          throw new IllegalArgumentException("a weight must be above 0 and below 1: " + w);
        }
      }
    }
  }

  public DetectionRules {
    lemmas = List.copyOf(lemmas);
    phrases = List.copyOf(phrases);
    patterns = List.copyOf(patterns);
    exclude = List.copyOf(exclude);
    roles = List.copyOf(roles);
    if (negationWindow < 0) {
      throw new IllegalArgumentException("negation window must not be negative: " + negationWindow);
    }
    Objects.requireNonNull(weights, "weights");
    indicators = List.copyOf(indicators);
  }

  /** Rules with only lemmas and phrases, default negation and weights: the common case. */
  public static DetectionRules of(List<String> lemmas, List<String> phrases) {
    return new DetectionRules(
        lemmas,
        phrases,
        List.of(),
        List.of(),
        List.of(),
        DEFAULT_NEGATION_WINDOW,
        Weights.DEFAULT,
        List.of());
  }

  public boolean isEmpty() {
    return lemmas.isEmpty() && phrases.isEmpty() && patterns.isEmpty() && indicators.isEmpty();
  }
}
