package org.aet.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file written in two steps: everything goes to a hidden temporary file beside the
 * target, which {@link #commit()} moves into place in one step. Until then the target is untouched,
 * so a failed or interrupted export never leaves a half-written file (or destroys a good one from
 * an earlier run).
 */
public final class AtomicOutput implements AutoCloseable {
  private final Path target;
  private final Path temporary;
  private boolean committed;

  /**
   * Starts writing {@code target}.
   *
   * @throws IOException when the target exists and is not an ordinary file (a folder, a device):
   *     moving a file over it would replace it
   */
  public AtomicOutput(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    if (Files.exists(this.target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(this.target)) {
      throw new IOException(
          target + " is not an ordinary file (a folder, a device or a broken link); not replaced");
    }
    Path folder = this.target.getParent();
    Files.createDirectories(folder);
    // createFile (not createTempFile) so the result gets the user's usual permissions, not
    // owner-only ones.
    this.temporary =
        folder.resolve(
            "." + this.target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
    Files.createFile(temporary);
  }

  /** Writes {@code text} (UTF-8) to {@code target}, whole or not at all. */
  public static void writeString(Path target, String text) throws IOException {
    try (AtomicOutput output = new AtomicOutput(target)) {
      Files.writeString(output.temporary(), text, java.nio.charset.StandardCharsets.UTF_8);
      output.commit();
    }
  }

  /** Where to write. */
  public Path temporary() {
    return temporary;
  }

  /** Moves the finished temporary file over the target. */
  public void commit() throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Deletes the temporary file unless it was committed. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      Files.deleteIfExists(temporary);
    }
  }
}
