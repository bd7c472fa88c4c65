package org.aet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.aet.diagnostics.AetException;
import org.aet.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aet serve}: the coding workspace in the browser, over a project. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Opens a coding workspace in your web browser: read each transcript with the machine's suggestions"
          + " in place, accept, reject or add codes and write memos. Every decision is recorded in the project"
          + " under your name, as a review workbook would record it. Only this computer can reach it, and only"
          + " with the address printed (it holds a secret token). Stop it with Ctrl-C.",
      ""
    },
    footer = {"", "Example:", "  aet serve study.aet --coder alice"})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PROJECT", description = "The project (.aet) to code.")
  Path project;

  @Option(
      names = "--coder",
      paramLabel = "NAME",
      defaultValue = "coder",
      description =
          "Your name, recorded with every decision (each browser can change it). Default: ${DEFAULT-VALUE}.")
  String coder;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "0",
      description = "The port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "The address to listen on. Default: ${DEFAULT-VALUE}, this computer only; another still needs the token.")
  String host;

  @Mixin FirstRoundsOptions firstRounds;

  @Mixin NlpOptions nlp;

  @Override
  public Integer call() throws AetException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--port must be between 0 and 65535, not " + port);
    }
    limitSlowRequests();
    ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), false);
    try (Workspace workspace =
        Workspace.start(
            project,
            coder,
            host,
            port,
            nlp.annotator(progress),
            nlp.windowEmbedding(progress),
            firstRounds.firstRounds(spec))) {
      spec.commandLine().getOut().println("The workspace is open at " + workspace.address());
      spec.commandLine().getOut().println("Open that address in your browser; stop with Ctrl-C.");
      spec.commandLine().getOut().flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }

  /**
   * The JDK's web server waits for a request's body, and drains one it refused, as long as the
   * other side takes: a few connections sending a byte a minute would hold every worker thread,
   * token or not. Here a request and a response get {@value #SLOW_SECONDS} seconds each (a
   * browser's form on this computer takes milliseconds), unless the person set the JDK's own
   * properties. Set before the first server is made, which reads them once.
   */
  private static void limitSlowRequests() {
    for (String property :
        List.of("sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime")) {
      if (System.getProperty(property) == null) {
        System.setProperty(property, String.valueOf(SLOW_SECONDS));
      }
    }
  }

  private static final int SLOW_SECONDS = 20;
}
