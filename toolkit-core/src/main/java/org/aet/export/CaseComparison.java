package org.aet.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;

/**
 * How often each code occurs in each case (for example each partnership): the number of segments
 * that got the code, or for a parent code any of its children, by any source. Counting segments
 * rather than codings keeps cases comparable when one transcript has more suggestions per segment
 * than another; shares of each case's segments make cases of different length comparable.
 */
final class CaseComparison {
  /** The label for transcripts without a case. */
  static final String NO_CASE = "(no case)";

  /** One code's counts per case; the totals row has an empty path. */
  record Row(String path, String name, Map<String, Integer> counts) {}

  private final Codebook codebook;
  private final Map<String, Integer> segmentsByCase = new LinkedHashMap<>();
  private final Map<String, Map<String, Integer>> countsByCode = new HashMap<>();

  CaseComparison(Codebook codebook) {
    this.codebook = codebook;
  }

  void add(CodedTranscript coded) {
    String caseName =
        coded.transcript().caseName().isEmpty() ? NO_CASE : coded.transcript().caseName();
    segmentsByCase.merge(caseName, coded.segments().size(), Integer::sum);
    Map<String, Set<String>> codesBySegment = new HashMap<>();
    for (Coding coding : coded.codings()) {
      Set<String> codes = codesBySegment.computeIfAbsent(coding.segmentId(), k -> new HashSet<>());
      for (Code code = codebook.code(coding.codeId()); ; code = codebook.code(code.parent())) {
        codes.add(code.id());
        if (code.isTopLevel()) {
          break;
        }
      }
    }
    for (Set<String> codes : codesBySegment.values()) {
      for (String id : codes) {
        countsByCode.computeIfAbsent(id, k -> new HashMap<>()).merge(caseName, 1, Integer::sum);
      }
    }
  }

  /** The cases, in order of first appearance. */
  List<String> cases() {
    return List.copyOf(segmentsByCase.keySet());
  }

  /** A row per code in codebook order, then the segments per case. */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Code code : codebook.codes()) {
      String indent = "  ".repeat(codebook.depth(code.id()));
      rows.add(
          new Row(
              codebook.path(code.id()),
              indent + code.name(),
              countsByCode.getOrDefault(code.id(), Map.of())));
    }
    rows.add(new Row("", "Segments in the case", segmentsByCase));
    return rows;
  }

  /** The share of {@code caseName}'s segments in {@code row}, from 0 to 1. */
  double share(Row row, String caseName) {
    int total = segmentsByCase.getOrDefault(caseName, 0);
    return total == 0 ? 0 : row.counts().getOrDefault(caseName, 0) / (double) total;
  }

  /** The columns of the comparison sheet: the code, then a count and a share per case. */
  List<CodingTable.Column<Row>> columns() {
    List<CodingTable.Column<Row>> columns = new ArrayList<>();
    columns.add(new CodingTable.Column<>("path", "Code path", 30, false, Row::path));
    columns.add(new CodingTable.Column<>("name", "Code", 36, false, Row::name));
    for (String caseName : cases()) {
      columns.add(
          new CodingTable.Column<>(
              caseName,
              caseName,
              Math.max(10, caseName.length() + 3),
              false,
              r -> r.counts().getOrDefault(caseName, 0)));
    }
    for (String caseName : cases()) {
      columns.add(
          new CodingTable.Column<>(
              caseName + " share",
              caseName + " share",
              Math.max(12, caseName.length() + 9),
              false,
              r -> r.path().isEmpty() ? "" : (Object) share(r, caseName)));
    }
    return columns;
  }
}
