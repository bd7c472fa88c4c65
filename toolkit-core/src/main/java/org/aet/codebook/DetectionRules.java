package org.aet.codebook;

import java.util.List;

/**
 * How the rule coder finds a code in a segment. All matching is on lower-case lemmas or words, so "Leaders led"
 * matches the lemmas "leader" and "lead".
 *
 * @param lemmas single words, matched on a token's lemma or its written form; a trailing {@code *} matches any
 *     ending ("collaborat*")
 * @param phrases several words in a row, each matched like a lemma ("tick box", "in practice")
 * @param exclude lemmas or phrases that, when present in the segment, stop the code from being suggested
 * @param negationWindow how many tokens before a match are searched for a negation ("not", "never", "no", ...)
 *     that cancels it; 0 turns negation handling off
 */
public record DetectionRules(
    List<String> lemmas, List<String> phrases, List<String> exclude, int negationWindow) {

  public static final int DEFAULT_NEGATION_WINDOW = 3;
  public static final DetectionRules NONE = new DetectionRules(List.of(), List.of(), List.of(), 0);

  public DetectionRules {
    lemmas = List.copyOf(lemmas);
    phrases = List.copyOf(phrases);
    exclude = List.copyOf(exclude);
    if (negationWindow < 0) {
      throw new IllegalArgumentException("negation window must not be negative: " + negationWindow);
    }
  }

  public boolean isEmpty() {
    return lemmas.isEmpty() && phrases.isEmpty();
  }
}
