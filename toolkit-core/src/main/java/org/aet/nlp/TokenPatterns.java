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
      return plain(pattern, message.strip().replaceAll("\\s+", " "));
    }
  }

  private static final java.util.regex.Pattern PARSER_POSITION =
      java.util.regex.Pattern.compile("(?:Encountered|Lexical error).*?line \\d+, column (\\d+)");

  /**
   * The TokensRegex parser's complaint said for a codebook's author: where in the pattern it
   * stopped, with the pattern marked there, and the usual causes.
   */
  static String plain(String pattern, String message) {
    java.util.regex.Matcher at = PARSER_POSITION.matcher(message);
    if (at.find()) {
      int column = Math.min(Integer.parseInt(at.group(1)), pattern.length() + 1);
      String ending = message.contains("<EOF>") ? "the pattern ends too early" : "it cannot go on";
      String expected =
          message.contains("\":\"") && message.contains("<IDENTIFIER>")
              ? "; a token is written [{attribute:value}], with a colon, such as [{lemma:pay}]"
              : message.contains("\"]\"")
                  ? "; a [ is not closed by its ]"
                  : "; check that every [ has its ], every { its } and every ( its )";
      return "at character "
          + column
          + " of the pattern ("
          + pattern.substring(0, Math.min(column - 1, pattern.length()))
          + " >>here<< "
          + pattern.substring(Math.min(column - 1, pattern.length()))
          + ") "
          + ending
          + expected;
    }
    if (message.startsWith("Unclosed group") || message.contains("near index")) {
      return "a /regular expression/ inside the pattern is not valid (" + message + ")";
    }
    return message;
  }

  /** A repeated group that itself repeats something: {@code (a+)+}, {@code (.*a){25}}. */
  private static final java.util.regex.Pattern NESTED_REPETITION =
      java.util.regex.Pattern.compile(
          "\\([^()]*(?:[*+]|\\{\\d*,?\\d*\\})[^()]*\\)\\s*(?:[*+]|\\{)");

  /** A token wildcard repeated without a bound: {@code []*}, {@code []+}. */
  private static final java.util.regex.Pattern UNBOUNDED_WILDCARD =
      java.util.regex.Pattern.compile("\\[\\s*\\]\\s*[*+]");

  /**
   * Null when {@code pattern} has no shape known to make matching slow; otherwise what to change.
   * Checked by {@code aet codebook validate}: a pattern that repeats a repetition can take longer
   * than the age of the universe on one long word, and matching stops it after a time budget.
   */
  public static String riskOf(String pattern) {
    if (NESTED_REPETITION.matcher(pattern).find()) {
      return "it repeats a group that itself repeats (such as (.*a){25} or ( []* )*), which can"
          + " make matching take very long; repeat single items, with a bound such as {0,3}";
    }
    if (UNBOUNDED_WILDCARD.matcher(pattern).find()) {
      return "[]* or []+ lets the pattern span a whole segment; bound it, such as []{0,5}";
    }
    return null;
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
