package org.aet.indicators;

import java.util.List;
import org.aet.model.Indicator;
import org.aet.model.Token;

/**
 * Phrases of practice over principle: in practice, in reality, realistically, pragmatically, on the
 * ground, actually.
 */
public final class PracticePhrases implements Indicator {
  private static final List<List<String>> PHRASES =
      List.of(
          List.of("in", "practice"),
          List.of("in", "reality"),
          List.of("realistically"),
          List.of("pragmatically"),
          List.of("on", "the", "ground"),
          List.of("actually"));

  private static boolean startsAt(List<Token> tokens, int at, List<String> phrase) {
    if (at + phrase.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < phrase.size(); k++) {
      if (!tokens.get(at + k).word().equalsIgnoreCase(phrase.get(k))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String name() {
    return "practice_phrases";
  }

  @Override
  public String description() {
    return "Phrases of practice over principle: in practice, in reality, realistically, pragmatically, on the ground, actually.";
  }

  @Override
  public double compute(List<Token> tokens) {
    int count = 0;
    for (int i = 0; i < tokens.size(); i++) {
      for (List<String> phrase : PHRASES) {
        if (startsAt(tokens, i, phrase)) {
          count++;
        }
      }
    }
    return count;
  }
}
