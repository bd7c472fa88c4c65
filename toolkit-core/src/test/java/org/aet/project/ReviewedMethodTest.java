package org.aet.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.pipeline.ProgressListener;
import org.aet.segment.SegmentUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a project's final export says about how the reviewed suggestions were made. */
class ReviewedMethodTest {
  @Test
  void theRunsWhoseWorkbooksCameBackAreDescribed(@TempDir Path dir) throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("study.aet"))) {
      Codebook book = Codebooks.load("four-tensions");
      assertEquals(Map.of(), FinalCoding.reviewedMethod(store), "the fixture's run says nothing");
      store.addRun("run-2", List.of(), SegmentUnit.TURN, List.of(), book, Map.of("Floor", "0.50"));
      store.addRun("run-3", List.of(), SegmentUnit.TURN, List.of(), book, Map.of("Floor", "0.30"));
      assertEquals(
          "0.30", FinalCoding.reviewedMethod(store).get("Floor"), "none reviewed: the latest run");

      String segment = store.segments(SegmentUnit.TURN).get(0).id();
      store.addWorkbook(
          new ProjectStore.Workbook(
              "workbook-2",
              "alice",
              DecisionKind.REVIEW,
              false,
              "run-2",
              book.version(),
              List.of(segment),
              Instant.now(),
              null));
      store.addDecisions(
          List.of(
              new ProjectStore.Decision(
                  segment,
                  "alice",
                  DecisionKind.REVIEW,
                  Verdict.CODE,
                  List.of(),
                  "",
                  "review-alice.xlsx",
                  book.version(),
                  "workbook-2")),
          "workbook-2",
          ProgressListener.SILENT);
      Map<String, String> method = FinalCoding.reviewedMethod(store);
      assertEquals("0.50", method.get("Floor"), "the run the team reviewed, not the latest");
      assertEquals(List.of("Suggestions", "Floor"), List.copyOf(method.keySet()));
    }
  }

  @Test
  void decisionsMadeInTheBrowserCountForTheRunTheyWereMadeOn(@TempDir Path dir) throws Exception {
    try (ProjectStore store = ProjectFixture.create(dir.resolve("study.aet"))) {
      Codebook book = Codebooks.load("four-tensions");
      store.addRun("run-2", List.of(), SegmentUnit.TURN, List.of(), book, Map.of("Floor", "0.50"));
      Thread.sleep(5);
      String segment = store.segments(SegmentUnit.TURN).get(0).id();
      store.addDecisions(
          List.of(
              new ProjectStore.Decision(
                  segment,
                  "alice",
                  DecisionKind.REVIEW,
                  Verdict.REJECT,
                  List.of(),
                  "",
                  ProjectStore.Decision.WORKSPACE,
                  book.version(),
                  null)),
          null,
          ProgressListener.SILENT);
      Thread.sleep(5);
      store.addRun("run-3", List.of(), SegmentUnit.TURN, List.of(), book, Map.of("Floor", "0.30"));
      assertEquals(
          "0.50",
          FinalCoding.reviewedMethod(store).get("Floor"),
          "alice reviewed run-2's suggestions in the browser; run-3 came after");
    }
  }
}
