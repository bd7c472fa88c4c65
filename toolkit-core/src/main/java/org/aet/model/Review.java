package org.aet.model;

import java.util.Objects;

/**
 * A person's word on a segment that its codings alone cannot carry: that they decided it (so a
 * decided segment without codes means "no code applies", not "not reviewed"), and their memo,
 * written with a decision or on its own.
 *
 * @param segmentId the segment reviewed
 * @param reviewer the coder's name, or "consensus" for the team's
 * @param decided whether they decided which codes apply (false: a memo only)
 * @param memo what they wrote (empty for none)
 */
public record Review(String segmentId, String reviewer, boolean decided, String memo) {
  public Review {
    Objects.requireNonNull(segmentId, "segmentId");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(memo, "memo");
  }
}
