package org.aet.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aet.model.Token;

/**
 * What a learned model sees of a segment: the lemmas of its words, lower case, in order (OpenNLP
 * then adds the pairs of neighbouring lemmas). Punctuation and the commonest function words ("the",
 * "do", "what") are left out: with the few hundred segments a team codes, a model would otherwise
 * learn from words that say nothing about the codes. One place, so training and coding agree.
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

  private Features() {}

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
