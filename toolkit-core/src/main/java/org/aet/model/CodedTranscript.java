package org.aet.model;

import java.util.List;
import java.util.Objects;

/**
 * A transcript cut into segments, with the codings made on them and, for people's decisions, their
 * reviews (who decided each segment, memos): what exporters write.
 */
public record CodedTranscript(
    Transcript transcript, List<Segment> segments, List<Coding> codings, List<Review> reviews) {
  public CodedTranscript {
    Objects.requireNonNull(transcript, "transcript");
    segments = List.copyOf(segments);
    codings = List.copyOf(codings);
    reviews = List.copyOf(reviews);
  }

  /** A transcript coded by the machine: nobody has reviewed it. */
  public CodedTranscript(Transcript transcript, List<Segment> segments, List<Coding> codings) {
    this(transcript, segments, codings, List.of());
  }
}
