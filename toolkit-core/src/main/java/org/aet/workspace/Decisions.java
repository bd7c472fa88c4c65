package org.aet.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.pipeline.ProgressListener;
import org.aet.project.DecisionKind;
import org.aet.project.ProjectStore;
import org.aet.project.ProjectStore.Decision;
import org.aet.project.ProjectStore.Run;
import org.aet.project.QueueMark;
import org.aet.project.Verdict;

/**
 * Records a coder's action on one segment as one decision in the project, in its own transaction.
 * The project is opened for each write and closed at once, so the project's lock is held only for
 * that moment and the spreadsheet round trip keeps working beside the workspace.
 */
final class Decisions {
  /** What the workspace writes in a decision's workbook column. */
  static final String WORKBOOK = Decision.WORKSPACE;

  /** A coder's action on a segment, as the page sends it. */
  enum Action {
    ACCEPT,
    REJECT,
    RECODE,
    CODE,
    MEMO,
    WITHDRAW;

    static Action of(String label) throws AetException {
      try {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new AetException(
            "\""
                + label
                + "\" is not an action; use accept, reject, recode, code, memo or withdraw");
      }
    }
  }

  private final Path project;

  Decisions(Path project) {
    this.project = project;
  }

  /**
   * The name {@code name} is recorded under, as the project spells it ("ALICE" is "alice").
   *
   * @throws AetException when it is not a name a coder may have ({@link ProjectStore#coderName})
   */
  String coderName(String name) throws AetException {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      return store.coderName(name);
    }
  }

  /**
   * Records {@code action} of the coder {@code name} (checked, and spelt as the project knows it)
   * on {@code segmentId}: {@code code} is the code path to add or recode to, {@code memo} the memo
   * (kept from the coder's last decision when null).
   */
  Decision record(String name, String segmentId, Action action, String code, String memo)
      throws AetException {
    try (ProjectStore store = ProjectStore.open(project)) {
      String coder = store.coderName(name);
      Run run = store.latestRun();
      if (run == null) {
        throw new AetException(project + " has no coding run yet; code it first with aet code");
      }
      if (store.segments(run.unit()).stream().noneMatch(s -> s.id().equals(segmentId))) {
        throw new AetException("There is no passage " + segmentId + " in this project");
      }
      Codebook codebook = store.codebook(run.codebookVersion());
      Decision previous =
          store.latestDecisions().stream()
              .filter(d -> d.coder().equals(coder) && d.segmentId().equals(segmentId))
              .filter(d -> d.kind() == DecisionKind.REVIEW)
              .findFirst()
              .orElse(null);
      List<String> suggested = store.suggestions(run.id()).getOrDefault(segmentId, List.of());
      Decision next =
          new Decision(
              segmentId,
              coder,
              DecisionKind.REVIEW,
              Verdict.MEMO,
              List.of(),
              "",
              WORKBOOK,
              codebook.version(),
              null);
      next = decide(next, action, checked(codebook, code), memo, previous, suggested);
      store.addDecisions(List.of(next), null, new ProgressListener() {});
      return next;
    }
  }

  /**
   * Marks {@code segmentId} as skipped or postponed in the ranked queue of {@code given}; a null
   * {@code mark} puts every passage the coder marked back in its place.
   */
  void mark(String given, String segmentId, QueueMark mark) throws AetException {
    try (ProjectStore store = ProjectStore.open(project)) {
      String coder = store.coderName(given);
      if (mark == null) {
        store.clearQueueMarks(coder);
        return;
      }
      Run run = store.latestRun();
      if (store.segments(run.unit()).stream().noneMatch(s -> s.id().equals(segmentId))) {
        throw new AetException("There is no passage " + segmentId + " in this project");
      }
      store.markInQueue(coder, segmentId, mark);
    }
  }

  private static String checked(Codebook codebook, String code) throws AetException {
    if (code == null || code.isBlank()) {
      return null;
    }
    String label = code.strip();
    if (codebook.codes().stream().anyMatch(c -> codebook.path(c.id()).equals(label))) {
      return label;
    }
    throw new AetException("\"" + label + "\" is not a code of " + codebook.name());
  }

  /**
   * The decision {@code action} makes, as a review workbook row would: accept keeps the suggestions
   * (and codes added before), reject drops them, recode uses only {@code code}, code adds {@code
   * code} to what the coder said before, memo keeps the decision and changes its memo.
   */
  static Decision decide(
      Decision blank,
      Action action,
      String code,
      String memo,
      Decision previous,
      List<String> suggested)
      throws AetException {
    boolean coded = previous != null && previous.isCoding();
    String keptMemo = memo != null ? memo.strip() : previous == null ? "" : previous.memo();
    List<String> codes = new ArrayList<>();
    Verdict verdict;
    switch (action) {
      case ACCEPT -> {
        if (suggested.isEmpty()) {
          throw new AetException("There is no suggestion to accept here; add a code instead");
        }
        verdict = Verdict.ACCEPT;
        codes.addAll(suggested);
      }
      case REJECT -> verdict = Verdict.REJECT;
      case RECODE, CODE -> {
        if (code == null) {
          throw new AetException("Choose the code to " + (action == Action.CODE ? "add" : "use"));
        }
        if (action == Action.CODE && coded) {
          codes.addAll(previous.codes());
          verdict = previous.decision();
        } else {
          verdict = action == Action.CODE ? Verdict.CODE : Verdict.RECODE;
        }
        if (!codes.contains(code)) {
          codes.add(code);
        }
      }
      case MEMO -> {
        if (memo == null) {
          throw new AetException("Write the memo first");
        }
        verdict = coded ? previous.decision() : Verdict.MEMO;
        if (coded) {
          codes.addAll(previous.codes());
        }
      }
      case WITHDRAW -> {
        if (previous == null) {
          throw new AetException(
              "You have not decided this passage yet, so there is nothing to withdraw");
        }
        verdict = Verdict.WITHDRAWN;
        keptMemo = "";
      }
      default -> throw new IllegalStateException(action.name());
    }
    return new Decision(
        blank.segmentId(),
        blank.coder(),
        blank.kind(),
        verdict,
        codes,
        keptMemo,
        blank.workbook(),
        blank.codebookVersion(),
        blank.exportId());
  }
}
