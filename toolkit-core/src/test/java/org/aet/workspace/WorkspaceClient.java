package org.aet.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser's view of a running workspace, over plain HTTP: its token and coder's name. */
final class WorkspaceClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final String base;
  final String cookie;

  WorkspaceClient(Workspace workspace, String coder) {
    URI address = workspace.address();
    this.base = "http://" + address.getAuthority();
    this.cookie =
        "aet_token="
            + address.getQuery().substring("token=".length())
            + (coder == null ? "" : "; aet_coder=" + coder);
  }

  /** A workspace over {@code project} with the real annotator and embedder. */
  static Workspace start(Path project, String coder) throws Exception {
    return Workspace.start(project, coder, "127.0.0.1", 0);
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code form} with the page's CSRF token added. */
  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(body + "&csrf=" + csrf()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The queue page for {@code target} once the ranking is prepared (waiting up to 3 minutes). */
  String queue(String target) throws Exception {
    long until = System.nanoTime() + 180_000_000_000L;
    while (true) {
      HttpResponse<String> r = get("/queue?target=" + encode(target));
      if (r.statusCode() != 200 || !r.body().contains("is being prepared")) {
        return r.body();
      }
      assertTrue(System.nanoTime() < until, "the ranked queue was not ready in 3 minutes");
      Thread.sleep(500);
    }
  }

  /** The first passage a queue page offers. */
  static String offered(String page) {
    Matcher m =
        Pattern.compile("<li class=turn tabindex=0 id=\"[^\"]*\" data-segment=\"([^\"]+)\"")
            .matcher(page);
    assertTrue(m.find(), page);
    return m.group(1);
  }

  private String csrf() throws Exception {
    Matcher m = Pattern.compile("name=csrf value=\"([0-9a-f]+)\"").matcher(get("/").body());
    assertTrue(m.find());
    return m.group(1);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
