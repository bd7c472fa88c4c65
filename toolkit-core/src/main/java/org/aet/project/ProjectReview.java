package org.aet.project;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.AgreementReport;
import org.aet.report.ReviewState;

/** Where a project's review stands, for the report: who reviewed how much, and their agreement. */
public final class ProjectReview {
  private ProjectReview() {}

  /**
   * The review state of {@code store}: segments of the latest coding run, those with a person's
   * decision, per coder, and the agreement of every coder who decided on segments (when two or more
   * did).
   */
  public static ReviewState of(ProjectStore store) throws AetException {
    Set<String> segments = new HashSet<>();
    store.segments(store.latestRun().unit()).forEach(s -> segments.add(s.id()));
    Set<String> reviewed = new HashSet<>();
    Map<String, Set<String>> byCoder = new HashMap<>();
    for (ProjectStore.Decision d : store.latestDecisions()) {
      if (d.kind() == DecisionKind.REVIEW && d.isCoding() && segments.contains(d.segmentId())) {
        reviewed.add(d.segmentId());
        byCoder.computeIfAbsent(d.coder(), k -> new HashSet<>()).add(d.segmentId());
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    byCoder.forEach((coder, ids) -> counts.put(coder, ids.size()));
    List<String> coders = List.copyOf(new TreeSet<>(byCoder.keySet()));
    AgreementReport.Report agreement = null;
    String note = "";
    if (coders.size() >= 2) {
      agreement = ProjectAgreement.compute(store, coders);
    } else {
      note =
          coders.isEmpty()
              ? "No one has reviewed segments yet, so there is no agreement to show."
              : "Only "
                  + coders.get(0)
                  + " has reviewed segments: agreement needs a second coder on the same segments"
                  + " (aet review export study.aet --coder NAME).";
    }
    return new ReviewState(segments.size(), reviewed.size(), counts, agreement, note);
  }
}
