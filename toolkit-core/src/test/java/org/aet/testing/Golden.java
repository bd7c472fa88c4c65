package org.aet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a test's output with a golden file kept beside its input in src/test/resources. Run the
 * tests with {@code -Daet.golden.update=true} to write missing or changed golden files, then review
 * them with git diff.
 */
public final class Golden {
  private static final boolean UPDATE = Boolean.getBoolean("aet.golden.update");

  private Golden() {}

  /**
   * The source folder of test resources, so updates land in the repository rather than in target/.
   */
  public static Path sourceResources() {
    Path module = Path.of("").toAbsolutePath();
    return module.resolve("src/test/resources");
  }

  public static void check(Path expectedFile, String actual) throws IOException {
    if (UPDATE) {
      Files.createDirectories(expectedFile.getParent());
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expectedFile)) {
      fail(
          "no golden file "
              + expectedFile
              + "; the output was:\n"
              + actual
              + "\n(run with -Daet.golden.update=true to write it, then review it)");
    }
    assertEquals(
        Files.readString(expectedFile, StandardCharsets.UTF_8),
        actual,
        "differs from " + expectedFile);
  }
}
