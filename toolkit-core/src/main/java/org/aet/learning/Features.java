package org.aet.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import org.aet.model.Token;

/**
 * What a learned model sees of a segment: the lemmas of its words, lower case, in order, each lemma
 * and each pair of neighbouring lemmas a feature, and, when the model reads meaning too, the
 * segment's sentence embedding. Punctuation and the commonest function words ("the", "do", "what")
 * are left out: with the few hundred segments a team codes, a model would otherwise learn from
 * words that say nothing about the codes. One place, so training and coding agree.
 */
final class Features {
  private static final Set<String> STOP =
      Set.of(
          "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
          "from", "as", "be", "do", "have", "it", "this", "that", "these", "those", "there", "what",
          "which", "who", "whom", "how", "when", "where", "why", "so", "then", "than", "too",
          "very", "just", "about", "into", "over", "up", "out", "if", "because", "while", "is",
          "are", "was", "were", "been", "being", "i", "you", "he", "she", "we", "they", "me", "him",
          "her", "us", "them", "my", "your", "his", "its", "our", "their", "one", "all", "some",
          "any", "each", "other", "more", "most", "such", "can", "will", "would", "could", "should",
          "may", "might", "must", "shall", "also", "yes", "well", "oh", "um", "uh", "okay", "ok");

  /** The token before a segment's lemmas, always present: it acts as the model's intercept. */
  private static final String ALWAYS = "_always_";

  private static final FeatureGenerator[] GENERATORS = {
    new BagOfWordsFeatureGenerator(), lemmaPairs()
  };

  private Features() {}

  /**
   * A segment as a model's input: OpenNLP predicates ("bow=pay", "ng=pay:fee", named as OpenNLP's
   * document categoriser names them, so models of either kind read alike) and, with a {@code
   * meaning}, one predicate per dimension of it whose value is that dimension, unscaled, as the
   * review ranking reads it (the embedding is a unit vector, so its dimensions are small and the
   * penalty keeps a few hundred segments from being learnt by their meaning alone).
   *
   * @param meaning the segment's sentence embedding (a unit vector), or null
   * @return the predicates, and their values (null when there is no meaning: all are 1)
   */
  static Context context(List<String> lemmas, float[] meaning) {
    String[] tokens = new String[lemmas.size() + 1];
    tokens[0] = ALWAYS;
    for (int i = 0; i < lemmas.size(); i++) {
      tokens[i + 1] = lemmas.get(i);
    }
    List<String> predicates = new ArrayList<>();
    for (FeatureGenerator generator : GENERATORS) {
      predicates.addAll(generator.extractFeatures(tokens, Map.of()));
    }
    if (meaning == null) {
      return new Context(predicates.toArray(new String[0]), null);
    }
    int words = predicates.size();
    float[] values = new float[words + meaning.length];
    java.util.Arrays.fill(values, 0, words, 1f);
    for (int i = 0; i < meaning.length; i++) {
      predicates.add(MEANING + i);
      values[words + i] = meaning[i];
    }
    return new Context(predicates.toArray(new String[0]), values);
  }

  /** The prefix of the predicates that carry the sentence embedding. */
  static final String MEANING = "meaning=";

  private static FeatureGenerator lemmaPairs() {
    try {
      return new NGramFeatureGenerator(2, 2);
    } catch (opennlp.tools.util.InvalidFormatException e) {
      throw new IllegalStateException("OpenNLP refuses pairs of words", e);
    }
  }

  /** A model's input: predicates and, when not all are 1, their values. */
  record Context(String[] predicates, float[] values) {}

  /** The lemmas of {@code tokens} that are words. */
  static List<String> lemmas(List<Token> tokens) {
    List<String> lemmas = new ArrayList<>(tokens.size());
    for (Token token : tokens) {
      if (Character.isLetterOrDigit(token.word().codePointAt(0)) && !STOP.contains(token.lemma())) {
        lemmas.add(token.lemma());
      }
    }
    return lemmas;
  }

  /** The tokens whose lemma is {@code lemma}: where a feature stands in the text. */
  static List<Token> tokensWith(List<Token> tokens, String lemma) {
    return tokens.stream().filter(t -> t.lemma().equals(lemma)).toList();
  }
}
