package org.aet.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aet.model.Span;
import org.aet.model.Token;

/**
 * Recognises the talk that runs a meeting rather than discusses anything: standing orders,
 * declarations of interest, apologies, broadcasting and translation notices, moving to the next
 * item, going into private session. Committee hearings, board meetings and recorded interviews all
 * open and close with it, and its words ("the public are excluded", "I acknowledge", "the record")
 * look like codes' words without meaning them.
 */
final class ProceduralTalk {
  /** Tokens that end a sentence. */
  static final Set<String> SENTENCE_ENDS = Set.of(".", "!", "?");

  private static final List<Term> MARKERS =
      List.of(
              "standing order",
              "declaration of interest",
              "apology for absence",
              "apology from",
              "private session",
              "in private",
              "record of proceedings",
              "simultaneous translation",
              "simultaneous interpretation",
              "broadcast live",
              "be broadcast",
              "next item",
              "move on to item",
              "paper to note",
              "exclude the public",
              "public be exclude",
              "for the record",
              "temporarily chair",
              "the meeting be bilingual",
              "honourable member",
              "honourable colleague",
              "honourable friend",
              "point of order")
          .stream()
          .map(m -> Term.of(m, "procedural", 0.5))
          .toList();

  private ProceduralTalk() {}

  /** The spans of the sentences of {@code tokens} that hold a procedural marker. */
  static List<Span> sentences(List<Token> tokens) {
    List<Span> procedural = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < tokens.size(); i++) {
      boolean last = i == tokens.size() - 1;
      if (SENTENCE_ENDS.contains(tokens.get(i).word()) || last) {
        if (hasMarker(tokens, start, i + 1)) {
          procedural.add(new Span(tokens.get(start).span().begin(), tokens.get(i).span().end()));
        }
        start = i + 1;
      }
    }
    return procedural;
  }

  /** True when {@code span} starts inside one of {@code sentences}. */
  static boolean within(Span span, List<Span> sentences) {
    for (Span sentence : sentences) {
      if (span.begin() >= sentence.begin() && span.begin() < sentence.end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasMarker(List<Token> tokens, int from, int to) {
    List<Token> sentence = tokens.subList(from, to);
    for (int i = 0; i < sentence.size(); i++) {
      for (Term marker : MARKERS) {
        if (marker.matchAt(sentence, i) > 0) {
          return true;
        }
      }
    }
    return false;
  }
}
