package org.aet.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aet.project.ProjectStore;
import org.aet.project.ProjectStore.Decision;
import org.aet.project.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route of the workspace over HTTP, against a real server on a real project. */
class WorkspaceHttpTest {
  @TempDir static Path dir;
  static Path project;
  static Workspace workspace;
  static String base;
  static String token;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    project = WorkspaceFixture.create(dir);
    workspace = Workspace.start(project, "alice", "127.0.0.1", 0);
    URI address = workspace.address();
    base = "http://" + address.getAuthority();
    token = address.getQuery().substring("token=".length());
  }

  @AfterAll
  static void stop() {
    workspace.close();
  }

  static HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(
      String path, String cookie, Map<String, String> form, String origin) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String auth() {
    return "aet_token=" + token;
  }

  static String csrf() throws Exception {
    Matcher m = Pattern.compile("name=csrf value=\"([0-9a-f]+)\"").matcher(get("/", auth()).body());
    assertTrue(m.find());
    return m.group(1);
  }

  @Test
  void withoutTheTokenEverythingIsRefused() throws Exception {
    for (String path : List.of("/", "/transcript?id=hostile", "/codebook", "/app.js", "/nowhere")) {
      HttpResponse<String> r = get(path, null);
      assertEquals(403, r.statusCode(), path);
      assertTrue(r.body().contains("secret token"), path);
      assertEquals(
          403, get(path + (path.contains("?") ? "&" : "?") + "token=wrong", null).statusCode());
    }
    assertEquals(403, post("/decide", null, Map.of(), null).statusCode());
  }

  @Test
  void theTokenInTheAddressSetsACookie() throws Exception {
    HttpResponse<String> r = get("/?token=" + token, null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Set-Cookie").orElseThrow().contains("HttpOnly"));
    assertTrue(r.body().contains("Northbrook"), "the transcripts of the sample corpus are listed");
  }

  @Test
  void everyPageHasAStrictContentSecurityPolicy() throws Exception {
    for (String path :
        List.of("/", "/transcript?id=hostile", "/codebook", "/team", "/app.js", "/app.css")) {
      HttpResponse<String> r = get(path, auth());
      assertEquals(200, r.statusCode(), path);
      String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), csp);
      assertFalse(csp.contains("unsafe-inline"));
      assertEquals(
          "same-origin",
          r.headers().firstValue("Referrer-Policy").orElseThrow(),
          "no-referrer would make Chromium send Origin: null on the page's own forms");
    }
  }

  @Test
  void hostileTranscriptTextIsEscaped() throws Exception {
    String page = get("/transcript?id=hostile", auth()).body();
    assertFalse(page.contains("<script>alert"), "no script from the transcript");
    assertFalse(page.contains("<img src=x"), "no markup from the transcript");
    assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assertTrue(page.contains("&quot;the money&quot; &amp; &lt;img"));
    assertFalse(page.replace("<script src=\"/app.js\" defer></script>", "").contains("<script"));
  }

  @Test
  void anotherOriginOrHostIsRefused() throws Exception {
    String csrf = csrf();
    Map<String, String> form = Map.of("csrf", csrf, "segment", "x", "action", "reject");
    HttpResponse<String> r = post("/decide", auth(), form, "http://evil.example");
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("another website"));
    assertEquals(403, post("/decide", auth(), form, "null").statusCode(), "an opaque origin");
    HttpRequest rebinding =
        HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", auth()).build();
    // The JDK's client will not let a test forge Host; a raw socket does.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(base).getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET / HTTP/1.1\r\nHost: evil.example:"
                      + URI.create(base).getPort()
                      + "\r\nCookie: "
                      + auth()
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
    }
    assertEquals(200, HTTP.send(rebinding, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void aWriteWithoutTheCsrfTokenIsRefusedAndRecordsNothing() throws Exception {
    String segment = firstSuggested();
    int before = decisionCount();
    HttpResponse<String> r =
        post("/decide", auth(), Map.of("segment", segment, "action", "reject"), null);
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("out of date"));
    assertEquals(before, decisionCount());
  }

  @Test
  void decisionsAreRecordedUnderTheCodersName() throws Exception {
    String segment = firstSuggested();
    String bob = auth() + "; aet_coder=bob";
    HttpResponse<String> r =
        post("/decide", bob, Map.of("csrf", csrf(), "segment", segment, "action", "accept"), null);
    assertEquals(303, r.statusCode(), r.body());
    post(
        "/decide",
        bob,
        Map.of("csrf", csrf(), "segment", segment, "action", "memo", "memo", "clear <case>"),
        null);
    Decision d = latest("bob", segment);
    assertEquals(Verdict.ACCEPT, d.decision());
    assertEquals("clear <case>", d.memo());
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      assertEquals(store.suggestions("run-1").get(segment), d.codes());
    }
    assertTrue(
        get("/transcript?id=" + segment.substring(0, segment.indexOf('@')), bob)
            .body()
            .contains("clear &lt;case&gt;"));
    post("/decide", bob, Map.of("csrf", csrf(), "segment", segment, "action", "withdraw"), null);
    assertEquals(null, latest("bob", segment));
  }

  @Test
  void codingAnUncodedTurnAddsTheCode() throws Exception {
    String segment = firstUnsuggested();
    HttpResponse<String> r =
        post(
            "/decide",
            auth(),
            Map.of(
                "csrf",
                csrf(),
                "segment",
                segment,
                "action",
                "code",
                "code",
                "power/power-differences"),
            null);
    assertEquals(303, r.statusCode(), r.body());
    Decision d = latest("alice", segment);
    assertEquals(Verdict.CODE, d.decision());
    assertEquals(List.of("power/power-differences"), d.codes());
  }

  @Test
  void mistakesAreClearPagesWithoutAStackTrace() throws Exception {
    String csrf = csrf();
    HttpResponse<String> noCode =
        post(
            "/decide",
            auth(),
            Map.of("csrf", csrf, "segment", firstSuggested(), "action", "code", "code", "no/such"),
            null);
    assertEquals(400, noCode.statusCode());
    assertTrue(noCode.body().contains("is not a code of"), noCode.body());
    HttpResponse<String> noSegment =
        post(
            "/decide",
            auth(),
            Map.of("csrf", csrf, "segment", "nowhere@1-2", "action", "reject"),
            null);
    assertEquals(400, noSegment.statusCode());
    assertTrue(noSegment.body().contains("There is no passage nowhere@1-2"));
    HttpResponse<String> noAction =
        post(
            "/decide",
            auth(),
            Map.of("csrf", csrf, "segment", firstSuggested(), "action", "<b>"),
            null);
    assertTrue(noAction.body().contains("&quot;&lt;b&gt;&quot; is not an action"));
    HttpResponse<String> noTranscript = get("/transcript?id=%3Cnone%3E", auth());
    assertEquals(400, noTranscript.statusCode());
    assertTrue(noTranscript.body().contains("There is no transcript &lt;none&gt;"));
    assertEquals(404, get("/nowhere", auth()).statusCode());
    for (HttpResponse<String> r : List.of(noCode, noSegment, noAction, noTranscript)) {
      assertFalse(r.body().contains("Exception") || r.body().contains("at org.aet"), r.body());
    }
  }

  @Test
  void theCodebookIsOnePage() throws Exception {
    String page = get("/codebook", auth()).body();
    assertTrue(page.contains("Use when") && page.contains("Do not use when"));
    assertTrue(page.contains("power-differences"));
  }

  @Test
  void theCodersNameIsSetByAForm() throws Exception {
    HttpResponse<String> r = post("/coder", auth(), Map.of("csrf", csrf(), "coder", "carol"), null);
    assertEquals(303, r.statusCode());
    assertTrue(r.headers().firstValue("Set-Cookie").orElseThrow().startsWith("aet_coder=carol"));
    assertEquals(
        400, post("/coder", auth(), Map.of("csrf", csrf(), "coder", "<x>"), null).statusCode());
  }

  @Test
  void theTeamPageShowsAgreementAndBothDecisionsOfADisagreement() throws Exception {
    String segment = firstSuggested();
    post(
        "/decide",
        auth() + "; aet_coder=dora",
        Map.of("csrf", csrf(), "segment", segment, "action", "accept"),
        null);
    post(
        "/decide",
        auth() + "; aet_coder=ed",
        Map.of("csrf", csrf(), "segment", segment, "action", "reject", "memo", "not <this>"),
        null);
    String page = get("/team", auth()).body();
    assertTrue(page.contains("Agreement per code"), page);
    assertTrue(page.contains("Disagreements"));
    assertTrue(page.contains("not &lt;this&gt;"), "the memo of the disagreement, escaped");
    assertTrue(page.contains("Cases side by side"), "the report's comparison of cases");
    assertTrue(page.contains("<th scope=\"col\">Northbrook"), "a case of the sample corpus");
    assertFalse(
        page.contains("style="),
        "no inline style: the Content-Security-Policy would refuse it and the shading be lost");
    String css = get("/app.css", auth()).body();
    Matcher shades = Pattern.compile("class=\"((?:shade|depth)-\\d+)\"").matcher(page);
    int used = 0;
    while (shades.find()) {
      used++;
      assertTrue(css.contains("." + shades.group(1) + " "), shades.group(1) + " is in app.css");
    }
    assertTrue(used > 0, "the comparison of cases is shaded and indented by class");
  }

  static String firstSuggested() throws Exception {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      return store.suggestions("run-1").keySet().iterator().next();
    }
  }

  static String firstUnsuggested() throws Exception {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      Map<String, List<String>> suggested = store.suggestions("run-1");
      return store.segments(org.aet.segment.SegmentUnit.TURN).stream()
          .map(ProjectStore.StoredSegment::id)
          .filter(id -> !suggested.containsKey(id))
          .findFirst()
          .orElseThrow();
    }
  }

  static int decisionCount() throws Exception {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      return store.decisionCount();
    }
  }

  static Decision latest(String coder, String segment) throws Exception {
    return latest(project, coder, segment);
  }

  static Decision latest(Path project, String coder, String segment) throws Exception {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      return store.latestDecisions().stream()
          .filter(d -> d.coder().equals(coder) && d.segmentId().equals(segment))
          .findFirst()
          .orElse(null);
    }
  }
}
