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

  /**
   * This state with each coder's name, and the note, passed through {@code rename}: for a
   * pseudonymised report, where a coder may also be a participant.
   */
  public ReviewState renamed(java.util.function.UnaryOperator<String> rename) {
    Map<String, Integer> byCoder = new java.util.HashMap<>();
    reviewedByCoder.forEach((coder, n) -> byCoder.merge(rename.apply(coder), n, Integer::sum));
    AgreementReport.Report renamedAgreement =
        agreement == null
            ? null
            : new AgreementReport.Report(
                agreement.coders().stream().map(rename).toList(), agreement.rows(), List.of());
    return new ReviewState(segments, reviewed, byCoder, renamedAgreement, rename.apply(note));
  }

  /** The per-code agreement rows, in code order. */
  public List<AgreementReport.Row> codeRows() {
    return agreement == null
        ? List.of()
        : agreement.rows().stream().filter(r -> r.scope() == AgreementReport.Scope.CODE).toList();
  }
}
