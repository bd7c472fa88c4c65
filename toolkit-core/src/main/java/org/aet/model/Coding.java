package org.aet.model;

import java.util.List;
import java.util.Objects;

/**
 * A code applied to a segment, with its provenance.
 *
 * @param segmentId the segment coded
 * @param codeId the code applied
 * @param source who or what applied it: a {@link CodingSource}'s label, or a coder's name
 * @param confidence how sure the source is, from 0 to 1 (1 for a person's decision)
 * @param evidence what triggered it, with spans into the transcript text
 * @param status where it stands in review
 * @param codebookVersion the content hash of the codebook it was made against
 * @param memo what the coder wrote about it (empty for the machine's suggestions)
 */
public record Coding(
    String segmentId,
    String codeId,
    String source,
    double confidence,
    List<Evidence> evidence,
    CodingStatus status,
    String codebookVersion,
    String memo) {

  public Coding {
    Objects.requireNonNull(segmentId, "segmentId");
    Objects.requireNonNull(codeId, "codeId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(codebookVersion, "codebookVersion");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence);
    }
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(memo, "memo");
  }

  /** A coding without a memo, as every machine suggestion is. */
  public Coding(
      String segmentId,
      String codeId,
      String source,
      double confidence,
      List<Evidence> evidence,
      CodingStatus status,
      String codebookVersion) {
    this(segmentId, codeId, source, confidence, evidence, status, codebookVersion, "");
  }
}
