package org.aet.analysis;

import java.time.Duration;
import java.util.List;
import org.aet.model.Span;

/**
 * A coded segment shown as an example of its code: who said it, where, and which words were the
 * evidence.
 *
 * @param segmentId the segment's id, as in every export
 * @param caseName the transcript's case, or ""
 * @param speaker who spoke
 * @param role the speaker's role, or ""
 * @param start when the segment starts in the recording, or null
 * @param text the segment's text
 * @param evidence where the evidence words are in {@code text}, in order, not overlapping
 * @param confidence the coding's confidence, from 0 to 1
 * @param source what made the coding (rule, learned, a coder's name)
 */
public record Quote(
    String segmentId,
    String caseName,
    String speaker,
    String role,
    Duration start,
    String text,
    List<Span> evidence,
    double confidence,
    String source) {
  public Quote {
    evidence = List.copyOf(evidence);
  }
}
