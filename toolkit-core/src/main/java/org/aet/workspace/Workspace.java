package org.aet.workspace;

import com.google.common.net.InetAddresses;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.aet.diagnostics.AetException;
import org.aet.nlp.Annotator;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.project.ProjectStore;
import org.aet.project.QueueMark;
import org.aet.ranking.ReviewTarget;
import org.aet.report.Html;
import org.aet.report.HtmlReport;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.WindowEmbedding;
import org.aet.service.RankedReview;

/**
 * The workspace's web server (the JDK's {@code com.sun.net.httpserver}): every request needs the
 * run's secret token (in the address once, then a cookie), a Host header naming this server (no DNS
 * rebinding), no foreign Origin, and every write the page's CSRF token. Pages carry a strict
 * Content-Security-Policy; scripts and styles come from the jar.
 */
public final class Workspace implements AutoCloseable {
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final String defaultCoder;
  private final String token;
  private final String csrf;
  private final HttpServer server;
  private final Pages pages;
  private final Decisions decisions;
  private final Preparation preparation;
  private final String authority;
  private final boolean everyAddress;

  private Workspace(Path project, String coder, String host, int port, Preparation preparation)
      throws IOException {
    this.defaultCoder = coder;
    this.token = secret();
    this.csrf = secret();
    this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
    this.authority = host + ":" + server.getAddress().getPort();
    this.everyAddress = server.getAddress().getAddress().isAnyLocalAddress();
    this.pages = new Pages(project, csrf, preparation.annotator());
    this.decisions = new Decisions(project);
    this.preparation = preparation;
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
  }

  /**
   * Starts a workspace whose ranked queue reads its passages with CoreNLP and BGE small, without
   * caches; see {@link #start(Path, String, String, int, Annotator, WindowEmbedding)}.
   */
  public static Workspace start(Path project, String coder, String host, int port)
      throws AetException {
    return start(
        project,
        coder,
        host,
        port,
        CoreNlpAnnotator.shared(),
        new WindowEmbedding(new BgeSmallEmbedder()));
  }

  /**
   * Starts a workspace over {@code project} on {@code host}:{@code port} (0: any free port); {@code
   * coder} is the name decisions are recorded under until the coder gives another. The ranked queue
   * reads its passages with {@code annotator} and {@code embedding} (from their caches when the
   * project was coded with them), on first use.
   */
  public static Workspace start(
      Path project,
      String coder,
      String host,
      int port,
      Annotator annotator,
      WindowEmbedding embedding)
      throws AetException {
    return start(
        project, coder, host, port, annotator, embedding, RankedReview.FirstRounds.codebook());
  }

  /**
   * As {@link #start(Path, String, String, int, Annotator, WindowEmbedding)}, the queue's first
   * rounds ranked by {@code firstRounds} (a learned model, or the codebook alone).
   */
  public static Workspace start(
      Path project,
      String coder,
      String host,
      int port,
      Annotator annotator,
      WindowEmbedding embedding,
      RankedReview.FirstRounds firstRounds)
      throws AetException {
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      if (store.latestRun() == null) {
        throw new AetException(project + " has no coding run yet; code it first with aet code");
      }
    }
    try {
      Workspace workspace =
          new Workspace(
              project,
              coder,
              host,
              port,
              new Preparation(project, annotator, embedding, firstRounds));
      workspace.server.start();
      return workspace;
    } catch (IOException e) {
      throw new AetException(
          "Could not start the workspace on " + host + ":" + port + ": " + e.getMessage());
    }
  }

  /** The address to open, with the secret token in it. */
  public URI address() {
    return URI.create("http://" + authority + "/?token=" + token);
  }

  @Override
  public void close() {
    server.stop(0);
    preparation.close();
  }

  private static String secret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String refusal = refusal(exchange);
      if (refusal != null) {
        send(exchange, 403, Pages.error("Refused", refusal));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null && query.contains("token=")) {
        exchange
            .getResponseHeaders()
            .add("Set-Cookie", "aet_token=" + token + "; HttpOnly; SameSite=Strict; Path=/");
      }
      try {
        route(exchange, path);
      } catch (AetException e) {
        send(exchange, 400, Pages.error("That did not work", e.getMessage()));
      } catch (RuntimeException e) {
        send(exchange, 500, Pages.error("Something went wrong", "The workspace failed: " + e));
      }
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException, AetException {
    String method = exchange.getRequestMethod();
    if (method.equals("POST")) {
      Map<String, String> form = form(exchange);
      if (!same(csrf, form.getOrDefault("csrf", ""))) {
        send(exchange, 403, Pages.error("Refused", "This form is out of date; reload the page."));
        return;
      }
      post(exchange, path, form);
      return;
    }
    if (!method.equals("GET")) {
      send(exchange, 405, Pages.error("Not allowed", method + " is not used here"));
      return;
    }
    Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
    switch (path) {
      case "/" -> send(exchange, 200, pages.transcripts(coder(exchange)));
      case "/transcript" ->
          send(exchange, 200, pages.transcript(coder(exchange), query.getOrDefault("id", "")));
      case "/queue" ->
          send(
              exchange,
              200,
              pages.queue(
                  coder(exchange), query.getOrDefault("target", ReviewTarget.ANY), preparation));
      case "/codebook" -> send(exchange, 200, pages.codebook());
      case "/team" -> send(exchange, 200, pages.team());
      case "/app.js" -> asset(exchange, "app.js", "text/javascript", "");
      case "/app.css" ->
          asset(exchange, "app.css", "text/css", "\n" + HtmlReport.caseComparisonStyle());
      default -> send(exchange, 404, Pages.error("Not found", "There is no page " + path));
    }
  }

  /** The writes: a decision, a mark in the ranked queue, the coder's name. */
  private void post(HttpExchange exchange, String path, Map<String, String> form)
      throws IOException, AetException {
    String segment = form.getOrDefault("segment", "");
    String queue = form.get("queue");
    switch (path) {
      case "/decide" -> {
        decisions.record(
            coder(exchange),
            segment,
            Decisions.Action.of(form.getOrDefault("action", "")),
            form.get("code"),
            form.get("memo"));
        redirect(
            exchange,
            queue != null
                ? "/queue?target=" + encode(queue)
                : "/transcript?id=" + encode(transcriptOf(segment)) + "#" + Pages.anchor(segment));
      }
      case "/queue/mark" -> {
        decisions.mark(coder(exchange), segment, mark(form.getOrDefault("mark", "")));
        redirect(exchange, "/queue?target=" + encode(queue == null ? ReviewTarget.ANY : queue));
      }
      case "/queue/clear" -> {
        decisions.mark(coder(exchange), "", null);
        redirect(exchange, "/queue?target=" + encode(queue == null ? ReviewTarget.ANY : queue));
      }
      case "/coder" -> {
        String name = decisions.coderName(form.getOrDefault("coder", ""));
        exchange
            .getResponseHeaders()
            .add("Set-Cookie", "aet_coder=" + encode(name) + "; SameSite=Strict; Path=/");
        redirect(exchange, "/");
      }
      default -> send(exchange, 404, Pages.error("Not found", "There is no page " + path));
    }
  }

  private static QueueMark mark(String label) throws AetException {
    try {
      return QueueMark.of(label);
    } catch (IllegalArgumentException e) {
      throw new AetException("\"" + label + "\" is not a mark; use skip or postpone");
    }
  }

  private static String transcriptOf(String segmentId) {
    int at = segmentId.lastIndexOf('@');
    return at < 0 ? segmentId : segmentId.substring(0, at);
  }

  /** Why the request is refused, or null: token, Host and Origin checked. */
  private String refusal(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (!namesThisServer(host)) {
      return "This workspace answers only at http://" + authority + "/";
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
      return "Requests from another website are refused";
    }
    String given = parse(exchange.getRequestURI().getRawQuery()).get("token");
    if (given == null) {
      given = cookies(exchange).get("aet_token");
    }
    if (given == null || !same(token, given)) {
      return "Open the workspace with the address aet serve printed (it holds the secret token)";
    }
    return null;
  }

  /**
   * Whether a request's Host names this server: the address it was started on or, when it listens
   * on every address (--host 0.0.0.0), any IP address with its port, since a teammate opens it by
   * this computer's address. Never a host name other than the one given: a page on another site
   * whose name was re-pointed at this computer (DNS rebinding) still carries its own name.
   */
  private boolean namesThisServer(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase(authority)) {
      return true;
    }
    int colon = host.lastIndexOf(':');
    if (!everyAddress || colon < 0 || host.endsWith("]")) {
      return false;
    }
    String address = host.substring(0, colon).replaceAll("^\\[(.*)]$", "$1");
    return InetAddresses.isInetAddress(address)
        && host.substring(colon + 1).equals(String.valueOf(server.getAddress().getPort()));
  }

  private String coder(HttpExchange exchange) {
    String name = cookies(exchange).get("aet_coder");
    return name == null || name.isBlank() ? defaultCoder : name;
  }

  private static boolean same(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> cookies(HttpExchange exchange) {
    Map<String, String> cookies = new HashMap<>();
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq).strip(), decode(pair.substring(eq + 1).strip()));
        }
      }
    }
    return cookies;
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException, AetException {
    byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
    if (exchange.getRequestBody().read() != -1) {
      throw new AetException("The form sent is too large");
    }
    return parse(new String(body, StandardCharsets.UTF_8));
  }

  private static Map<String, String> parse(String query) {
    Map<String, String> values = new HashMap<>();
    if (query == null) {
      return values;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return values;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Serves a file of the jar, followed by {@code more} (rules the report's tables need). */
  private void asset(HttpExchange exchange, String name, String type, String more)
      throws IOException {
    try (InputStream in = Workspace.class.getResourceAsStream(name)) {
      byte[] bytes =
          (new String(in.readAllBytes(), StandardCharsets.UTF_8) + more)
              .getBytes(StandardCharsets.UTF_8);
      headers(exchange, type);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static void redirect(HttpExchange exchange, String to) throws IOException {
    exchange.getResponseHeaders().add("Location", to);
    headers(exchange, "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(303, -1);
  }

  private static void send(HttpExchange exchange, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    headers(exchange, "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void headers(HttpExchange exchange, String type) {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.getResponseHeaders().add("Content-Security-Policy", CSP);
    exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
    // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on the page's
    // own
    // forms, which the Origin check must refuse; nothing outside is ever linked or loaded.
    exchange.getResponseHeaders().add("Referrer-Policy", "same-origin");
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
  }

  static String escape(String text) {
    return Html.escape(text == null ? "" : text);
  }
}
