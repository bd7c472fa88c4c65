package org.aet.model;

import java.util.Objects;

/**
 * Why a code was suggested: the words that triggered it, where they stand, and the rule they
 * matched.
 *
 * @param text the matched words, exactly as written
 * @param span where they stand in the transcript text
 * @param rule the rule in readable form, for example {@code lemma "tokenistic"} or {@code phrase
 *     "tick box"}
 */
public record Evidence(String text, Span span, String rule) {
  public Evidence {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(rule, "rule");
  }

  /** {@code "matched words" (rule)}, the form shown in exports. */
  public String describe() {
    return text.isEmpty() ? "(" + rule + ")" : "\"" + text + "\" (" + rule + ")";
  }
}
