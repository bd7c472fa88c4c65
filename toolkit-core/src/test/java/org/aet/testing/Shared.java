package org.aet.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project's ../shared folder (real third-party transcripts, labelled sets, the REFI-QDA
 * schemas). Tests that need it skip where it is absent, as in a user's fresh clone; CI always has
 * it, and there a test that cannot find it fails (see {@link Requirements}).
 */
public final class Shared {
  private Shared() {}

  /** {@code ../shared/relative}, or the test is skipped (failed in CI) when it is not there. */
  public static Path require(String relative) {
    Optional<Path> found = find(relative);
    Requirements.require(found.isPresent(), "../shared/" + relative + " is not here");
    return found.orElseThrow();
  }

  /**
   * {@code ../shared/relative} where it is there, for a test that runs without it and only checks
   * more with it (a schema validation beside a round trip); in CI its absence fails the test.
   */
  public static Optional<Path> optional(String relative) {
    Optional<Path> found = find(relative);
    if (found.isEmpty() && Requirements.inCi()) {
      Requirements.require(false, "../shared/" + relative + " is not here");
    }
    return found;
  }

  private static Optional<Path> find(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve(relative);
      if (Files.exists(candidate) && Files.exists(dir.resolve("shared/design.md"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The repository's root folder (the one with the parent pom.xml, codebooks/ and corpora/). */
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
