package org.aet.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.io.Registry;
import org.aet.io.SafeFiles;
import org.aet.io.TextDecoder;
import org.aet.model.Transcript;

/**
 * The transcript files named on a command line, found but not yet read, so that a large corpus is
 * read one file at a time. A folder contributes every file below it that a reader takes, in name
 * order; each first-level subfolder is taken as a case (for example {@code
 * corpus/northbrook/leader-1.txt} belongs to case "northbrook") unless the file names its own.
 */
public final class Corpus {
  private final Registry<TranscriptReader> readers;
  private final List<Entry> entries;
  private final Options options;
  private final Manifest manifest;

  /**
   * How to read a corpus.
   *
   * @param manifest a manifest file to use, or null to look for {@code corpus.csv} / {@code
   *     corpus.json} in the folders named as input
   * @param strict whether warnings count as errors
   */
  public record Options(Path manifest, boolean strict) {
    public static final Options DEFAULT = new Options(null, false);
  }

  /**
   * A transcript file to read.
   *
   * @param path the file
   * @param id its transcript id: the path below the folder named (or the file name), without
   *     extension
   * @param defaultCase the case its folder implies, or ""
   */
  public record Entry(Path path, String id, String defaultCase) {
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(defaultCase, "defaultCase");
    }
  }

  private Corpus(
      Registry<TranscriptReader> readers, List<Entry> entries, Options options, Manifest manifest) {
    this.readers = readers;
    this.entries = List.copyOf(entries);
    this.options = options;
    this.manifest = manifest;
  }

  /**
   * Finds the transcripts in {@code inputs} with the default options (a manifest found in a folder,
   * lenient).
   */
  public static Corpus discover(List<Path> inputs, Registry<TranscriptReader> readers)
      throws AetException {
    return discover(inputs, readers, Options.DEFAULT);
  }

  /**
   * Finds the transcripts in {@code inputs} (files or folders).
   *
   * @throws AetException when an input does not exist, a named file has no reader, nothing is
   *     found, or two files would get the same transcript id
   */
  public static Corpus discover(
      List<Path> inputs, Registry<TranscriptReader> readers, Options options) throws AetException {
    List<Entry> entries = new ArrayList<>();
    Path manifestFile = options.manifest();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        entries.addAll(walk(input, readers));
        if (manifestFile == null) {
          manifestFile = Manifest.findIn(input);
        }
      } else if (Files.isRegularFile(input)) {
        if (readers.forFile(input) == null) {
          throw new AetException(
              input
                  + ": aet cannot read ."
                  + Registry.extensionOf(input)
                  + " files; it reads "
                  + readers.extensionList());
        }
        entries.add(new Entry(input, stripExtension(input.getFileName().toString()), ""));
      } else {
        throw new AetException(input + ": no such file or folder");
      }
    }
    if (entries.isEmpty()) {
      throw new AetException(
          "no transcripts found in " + inputs + "; aet reads " + readers.extensionList());
    }
    entries = uniqueIds(entries);
    if (manifestFile != null && !Files.isRegularFile(manifestFile)) {
      throw new AetException(manifestFile + ": no such manifest file");
    }
    Manifest manifest = manifestFile == null ? null : Manifest.load(manifestFile);
    return new Corpus(readers, entries, options, manifest);
  }

  /** The manifest in use, or null. */
  public Manifest manifest() {
    return manifest;
  }

  /** Problems with the corpus as a whole: manifest entries that match no transcript. */
  public List<Diagnostic> warnings() {
    return manifest == null
        ? List.of()
        : manifest.unmatched(entries.stream().map(Entry::path).toList());
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
      throw new InputException(
          Diagnostic.fileError(entry.path(), "cannot read the file: " + e.getMessage()));
    }
    ReadResult result;
    if (reader.binary()) {
      result =
          reader.read(
              new SourceText(
                  entry.path(), entry.id(), entry.defaultCase(), "", reader.format(), bytes));
    } else {
      TextDecoder.Decoded decoded;
      try {
        decoded = TextDecoder.decodeText(bytes);
      } catch (TextDecoder.NotText e) {
        throw new InputException(Diagnostic.fileError(entry.path(), e.getMessage()));
      }
      result =
          reader.read(
              new SourceText(
                  entry.path(),
                  entry.id(),
                  entry.defaultCase(),
                  decoded.text(),
                  decoded.encoding()));
    }
    if (options.strict() && !result.warnings().isEmpty()) {
      throw new InputException(
          result.warnings().stream()
              .map(
                  w ->
                      Diagnostic.error(
                          w.file(),
                          w.line(),
                          w.column(),
                          w.message() + " (an error with --strict)",
                          w.lineText()))
              .toList());
    }
    Transcript transcript =
        manifest == null ? result.transcript() : manifest.apply(result.transcript());
    transcript =
        SpeakerVariants.merge(
            transcript, manifest == null ? Set.of() : manifest.speakerKeys(transcript.source()));
    return new ReadResult(transcript, result.encoding(), result.warnings());
  }

  private static List<Entry> walk(Path folder, Registry<TranscriptReader> readers)
      throws AetException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !isManifest(p))
          .filter(p -> readers.forFile(p) != null)
          .sorted()
          .map(p -> entryBelow(folder, p))
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new AetException(folder + ": cannot list the folder: " + e.getMessage(), e);
    }
  }

  /** Manifest files sit among the transcripts but are not transcripts. */
  private static boolean isManifest(Path file) {
    String name = file.getFileName().toString();
    return Manifest.FILE_NAMES.contains(name) || name.equals(Manifest.SPEAKERS_FILE);
  }

  private static Entry entryBelow(Path folder, Path file) {
    Path relative = folder.relativize(file);
    String id = stripExtension(relative.toString().replace('\\', '/'));
    String defaultCase = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    return new Entry(file, id, defaultCase);
  }

  /**
   * Makes transcript ids unique: where two files would share an id ("leader-conversation" in two
   * folders named separately), each is prefixed with its parent folders until they differ
   * ("Riverside/leader-conversation").
   */
  private static List<Entry> uniqueIds(List<Entry> entries) throws AetException {
    List<Entry> result = new ArrayList<>(entries);
    for (int depth = 1; ; depth++) {
      Map<String, List<Integer>> byId = new HashMap<>();
      for (int i = 0; i < result.size(); i++) {
        byId.computeIfAbsent(result.get(i).id(), k -> new ArrayList<>()).add(i);
      }
      List<List<Integer>> clashes = byId.values().stream().filter(l -> l.size() > 1).toList();
      if (clashes.isEmpty()) {
        return result;
      }
      for (List<Integer> clash : clashes) {
        for (int i : clash) {
          Entry entry = result.get(i);
          Path parent = entry.path().toAbsolutePath().normalize().getParent();
          for (int up = 1; up < depth && parent != null; up++) {
            parent = parent.getParent();
          }
          if (parent == null || parent.getFileName() == null) {
            Entry other = result.get(clash.get(0) == i ? clash.get(1) : clash.get(0));
            throw new AetException(
                "two transcripts would both be called \""
                    + entry.id()
                    + "\": "
                    + other.path()
                    + " and "
                    + entry.path()
                    + "; rename one of them");
          }
          result.set(
              i,
              new Entry(
                  entry.path(), parent.getFileName() + "/" + entry.id(), entry.defaultCase()));
        }
      }
    }
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
