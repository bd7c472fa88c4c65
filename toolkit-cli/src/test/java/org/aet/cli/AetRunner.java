package org.aet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.aet.testing.Shared;

/** Runs {@code aet} in-process through picocli, capturing exit code and output, as tests need. */
final class AetRunner {
  /** Where test runs keep annotations: a temporary folder, never the user's own cache. */
  private static final Path CACHE = temporaryCache();

  private AetRunner() {}

  /** Exit code, standard output and standard error of one {@code aet} run. */
  record Result(int exit, String out, String err) {}

  static Result aet(String... args) {
    if (args.length > 0 && (args[0].equals("code") || args[0].equals("simulate"))) {
      String[] withCache = Arrays.copyOf(args, args.length + 2);
      withCache[args.length] = "--cache";
      withCache[args.length + 1] = CACHE.toString();
      args = withCache;
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  /** The repository's root, found from the test's working folder. */
  static Path repositoryRoot() {
    return Shared.repositoryRoot();
  }

  private static Path temporaryCache() {
    try {
      Path dir = Files.createTempDirectory("aet-test-cache");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
