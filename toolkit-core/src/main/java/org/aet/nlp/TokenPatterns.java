package org.aet.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.util.ArrayList;
import java.util.List;
import org.aet.model.Span;
import org.aet.model.Token;

/**
 * CoreNLP TokensRegex patterns over aet's tokens, for codebook rules that need more than words in a
 * row: a lemma within a few tokens of another, a part of speech, alternatives. For example {@code
 * [{lemma:pay}] []{0,3} [{lemma:/contributor|member|people/}]}. Tokens expose {@code word}, {@code
 * lemma} and {@code tag} (part of speech).
 */
public final class TokenPatterns {
  private TokenPatterns() {}

  /** A compiled pattern; thread-safe to match with. */
  public record Compiled(String source, TokenSequencePattern pattern) {}

  /** Compiles {@code pattern}; see {@link #problemWith} to check it first. */
  public static Compiled compile(String pattern) {
    return new Compiled(pattern, TokenSequencePattern.compile(pattern));
  }

  /**
   * Null when {@code pattern} compiles; otherwise TokensRegex's own complaint, for the codebook's
   * author.
   */
  public static String problemWith(String pattern) {
    try {
      TokenSequencePattern.compile(pattern);
      return null;
    } catch (RuntimeException | Error e) {
      Throwable deepest = e;
      while (deepest.getCause() != null && deepest.getCause() != deepest) {
        deepest = deepest.getCause();
      }
      String message =
          deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
      return message.strip().replaceAll("\\s+", " ");
    }
  }

  /**
   * Where {@code pattern} matches in {@code tokens}: token ranges {@code [begin, end)},
   * non-overlapping.
   */
  public static List<int[]> find(Compiled pattern, List<Token> tokens) {
    List<CoreLabel> labels = new ArrayList<>(tokens.size());
    for (Token token : tokens) {
      CoreLabel label = new CoreLabel();
      label.setWord(token.word());
      label.setValue(token.word());
      label.setOriginalText(token.word());
      label.setLemma(token.lemma());
      label.setTag(token.pos());
      Span span = token.span();
      label.setBeginPosition(span.begin());
      label.setEndPosition(span.end());
      labels.add(label);
    }
    List<int[]> found = new ArrayList<>();
    TokenSequenceMatcher matcher = pattern.pattern().getMatcher(labels);
    while (matcher.find()) {
      if (matcher.end() > matcher.start()) {
        found.add(new int[] {matcher.start(), matcher.end()});
      }
    }
    return found;
  }
}
