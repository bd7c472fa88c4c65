package org.aet.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a test needs from outside the repository (../shared, a browser, LibreOffice). On a user's
 * machine a test whose need is absent is skipped, so a fresh clone still passes; in CI ({@code
 * CI=true}), which installs all of it, an absent need fails the test, so a test that should run
 * there never skips quietly.
 */
public final class Requirements {
  private Requirements() {}

  /** True when running under CI, which promises ../shared and installs every program tests need. */
  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips the test (fails it in CI) unless {@code present}; {@code what} says what is missing. */
  public static void require(boolean present, String what) {
    if (present) {
      return;
    }
    if (inCi()) {
      fail(what + ", and CI must have it (.ci/run installs it): not skipping in CI");
    }
    assumeTrue(false, what + "; skipping");
  }

  /** The first of {@code names} found executable on the PATH (or given as an absolute path). */
  public static Optional<Path> findProgram(String... names) {
    String[] folders = System.getenv().getOrDefault("PATH", "").split(":");
    for (String name : names) {
      Path given = Path.of(name);
      if (given.isAbsolute()) {
        if (Files.isExecutable(given)) {
          return Optional.of(given);
        }
        continue;
      }
      for (String folder : folders) {
        if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
          return Optional.of(Path.of(folder, name));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The program, or the test is skipped (failed in CI) naming the Debian package that brings it.
   */
  public static Path program(String debianPackage, String... names) {
    Optional<Path> found = findProgram(names);
    require(
        found.isPresent(),
        "none of "
            + Arrays.toString(names)
            + " is installed (Debian package "
            + debianPackage
            + ")");
    return found.orElseThrow();
  }
}
