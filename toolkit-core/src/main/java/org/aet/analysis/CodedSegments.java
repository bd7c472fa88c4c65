package org.aet.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.CodingStatus;
import org.aet.model.Segment;

/**
 * The codes each segment of a transcript got, with every parent of a code counted too (a segment
 * coded "power/reciprocity" is also a "power" segment). Rejected codings do not count: a person
 * said the code does not apply.
 */
public final class CodedSegments {
  private CodedSegments() {}

  /** Each segment of {@code coded}, in order, with its codes and their parents. */
  public static Map<Segment, Set<String>> of(CodedTranscript coded, Codebook codebook) {
    Map<String, Set<String>> bySegment = new HashMap<>();
    for (Coding coding : coded.codings()) {
      if (coding.status() == CodingStatus.REJECTED || !codebook.contains(coding.codeId())) {
        continue;
      }
      bySegment
          .computeIfAbsent(coding.segmentId(), k -> new LinkedHashSet<>())
          .addAll(withParents(codebook, coding.codeId()));
    }
    Map<Segment, Set<String>> result = new LinkedHashMap<>();
    for (Segment segment : coded.segments()) {
      result.put(segment, bySegment.getOrDefault(segment.id(), Set.of()));
    }
    return result;
  }

  /** {@code codeId} and each code above it, the code first. */
  public static List<String> withParents(Codebook codebook, String codeId) {
    List<String> ids = new ArrayList<>();
    for (Code code = codebook.code(codeId); ; code = codebook.code(code.parent())) {
      ids.add(code.id());
      if (code.isTopLevel()) {
        return ids;
      }
    }
  }
}
