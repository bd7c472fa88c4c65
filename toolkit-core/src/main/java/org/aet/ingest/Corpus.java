package org.aet.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;

/**
 * The transcript files named on a command line, found but not yet read, so that a large corpus is read one file
 * at a time. A folder contributes every file below it that a reader takes, in name order; each first-level
 * subfolder is taken as a case (for example {@code corpus/northbrook/leader-1.txt} belongs to case
 * "northbrook") unless the file names its own.
 */
public final class Corpus {
  private final TranscriptReaders readers;
  private final List<Entry> entries;

  /**
   * A transcript file to read.
   *
   * @param path the file
   * @param id its transcript id: the path below the folder named (or the file name), without extension
   * @param defaultCase the case its folder implies, or ""
   */
  public record Entry(Path path, String id, String defaultCase) {
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(defaultCase, "defaultCase");
    }
  }

  private Corpus(TranscriptReaders readers, List<Entry> entries) {
    this.readers = readers;
    this.entries = List.copyOf(entries);
  }

  /**
   * Finds the transcripts in {@code inputs} (files or folders).
   *
   * @throws AetException when an input does not exist, a named file has no reader, nothing is found, or two
   *     files would get the same transcript id
   */
  public static Corpus discover(List<Path> inputs, TranscriptReaders readers) throws AetException {
    List<Entry> entries = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        entries.addAll(walk(input, readers));
      } else if (Files.isRegularFile(input)) {
        if (readers.forFile(input) == null) {
          throw new AetException(input + ": aet cannot read ." + TranscriptReaders.extensionOf(input)
              + " files; it reads " + describe(readers));
        }
        entries.add(new Entry(input, stripExtension(input.getFileName().toString()), ""));
      } else {
        throw new AetException(input + ": no such file or folder");
      }
    }
    if (entries.isEmpty()) {
      throw new AetException("no transcripts found in " + inputs + "; aet reads " + describe(readers));
    }
    checkUniqueIds(entries);
    return new Corpus(readers, entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * Reads one transcript.
   *
   * @throws InputException when the file cannot be read or has errors (every problem is listed)
   */
  public ReadResult read(Entry entry) throws InputException {
    TranscriptReader reader = readers.forFile(entry.path());
    byte[] bytes;
    try {
      bytes = SafeFiles.readBounded(entry.path());
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(entry.path(), "cannot read the file: " + e.getMessage()));
    }
    if (reader.binary()) {
      return reader.read(new SourceText(entry.path(), entry.id(), entry.defaultCase(), "", reader.format(), bytes));
    }
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    return reader.read(new SourceText(entry.path(), entry.id(), entry.defaultCase(), decoded.text(),
        decoded.encoding()));
  }

  private static List<Entry> walk(Path folder, TranscriptReaders readers) throws AetException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> readers.forFile(p) != null)
          .sorted()
          .map(p -> entryBelow(folder, p))
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new AetException(folder + ": cannot list the folder: " + e.getMessage(), e);
    }
  }

  private static Entry entryBelow(Path folder, Path file) {
    Path relative = folder.relativize(file);
    String id = stripExtension(relative.toString().replace('\\', '/'));
    String defaultCase = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    return new Entry(file, id, defaultCase);
  }

  private static void checkUniqueIds(List<Entry> entries) throws AetException {
    Map<String, Path> seen = new HashMap<>();
    for (Entry entry : entries) {
      Path other = seen.putIfAbsent(entry.id(), entry.path());
      if (other != null) {
        throw new AetException("two transcripts would both be called \"" + entry.id() + "\": " + other + " and "
            + entry.path() + "; rename one of them or name them from a common folder");
      }
    }
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String describe(TranscriptReaders readers) {
    return String.join(", ", readers.extensions().stream().map(e -> "." + e).toList());
  }
}
