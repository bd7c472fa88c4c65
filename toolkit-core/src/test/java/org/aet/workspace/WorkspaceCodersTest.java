package org.aet.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aet.project.DecisionKind;
import org.aet.project.ProjectStore;
import org.aet.project.ProjectStore.Decision;
import org.aet.project.Verdict;
import org.aet.segment.SegmentUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several coders on one project at once: nothing lost, nobody's decision under another's name. */
class WorkspaceCodersTest {
  @TempDir static Path dir;
  static Path project;
  static Workspace workspace;

  @BeforeAll
  static void start() throws Exception {
    project = WorkspaceFixture.create(dir);
    workspace = WorkspaceClient.start(project, "coder");
  }

  @AfterAll
  static void stop() {
    workspace.close();
  }

  @Test
  void twoCodersDecidingTheSamePassagesAtOnceKeepEveryDecisionUnderTheirOwnName() throws Exception {
    List<String> segments;
    int before;
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      segments =
          store.segments(SegmentUnit.TURN).stream()
              .map(ProjectStore.StoredSegment::id)
              .limit(20)
              .toList();
      before = store.decisionCount();
    }
    ExecutorService browsers = Executors.newFixedThreadPool(2);
    try {
      Future<List<Integer>> alice =
          browsers.submit(
              decide(
                  new WorkspaceClient(workspace, "alice"),
                  segments,
                  Map.of("action", "code", "code", "power/power-differences"),
                  "alice"));
      Future<List<Integer>> bob =
          browsers.submit(
              decide(
                  new WorkspaceClient(workspace, "bob"),
                  segments,
                  Map.of("action", "reject"),
                  "bob"));
      assertEquals(List.of(303), alice.get().stream().distinct().toList());
      assertEquals(List.of(303), bob.get().stream().distinct().toList());
    } finally {
      browsers.shutdownNow();
    }
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      assertEquals(before + 2 * segments.size(), store.decisionCount(), "every decision is kept");
      List<Decision> theirs =
          store.latestDecisions().stream()
              .filter(d -> d.coder().equals("alice") || d.coder().equals("bob"))
              .toList();
      assertEquals(2 * segments.size(), theirs.size());
      for (Decision d : theirs) {
        int i = segments.indexOf(d.segmentId());
        assertEquals(DecisionKind.REVIEW, d.kind());
        assertEquals(d.coder() + " " + i, d.memo(), "the memo is the one its coder wrote");
        if (d.coder().equals("alice")) {
          assertEquals(Verdict.CODE, d.decision());
          assertEquals(List.of("power/power-differences"), d.codes());
        } else {
          assertEquals(Verdict.REJECT, d.decision());
          assertEquals(List.of(), d.codes());
        }
      }
    }
  }

  /**
   * A browser deciding every passage in turn, each with its own memo; the answers' status codes.
   */
  private static Callable<List<Integer>> decide(
      WorkspaceClient client, List<String> segments, Map<String, String> action, String coder) {
    return () -> {
      List<Integer> answers = new ArrayList<>();
      for (int i = 0; i < segments.size(); i++) {
        Map<String, String> form = new java.util.HashMap<>(action);
        form.put("segment", segments.get(i));
        form.put("memo", coder + " " + i);
        HttpResponse<String> r = client.post("/decide", form);
        assertTrue(r.statusCode() == 303, r.body());
        answers.add(r.statusCode());
      }
      return answers;
    };
  }

  @Test
  void aNameIsOneCoderWhateverItsCaseAndAetsOwnNamesAreRefused() throws Exception {
    String segment;
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      segment = store.segments(SegmentUnit.TURN).get(30).id();
    }
    new WorkspaceClient(workspace, "Gwen")
        .post("/decide", Map.of("segment", segment, "action", "reject"));
    HttpResponse<String> r =
        new WorkspaceClient(workspace, "GWEN")
            .post(
                "/decide",
                Map.of("segment", segment, "action", "code", "code", "power/reciprocity"));
    assertEquals(303, r.statusCode(), r.body());
    Decision latest = WorkspaceHttpTest.latest(project, "Gwen", segment);
    assertEquals(List.of("power/reciprocity"), latest.codes(), "GWEN's decision is Gwen's");
    assertEquals(null, WorkspaceHttpTest.latest(project, "GWEN", segment));
    HttpResponse<String> named =
        new WorkspaceClient(workspace, null).post("/coder", Map.of("coder", "gwen"));
    assertTrue(named.headers().firstValue("Set-Cookie").orElseThrow().startsWith("aet_coder=Gwen"));
    HttpResponse<String> machine =
        new WorkspaceClient(workspace, null).post("/coder", Map.of("coder", "Machine"));
    assertEquals(400, machine.statusCode());
    assertTrue(machine.body().contains("cannot be a coder&#39;s name"), machine.body());
  }
}
