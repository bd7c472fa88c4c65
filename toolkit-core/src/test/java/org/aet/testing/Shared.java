package org.aet.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's ../shared folder (real third-party transcripts, the REFI-QDA schemas). Tests that
 * need it skip where it is absent, as in a user's fresh clone; CI always has it.
 */
public final class Shared {
  private Shared() {}

  /** {@code ../shared/relative}, or the test is skipped when it is not there. */
  public static Path require(String relative) {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve(relative);
      if (Files.exists(candidate) && Files.exists(dir.resolve("shared/design.md"))) {
        return candidate;
      }
    }
    assumeTrue(false, "../shared/" + relative + " is not here; skipping");
    return null;
  }

  /** The repository's root folder (the one with the parent pom.xml and codebooks/). */
  public static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("codebooks")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the repository root from " + Path.of("").toAbsolutePath());
  }
}
