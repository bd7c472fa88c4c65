package org.aet.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads input files with a size limit, so a huge or endless file gives a clear error, not an
 * out-of-memory.
 */
public final class SafeFiles {
  /**
   * The largest transcript file aet reads: far above any real transcript (a 100-hour one is about 6
   * MB).
   */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  private SafeFiles() {}

  public static byte[] readBounded(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException(
            "the file is larger than "
                + (MAX_BYTES >> 20)
                + " MB, far larger than any transcript;"
                + " is it really one?");
      }
      return bytes;
    }
  }
}
