package org.aet.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.aet.model.Sentence;
import org.aet.model.Span;
import org.aet.model.TextAnnotation;
import org.aet.model.Token;

/**
 * Annotates a transcript a few thousand characters at a time, cut at blank lines, and puts the
 * pieces back together. A blank line always ends a sentence, so the result is the one the whole
 * text would get; but a long file now reports how far it has got (with the slow sentiment model a
 * one-hour hearing takes minutes), and each piece is cached on its own. Every annotation of a
 * transcript's text goes through here, so coding, ranking and exports share cache entries.
 */
public final class Piecewise {
  /** Characters from which a piece is cut at the next blank line. */
  static final int PIECE_CHARACTERS = 5_000;

  private Piecewise() {}

  /**
   * The annotation of {@code text}, made piece by piece.
   *
   * @param charactersDone told the length of each piece once it is annotated
   */
  public static TextAnnotation annotate(
      Annotator annotator, String text, IntConsumer charactersDone) {
    List<Span> pieces = pieces(text, PIECE_CHARACTERS);
    if (pieces.size() == 1) {
      TextAnnotation whole = annotator.annotate(text);
      charactersDone.accept(text.length());
      return whole;
    }
    List<Token> tokens = new ArrayList<>();
    List<Sentence> sentences = new ArrayList<>();
    for (Span piece : pieces) {
      TextAnnotation annotation = annotator.annotate(piece.of(text));
      int offset = piece.begin();
      int firstToken = tokens.size();
      for (Token t : annotation.tokens()) {
        tokens.add(
            new Token(
                t.word(), t.lemma(), t.pos(), shift(t.span(), offset), t.entity(), t.sentiment()));
      }
      for (Sentence s : annotation.sentences()) {
        sentences.add(
            new Sentence(
                shift(s.span(), offset), s.firstToken() + firstToken, s.endToken() + firstToken));
      }
      charactersDone.accept(piece.length());
    }
    return new TextAnnotation(tokens, sentences);
  }

  /** The annotation of {@code text}, made piece by piece, without reporting progress. */
  public static TextAnnotation annotate(Annotator annotator, String text) {
    return annotate(annotator, text, characters -> {});
  }

  /**
   * {@code text} cut into pieces of at least {@code size} characters, each ending just before a
   * blank line (the last one at the end of the text); together they cover the text.
   */
  static List<Span> pieces(String text, int size) {
    List<Span> pieces = new ArrayList<>();
    int begin = 0;
    while (text.length() - begin > size) {
      int cut = text.indexOf("\n\n", begin + size);
      if (cut < 0) {
        break;
      }
      pieces.add(new Span(begin, cut));
      begin = cut;
    }
    pieces.add(new Span(begin, text.length()));
    return pieces;
  }

  private static Span shift(Span span, int offset) {
    return new Span(span.begin() + offset, span.end() + offset);
  }
}
