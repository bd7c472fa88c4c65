package org.aet.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.aet.project.ProjectStore;
import org.aet.project.QueueMark;
import org.aet.project.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ranked queue over HTTP: the next passage, the estimate, skip and postpone per coder. */
class WorkspaceQueueTest {
  @TempDir static Path dir;
  static Path project;
  static Workspace workspace;

  @BeforeAll
  static void start() throws Exception {
    project = WorkspaceFixture.create(dir);
    workspace = WorkspaceClient.start(project, "alice");
  }

  @AfterAll
  static void stop() {
    workspace.close();
  }

  @Test
  void theQueueOffersAPassageNobodyHasDecidedWithTheEstimateOfWhatIsLeft() throws Exception {
    String page = new WorkspaceClient(workspace, "alice").queue("any code");
    String offered = WorkspaceClient.offered(page);
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      assertTrue(
          store.latestDecisions().stream()
              .noneMatch(d -> d.segmentId().equals(offered) && d.isCoding()),
          offered + " was decided already");
    }
    assertTrue(page.contains("passage(s) with a code are still unread"), page);
    assertTrue(page.contains("value=skip") && page.contains("value=postpone"), page);
  }

  @Test
  void aDecisionFromTheQueueReturnsToItAndThePassageLeavesIt() throws Exception {
    WorkspaceClient carol = new WorkspaceClient(workspace, "carol");
    String first = WorkspaceClient.offered(carol.queue("any code"));
    HttpResponse<String> r =
        carol.post("/decide", Map.of("segment", first, "action", "reject", "queue", "any code"));
    assertEquals(303, r.statusCode(), r.body());
    assertEquals("/queue?target=any+code", r.headers().firstValue("Location").orElseThrow());
    assertNotEquals(first, WorkspaceClient.offered(carol.queue("any code")));
    assertEquals(Verdict.REJECT, WorkspaceHttpTest.latest(project, "carol", first).decision());
  }

  @Test
  void skippedAndPostponedPassagesAreEachCodersOwnAndSurviveARestart() throws Exception {
    WorkspaceClient dora = new WorkspaceClient(workspace, "dora");
    String skipped = WorkspaceClient.offered(dora.queue("any code"));
    assertEquals(
        303,
        dora.post("/queue/mark", Map.of("segment", skipped, "mark", "skip", "queue", "any code"))
            .statusCode());
    String postponed = WorkspaceClient.offered(dora.queue("any code"));
    assertNotEquals(skipped, postponed);
    dora.post("/queue/mark", Map.of("segment", postponed, "mark", "postpone"));
    String third = WorkspaceClient.offered(dora.queue("any code"));
    assertFalse(third.equals(skipped) || third.equals(postponed), third);
    assertEquals(
        skipped,
        WorkspaceClient.offered(new WorkspaceClient(workspace, "ed").queue("any code")),
        "another coder's queue is not changed by dora's skip");
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      assertEquals(
          Map.of(skipped, QueueMark.SKIP, postponed, QueueMark.POSTPONE), store.queueMarks("dora"));
    }
    try (Workspace again = WorkspaceClient.start(project, "alice")) {
      WorkspaceClient restarted = new WorkspaceClient(again, "dora");
      String page = restarted.queue("any code");
      assertEquals(third, WorkspaceClient.offered(page), "the marks outlive the server");
      assertTrue(page.contains("You skipped 1 and left 1 for later"), page);
      restarted.post("/queue/clear", Map.of("queue", "any code"));
      assertEquals(skipped, WorkspaceClient.offered(restarted.queue("any code")));
    }
  }

  @Test
  void eachCodeHasItsOwnQueueRankedByWhatTheTeamCodedWithIt() throws Exception {
    WorkspaceClient fay = new WorkspaceClient(workspace, "fay");
    String code = "power/reciprocity";
    String page = fay.queue(code);
    assertTrue(page.contains("with " + code), page);
    assertTrue(page.contains("the codebook alone"), page);
    String first = WorkspaceClient.offered(page);
    fay.post("/decide", Map.of("segment", first, "action", "code", "code", code, "queue", code));
    String second = WorkspaceClient.offered(fay.queue(code));
    fay.post("/decide", Map.of("segment", second, "action", "reject", "queue", code));
    assertTrue(
        fay.queue(code).contains("a model fitted to the passages the team has decided"),
        "with a passage with the code and one without, a model ranks this code's queue");
    assertTrue(
        fay.queue("power/power-differences").contains("the codebook alone"),
        "another code's queue has no passage with it yet");
    HttpResponse<String> unknown = fay.get("/queue?target=%3Cx%3E");
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("&quot;&lt;x&gt;&quot; is not one of the codes"));
  }
}
