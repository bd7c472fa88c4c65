package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aet serve} as its own process, as a researcher runs it: a program on the same computer
 * that opens a few connections and sends their bodies a byte at a time (no token needed for that)
 * must not stop the workspace answering the researcher (the attack sweep of issue 31).
 */
class ServeCommandTest {
  /** A damaged model is reported before the workspace opens, never later in the browser. */
  @Test
  void aDamagedModelIsRefusedBeforeTheWorkspaceOpens(@TempDir Path dir) throws Exception {
    Path project = dir.resolve("p.aet");
    assertEquals(0, aet("init", project.toString()).exit());
    Path broken = Files.writeString(dir.resolve("broken.model"), "not a model");
    AetRunner.Result refused =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                aet(
                    "serve",
                    project.toString(),
                    "--coder",
                    "alice",
                    "--port",
                    "0",
                    "--model",
                    broken.toString()));
    assertEquals(1, refused.exit(), refused.err());
    assertTrue(refused.err().contains("broken.model"), refused.err());
    assertTrue(refused.err().contains("cannot read this model file"), refused.err());
    assertTrue(!refused.out().contains("http://"), "no workspace was opened: " + refused.out());
  }

  @Test
  void slowUploadsDoNotStopTheWorkspaceAnswering(@TempDir Path dir) throws Exception {
    Path project = dir.resolve("p.aet");
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(
        corpus.resolve("t.txt"), "Ann: It was a tick box exercise.\nTom: And the money?\n");
    assertEquals(0, aet("init", project.toString()).exit());
    assertEquals(0, aet("add", project.toString(), corpus.toString()).exit());
    assertEquals(0, aet("code", project.toString(), "--no-semantic", "-q").exit());
    Process serve =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.aet.cli.Main",
                "serve",
                project.toString(),
                "--coder",
                "alice")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<Socket> slow = new ArrayList<>();
    try {
      String line =
          new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertTrue(line != null && line.contains("http://"), String.valueOf(line));
      URI address = URI.create(line.substring(line.indexOf("http://")).strip());
      for (int i = 0; i < 8; i++) {
        Socket socket = new Socket(address.getHost(), address.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /decide HTTP/1.1\r\nHost: "
                    + address.getAuthority()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100000\r\n\r\nc")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(socket);
      }
      Thread.sleep(1000);
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(90)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), "the researcher's page, with eight slow uploads open");
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
      serve.destroy();
      serve.waitFor();
    }
  }
}
