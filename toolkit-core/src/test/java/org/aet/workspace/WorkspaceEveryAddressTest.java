package org.aet.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace listening on every address (--host 0.0.0.0), as a team shares it: a teammate opens it
 * by this computer's IP address with the token; another host name is still refused.
 */
class WorkspaceEveryAddressTest {
  @TempDir static Path dir;
  static Workspace workspace;
  static int port;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    workspace = Workspace.start(WorkspaceFixture.create(dir), "alice", "0.0.0.0", 0);
    URI address = workspace.address();
    port = address.getPort();
    token = address.getQuery().substring("token=".length());
  }

  @AfterAll
  static void stop() {
    workspace.close();
  }

  @Test
  void aTeammateOpensItByThisComputersAddressWithTheToken() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/?token=" + token))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), page.body());
  }

  @Test
  void anotherHostNameOrNoTokenIsStillRefused() throws Exception {
    assertTrue(raw("evil.example:" + port, "?token=" + token).startsWith("HTTP/1.1 403"));
    assertTrue(raw("127.0.0.1:" + (port + 1), "?token=" + token).startsWith("HTTP/1.1 403"));
    assertTrue(raw("127.0.0.1:" + port, "").startsWith("HTTP/1.1 403"));
    assertTrue(raw("127.0.0.1:" + port, "?token=" + token).startsWith("HTTP/1.1 200"));
  }

  /** The answer to a GET of / with {@code query}, sent with the Host header {@code host}. */
  private static String raw(String host, String query) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /" + query + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
