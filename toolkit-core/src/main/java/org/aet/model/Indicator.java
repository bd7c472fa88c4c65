package org.aet.model;

import java.util.List;
import org.aet.io.Registry;

/**
 * One linguistic indicator of a segment, computed from its tokens: a count, a density or a score
 * that codebook rules can test ({@code {"name": "acronym_density", "above": 5}}) and exports give a
 * column. Implementations are found through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/org.aet.model.Indicator}); the order there is the column order.
 */
public interface Indicator extends Registry.Named {
  /** The annotation an indicator needs beyond tokens, lemmas and parts of speech. */
  enum Needs {
    /** Words, lemmas and parts of speech: always there, so the indicator is always computed. */
    TOKENS,
    /** Named entities: computed only when asked for. */
    ENTITIES,
    /** Sentiment: computed only when asked for. */
    SENTIMENT
  }

  /** The stable name used in codebook rules and export columns ("acronym_density"). */
  String name();

  /** What it shows, in a sentence, for the codebook documentation and exports. */
  String description();

  /** The annotation it needs. */
  default Needs needs() {
    return Needs.TOKENS;
  }

  /** Its value on {@code tokens}; NaN when the annotation it needs is missing. */
  double compute(List<Token> tokens);

  @Override
  default List<String> names() {
    return List.of(name());
  }
}
