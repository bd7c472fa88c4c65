package org.aet.project;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.aet.diagnostics.AetException;

/**
 * One writer at a time per project, and a name for it. A command that changes a project holds an
 * operating-system lock on a small hidden file beside it ({@code .study.aet.lock}) for as long as
 * it works, with a line saying who holds it (process, command, since when). Another writer waits
 * for it, and if it waits too long says whom it waited for. The operating system drops the lock
 * when a process ends, however it ends, so a crash never leaves the project locked. The file itself
 * stays: deleting it could let two writers lock two different files.
 */
final class ProjectLock {
  private static final Duration POLL = Duration.ofMillis(100);

  private final FileChannel channel;
  private final FileLock lock;

  private ProjectLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code project}. */
  static Path fileOf(Path project) {
    Path absolute = project.toAbsolutePath();
    return absolute.resolveSibling("." + absolute.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code project}, waiting up to {@code wait} for another writer.
   *
   * @throws AetException naming the holder when the wait runs out
   */
  static ProjectLock acquire(Path project, Duration wait) throws AetException {
    Path file = fileOf(project);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new AetException(
          project
              + ": cannot take the project's lock ("
              + file
              + ": "
              + e.getMessage()
              + "); the folder must be writable to change the project",
          e);
    }
    Instant deadline = Instant.now().plus(wait);
    try {
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // held by this very process, through another store
        }
        if (lock != null) {
          String holder =
              "pid "
                  + ManagementFactory.getRuntimeMXBean().getPid()
                  + ", "
                  + command()
                  + ", since "
                  + Instant.now()
                  + "\n";
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
          channel.force(false);
          return new ProjectLock(channel, lock);
        }
        if (!Instant.now().isBefore(deadline)) {
          String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
          channel.close();
          throw new AetException(
              project
                  + " is being changed by another aet command ("
                  + (holder.isEmpty() ? "holder unknown" : holder)
                  + "); waited "
                  + wait.toSeconds()
                  + " s. Run this command again when that one has finished");
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (IOException e) {
      closeQuietly(channel);
      throw new AetException(project + ": cannot take the project's lock: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(channel);
      throw new AetException(project + ": interrupted while waiting for the project's lock", e);
    }
  }

  /** Lets the next writer in. */
  void release() {
    try {
      channel.truncate(0);
      lock.release();
    } catch (IOException e) {
      // the lock goes with the channel below
    } finally {
      closeQuietly(channel);
    }
  }

  /** What this process is doing, for the holder line: "aet add" when run from the command line. */
  private static String command() {
    String command = System.getProperty("sun.java.command", "");
    String[] words = command.split(" ");
    boolean aet = words[0].endsWith("Main") || words[0].endsWith(".jar");
    return aet && words.length > 1 ? "aet " + words[1] : "aet";
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
