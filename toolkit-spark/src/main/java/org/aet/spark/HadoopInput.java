package org.aet.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.aet.diagnostics.AetException;
import org.aet.ingest.Manifest;
import org.aet.ingest.TranscriptReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.util.VersionInfo;

/**
 * Transcripts (or a model file) named by a Hadoop file-system address ({@code hdfs://}, {@code
 * s3a://}, {@code file://}, whatever connector is on the class path), copied once per JVM into a
 * local temporary folder so that aet's readers read them as files. Only what aet reads is copied:
 * files a transcript reader takes and the corpus manifest, never recordings or other large files
 * beside them. Messages about the copies name the address they came from.
 *
 * @param address the address as given, without a trailing slash
 * @param local where its copy is on this machine
 */
record HadoopInput(String address, Path local) {
  private static final Map<String, String> CONNECTORS =
      Map.of(
          "s3a", "hadoop-aws (spark-submit --packages org.apache.hadoop:hadoop-aws:%s)",
          "gs", "the Google Cloud Storage connector (gcs-connector)",
          "abfs", "hadoop-azure (spark-submit --packages org.apache.hadoop:hadoop-azure:%s)",
          "abfss", "hadoop-azure (spark-submit --packages org.apache.hadoop:hadoop-azure:%s)",
          "wasbs", "hadoop-azure (spark-submit --packages org.apache.hadoop:hadoop-azure:%s)");

  /** Whether {@code name} is an address with a scheme (read through Hadoop) rather than a path. */
  static boolean isAddress(String name) {
    return name.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !name.matches("[a-zA-Z]:[\\\\/].*");
  }

  /**
   * Copies what aet reads below {@code address} (a folder or one file) into a new local folder.
   *
   * @param hadoop Hadoop settings ({@code spark.hadoop.*} without the prefix), on top of those
   *     Hadoop finds on the class path
   * @throws AetException when no connector on the class path reads the address, or it cannot be
   *     read
   */
  static HadoopInput copy(String address, Map<String, String> hadoop) throws AetException {
    String trimmed = address.replaceAll("(?<!/)/+$", "");
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(trimmed);
    FileSystem fs = fileSystem(trimmed, hadoop);
    Path local;
    try {
      local = Files.createTempDirectory("aet-input-");
      deleteOnExit(local);
      FileStatus status = fs.getFileStatus(root);
      if (status.isFile()) {
        fetch(fs, root, local.resolve(root.getName()));
        return new HadoopInput(trimmed, local.resolve(root.getName()));
      }
      root = fs.makeQualified(root);
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        org.apache.hadoop.fs.Path file = files.next().getPath();
        String relative = root.toUri().relativize(file.toUri()).getPath();
        if (wanted(relative)) {
          fetch(fs, file, local.resolve(relative));
        }
      }
    } catch (java.io.FileNotFoundException e) {
      throw new AetException(address + ": no such file or folder", e);
    } catch (IOException | RuntimeException e) {
      // Hadoop also reports a path it cannot take by an unchecked exception ("Wrong FS").
      throw new AetException(address + ": cannot read it: " + e.getMessage(), e);
    }
    return new HadoopInput(trimmed, local);
  }

  /** {@code message} with the local copy's place replaced by the address it came from. */
  String name(String message) {
    return message.replace(local.toString(), address);
  }

  private static FileSystem fileSystem(String address, Map<String, String> hadoop)
      throws AetException {
    Configuration conf = new Configuration();
    hadoop.forEach(conf::set);
    URI uri = URI.create(address);
    try {
      return FileSystem.get(uri, conf);
    } catch (UnsupportedFileSystemException e) {
      throw missingConnector(address, uri.getScheme(), e);
    } catch (RuntimeException e) {
      if (hasCause(e, ClassNotFoundException.class)) {
        throw missingConnector(address, uri.getScheme(), e);
      }
      throw new AetException(address + ": cannot open it: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new AetException(address + ": cannot open it: " + e.getMessage(), e);
    }
  }

  private static AetException missingConnector(String address, String scheme, Exception cause) {
    String connector =
        CONNECTORS.getOrDefault(scheme, "the Hadoop connector for " + scheme + ":// addresses");
    return new AetException(
        address
            + ": Spark cannot read "
            + scheme
            + ":// addresses here: add "
            + connector.formatted(VersionInfo.getVersion())
            + " to the class path, or copy the transcripts to a folder every machine can read",
        cause);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** A file aet reads: a transcript some reader takes, or a manifest; nothing hidden. */
  private static boolean wanted(String relative) {
    String name = relative.substring(relative.lastIndexOf('/') + 1);
    if (name.startsWith(".") || name.startsWith("_") || relative.contains("/.")) {
      return false;
    }
    return Manifest.FILE_NAMES.contains(name)
        || name.equals(Manifest.SPEAKERS_FILE)
        || TranscriptReader.registry().forFile(Path.of(name)) != null;
  }

  private static void fetch(FileSystem fs, org.apache.hadoop.fs.Path from, Path to)
      throws IOException {
    Files.createDirectories(to.getParent());
    try (InputStream in = fs.open(from)) {
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteOnExit(Path folder) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Stream<Path> paths = Files.walk(folder)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                  } catch (IOException | UncheckedIOException e) {
                    // A temporary copy left behind; the system's temporary folder is cleaned.
                  }
                }));
  }
}
