package org.aet.model;

import java.util.List;
import java.util.Objects;

/** A transcript cut into segments, with the codings made on them: what exporters write. */
public record CodedTranscript(Transcript transcript, List<Segment> segments, List<Coding> codings) {
  public CodedTranscript {
    Objects.requireNonNull(transcript, "transcript");
    segments = List.copyOf(segments);
    codings = List.copyOf(codings);
  }
}
