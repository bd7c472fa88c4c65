package org.aet.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aet.project.ProjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coder's name reaches the workspace in a cookie any page can hold, so every write checks it as
 * the review workbooks do: not a name aet uses itself ("consensus", "machine"), one short line, and
 * "ALICE" is the coder the project knows as "alice" (the attack sweep of issue 31).
 */
class WorkspaceCoderNamesTest {
  @TempDir static Path dir;
  static Path project;
  static Workspace workspace;
  static String base;
  static String token;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String segment;

  @BeforeAll
  static void start() throws Exception {
    project = WorkspaceFixture.create(dir);
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      segment = store.segments(store.latestRun().unit()).get(0).id();
    }
    workspace = Workspace.start(project, "alice", "127.0.0.1", 0);
    URI address = workspace.address();
    base = "http://" + address.getAuthority();
    token = address.getQuery().substring("token=".length());
  }

  @AfterAll
  static void stop() {
    workspace.close();
  }

  private static HttpResponse<String> post(String path, String coderCookie, String form)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "Cookie",
                "aet_token=" + token + (coderCookie == null ? "" : "; aet_coder=" + coderCookie))
            .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf() + "&" + form));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/"))
            .header("Cookie", "aet_token=" + token)
            .build();
    Matcher m =
        Pattern.compile("name=csrf value=\"([0-9a-f]+)\"")
            .matcher(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    assertTrue(m.find());
    return m.group(1);
  }

  private static String reject() {
    return "action=reject&segment=" + URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }

  private static List<String> coders() throws Exception {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      return store.latestDecisions().stream().map(ProjectStore.Decision::coder).toList();
    }
  }

  @Test
  void aNameAWorkbookTakesTheWorkspaceTakesToo() throws Exception {
    HttpResponse<String> form = post("/coder", null, "coder=Si%C3%A2n+O%27Brien");
    assertEquals(303, form.statusCode(), form.body());
  }

  @Test
  void aNameAetUsesItselfOrThatIsNotOneShortLineRecordsNothing() throws Exception {
    String long2000 = "x".repeat(2000);
    for (String cookie :
        List.of(
            "consensus", "Machine", "bob%0Aeve", long2000, "%3Cscript%3Ealert(1)%3C%2Fscript%3E")) {
      HttpResponse<String> r = post("/decide", cookie, reject());
      assertEquals(400, r.statusCode(), cookie);
      assertTrue(r.body().contains("name"), r.body());
    }
    assertEquals(List.of(), coders(), "nothing recorded");
    HttpResponse<String> form = post("/coder", null, "coder=consensus");
    assertEquals(400, form.statusCode(), "the name form refuses it too");
  }

  @Test
  void aNameInAnotherCaseIsTheCoderTheProjectKnows() throws Exception {
    assertEquals(303, post("/decide", "Bert", reject()).statusCode());
    assertEquals(
        303,
        post(
                "/decide",
                "BERT",
                "action=withdraw&segment=" + URLEncoder.encode(segment, StandardCharsets.UTF_8))
            .statusCode());
    assertEquals(List.of(), coders(), "BERT withdrew Bert's decision, nothing under BERT");
  }
}
