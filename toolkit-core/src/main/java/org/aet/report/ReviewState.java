package org.aet.report;

import java.util.List;
import java.util.Map;
import org.aet.evaluation.AgreementReport;

/**
 * Where a project's review stands, for the report: how many segments people have reviewed, by whom,
 * and how far the coders agree per code.
 *
 * @param segments the segments of the latest coding run
 * @param reviewed the segments at least one person has decided on
 * @param reviewedByCoder the segments each coder decided on
 * @param agreement agreement between the human coders (empty with fewer than two)
 * @param note what the reader should know about the agreement figures, or ""
 */
public record ReviewState(
    int segments,
    int reviewed,
    Map<String, Integer> reviewedByCoder,
    AgreementReport.Report agreement,
    String note) {
  public ReviewState {
    reviewedByCoder = Map.copyOf(reviewedByCoder);
  }

  /** The per-code agreement rows, in code order. */
  public List<AgreementReport.Row> codeRows() {
    return agreement == null
        ? List.of()
        : agreement.rows().stream().filter(r -> r.scope().equals("code")).toList();
  }
}
