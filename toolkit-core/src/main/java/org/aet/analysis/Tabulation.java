package org.aet.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aet.codebook.Codebook;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.CodingStatus;
import org.aet.model.Segment;

/**
 * Everything counted from a stream of coded transcripts, in one pass: the code tables by case and
 * by role, co-occurrence, exemplar quotes, and how many codings stand where in review.
 */
public final class Tabulation {
  private final Codebook codebook;
  private final CodeTable byCase = CodeTable.byCase();
  private final CodeTable byRole = CodeTable.byRole();
  private final CoOccurrence coOccurrence = new CoOccurrence();
  private final Exemplars exemplars;
  private final Map<CodingStatus, Integer> byStatus = new EnumMap<>(CodingStatus.class);
  private final Map<String, Integer> bySource = new TreeMap<>();
  private int transcripts;

  /**
   * A tabulation against {@code codebook}, keeping up to {@code quotes} quotes per code and case.
   */
  public Tabulation(Codebook codebook, int quotes) {
    this.codebook = codebook;
    this.exemplars = new Exemplars(quotes);
  }

  /** Counts {@code coded}. */
  public void add(CodedTranscript coded) {
    transcripts++;
    Map<String, Map<String, List<Coding>>> bySegmentAndCode = new LinkedHashMap<>();
    for (Coding coding : coded.codings()) {
      byStatus.merge(coding.status(), 1, Integer::sum);
      bySource.merge(coding.source(), 1, Integer::sum);
      if (coding.status() != CodingStatus.REJECTED && codebook.contains(coding.codeId())) {
        bySegmentAndCode
            .computeIfAbsent(coding.segmentId(), k -> new LinkedHashMap<>())
            .computeIfAbsent(coding.codeId(), k -> new ArrayList<>())
            .add(coding);
      }
    }
    for (Map.Entry<Segment, Set<String>> entry : CodedSegments.of(coded, codebook).entrySet()) {
      Segment segment = entry.getKey();
      byCase.add(coded.transcript(), segment, entry.getValue());
      byRole.add(coded.transcript(), segment, entry.getValue());
      coOccurrence.add(entry.getValue());
      bySegmentAndCode
          .getOrDefault(segment.id(), Map.of())
          .forEach((code, codings) -> exemplars.add(coded.transcript(), segment, code, codings));
    }
  }

  public Codebook codebook() {
    return codebook;
  }

  public CodeTable byCase() {
    return byCase;
  }

  public CodeTable byRole() {
    return byRole;
  }

  public CoOccurrence coOccurrence() {
    return coOccurrence;
  }

  public Exemplars exemplars() {
    return exemplars;
  }

  public int transcripts() {
    return transcripts;
  }

  /** How many codings have each status (rejected ones included). */
  public Map<CodingStatus, Integer> byStatus() {
    return Map.copyOf(byStatus);
  }

  /** How many codings came from each source (rule, learned, a coder's name). */
  public Map<String, Integer> bySource() {
    return Map.copyOf(bySource);
  }
}
