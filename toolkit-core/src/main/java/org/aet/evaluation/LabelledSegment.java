package org.aet.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * One segment with the codes a coder (person or machine) gave it: the unit shared by training,
 * evaluation and agreement. An empty list means "coded, with nothing", which is a judgement too.
 *
 * @param segmentId the segment's stable id
 * @param text the segment's text
 * @param codes the code paths given ({@code power/reciprocity}), without duplicates
 */
public record LabelledSegment(String segmentId, String text, List<String> codes) {
  public LabelledSegment {
    Objects.requireNonNull(segmentId, "segmentId");
    text = Objects.requireNonNullElse(text, "");
    codes = List.copyOf(new java.util.LinkedHashSet<>(codes));
  }
}
