package org.aet.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.AgreementReport;

/** The coders of a project, as the agreement report needs them. */
public final class ProjectAgreement {
  /** The name that stands for the machine's latest suggestions. */
  public static final String MACHINE = "machine";

  /** The name under which the team's agreed codes are recorded. */
  public static final String CONSENSUS = "consensus";

  private ProjectAgreement() {}

  /**
   * Agreement between {@code coders} (their latest review decisions; "machine" for the latest
   * suggestions) over the project's segments.
   */
  public static AgreementReport.Report compute(ProjectStore store, List<String> coders)
      throws AetException {
    List<AgreementReport.Unit> units = new ArrayList<>();
    for (ProjectStore.StoredSegment s : store.segments(store.latestRun().unit())) {
      units.add(new AgreementReport.Unit(s.id(), s.transcriptId(), s.speaker(), s.text()));
    }
    List<ProjectStore.Decision> decisions = store.latestDecisions();
    List<AgreementReport.CoderLabels> labels = new ArrayList<>();
    for (String coder : coders) {
      Map<String, List<String>> codes = new HashMap<>();
      Map<String, String> memos = new HashMap<>();
      if (coder.equals(MACHINE)) {
        Map<String, List<String>> suggested = store.suggestions(store.latestRun().id());
        units.forEach(
            u -> codes.put(u.segmentId(), suggested.getOrDefault(u.segmentId(), List.of())));
      } else {
        for (ProjectStore.Decision d : decisions) {
          if (d.coder().equalsIgnoreCase(coder)
              && d.kind() == DecisionKind.REVIEW
              && d.isCoding()) {
            codes.put(d.segmentId(), d.codes());
            memos.put(d.segmentId(), d.memo());
          }
        }
        if (codes.isEmpty()) {
          throw new AetException(
              store.file()
                  + " has no decisions by \""
                  + coder
                  + "\"; coders with decisions: "
                  + decisions.stream()
                      .filter(d -> d.kind() == DecisionKind.REVIEW)
                      .map(ProjectStore.Decision::coder)
                      .distinct()
                      .toList());
        }
      }
      labels.add(new AgreementReport.CoderLabels(coder, codes, memos));
    }
    return AgreementReport.compute(units, labels);
  }
}
