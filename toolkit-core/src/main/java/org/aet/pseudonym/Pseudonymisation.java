package org.aet.pseudonym;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.TurnWriter;
import org.aet.ingest.Corpus;
import org.aet.ingest.ReadResult;
import org.aet.ingest.TranscriptReader;
import org.aet.io.Registry;
import org.aet.io.TextDecoder;
import org.aet.io.ToolVersion;
import org.aet.model.Participant;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.aet.pipeline.ProgressListener;
import org.aet.pseudonym.PseudonymKey.Decision;

/**
 * Writes a pseudonymised copy of a corpus: every transcript in its own format (plain text, captions
 * and tables with each name replaced where it stands, so the file looks as it did; JSON value by
 * value; Word documents and a project's transcripts as aet's JSON Lines of turns), the manifest
 * too, and file and folder names that held a name renamed the same way. The copy is made in a
 * temporary folder, read back with aet's own readers and searched for every accepted name; only
 * when none is left does it replace the output folder. The key never goes into it.
 */
public final class Pseudonymisation {
  /** The file that marks a folder as aet's pseudonymised output (and says how it was made). */
  public static final String MARKER = "PSEUDONYMISED.md";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One file to write: where it comes from and where it goes, relative to the output folder. */
  public record Source(Path file, Path relative, Transcript transcript) {}

  /**
   * What was written.
   *
   * @param folder the output folder
   * @param files how many files were written
   * @param replacements how many names were replaced, by kind
   */
  public record Released(Path folder, int files, Map<NameKind, Integer> replacements) {}

  private Pseudonymisation() {}

  /**
   * The files of {@code corpus} to write and where each goes: transcripts and manifest files by
   * their path below the input folder they were found in (a file named as input by its name).
   */
  public static List<Source> sources(Corpus corpus, List<Path> inputs, List<Transcript> transcripts)
      throws AetException {
    Map<Path, Transcript> bySource = new LinkedHashMap<>();
    transcripts.forEach(t -> bySource.put(t.source().toAbsolutePath().normalize(), t));
    List<Source> sources = new ArrayList<>();
    for (Corpus.Entry entry : corpus.entries()) {
      Path file = entry.path().toAbsolutePath().normalize();
      sources.add(new Source(entry.path(), relative(file, inputs), bySource.get(file)));
    }
    if (corpus.manifest() != null) {
      Path manifest = corpus.manifest().path().toAbsolutePath().normalize();
      sources.add(new Source(manifest, relative(manifest, inputs), null));
      Path speakers = manifest.resolveSibling(org.aet.ingest.Manifest.SPEAKERS_FILE);
      if (!manifest.equals(speakers) && Files.isRegularFile(speakers)) {
        sources.add(new Source(speakers, relative(speakers, inputs), null));
      }
    }
    return sources;
  }

  /** A project's transcripts, each to be written as JSON Lines named by its id. */
  public static List<Source> sources(List<Transcript> transcripts) {
    return transcripts.stream().map(t -> new Source(null, Path.of(t.id() + ".jsonl"), t)).toList();
  }

  private static Path relative(Path file, List<Path> inputs) {
    for (Path input : inputs) {
      Path folder = input.toAbsolutePath().normalize();
      if (Files.isDirectory(folder) && file.startsWith(folder)) {
        return folder.relativize(file);
      }
    }
    return file.getFileName();
  }

  /**
   * Writes {@code sources} pseudonymised with {@code key} into {@code out}.
   *
   * @param replace whether an earlier output folder (one with the {@link #MARKER} file) may be
   *     replaced; an empty or missing folder always may, any other never
   * @throws AetException when the key is not reviewed, {@code out} cannot be used, a file cannot be
   *     written, or a name is still found in the copy (then nothing is written)
   */
  public static Released release(
      List<Source> sources,
      PseudonymKey key,
      Path out,
      boolean replace,
      Registry<TranscriptReader> readers,
      ProgressListener progress)
      throws AetException {
    Pseudonymiser pseudonymiser = Pseudonymiser.of(key);
    checkFolder(out, replace);
    Path target = out.toAbsolutePath().normalize();
    Path temporary =
        target.resolveSibling(
            "." + target.getFileName() + "." + Long.toHexString(System.nanoTime()));
    Map<NameKind, Integer> counts = new EnumMap<>(NameKind.class);
    Map<String, NameKind> kindOf = new LinkedHashMap<>();
    key.entries().forEach(e -> kindOf.put(e.original(), e.kind()));
    try {
      Files.createDirectories(temporary);
      Set<Path> written = new HashSet<>();
      int done = 0;
      for (Source source : sources) {
        progress.progress("Writing pseudonymised files", done++, sources.size());
        Path relative = renamed(source, pseudonymiser);
        if (!written.add(relative)) {
          throw new AetException(
              out.resolve(relative)
                  + ": two input files would be written here (they have the same path below their"
                  + " input folders, or differ only by a name that is replaced); rename one of"
                  + " them");
        }
        Path file = temporary.resolve(relative);
        Files.createDirectories(file.getParent());
        write(source, file, pseudonymiser, counts, kindOf);
      }
      progress.progress("Writing pseudonymised files", done, sources.size());
      Files.writeString(temporary.resolve(MARKER), marker(sources, counts), StandardCharsets.UTF_8);
      checkCopy(temporary, target, pseudonymiser, readers, sources);
      moveIntoPlace(temporary, target);
      return new Released(out, written.size(), counts);
    } catch (IOException e) {
      throw new AetException(out + ": cannot write: " + e.getMessage(), e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /** The output path of {@code source}: names in its folders and file name replaced. */
  private static Path renamed(Source source, Pseudonymiser pseudonymiser) {
    Path relative = source.relative();
    if (source.file() != null && isDocx(source.file())) {
      String name = relative.getFileName().toString();
      relative = relative.resolveSibling(name.substring(0, name.length() - 5) + ".jsonl");
    }
    Path out = null;
    for (Path part : relative) {
      String name = pseudonymiser.apply(part.toString());
      out = out == null ? Path.of(name) : out.resolve(name);
    }
    return out;
  }

  private static boolean isDocx(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".docx");
  }

  private static void write(
      Source source,
      Path target,
      Pseudonymiser pseudonymiser,
      Map<NameKind, Integer> counts,
      Map<String, NameKind> kindOf)
      throws IOException {
    if (source.file() == null || isDocx(source.file())) {
      Transcript transcript = pseudonymiser.apply(source.transcript());
      count(pseudonymiser.remaining(source.transcript().text()), counts, kindOf);
      try (TurnWriter writer = new TurnWriter(target)) {
        writer.write(transcript);
        writer.finish();
      }
      return;
    }
    String text = TextDecoder.decode(Files.readAllBytes(source.file())).text();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String name = source.file().getFileName().toString().toLowerCase(Locale.ROOT);
    String rewritten;
    List<NameMatcher.Match> replaced;
    if (name.endsWith(".json")) {
      JsonNode tree = JSON.readTree(text);
      rewritten =
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(replaceIn(tree, pseudonymiser))
              + "\n";
      replaced = pseudonymiser.remaining(text);
    } else if (name.endsWith(".jsonl")) {
      StringBuilder lines = new StringBuilder();
      for (String line : TextDecoder.normaliseLineEnds(text).split("\n")) {
        lines
            .append(
                line.isBlank()
                    ? line
                    : JSON.writeValueAsString(replaceIn(JSON.readTree(line), pseudonymiser)))
            .append('\n');
      }
      rewritten = lines.toString();
      replaced = pseudonymiser.remaining(text);
    } else {
      NameMatcher.Rewrite rewrite = pseudonymiser.rewrite(text);
      rewritten = rewrite.text();
      replaced = rewrite.matches();
    }
    if (source.transcript() != null) {
      count(replaced, counts, kindOf);
    }
    Files.writeString(target, rewritten, StandardCharsets.UTF_8);
  }

  private static JsonNode replaceIn(JsonNode node, Pseudonymiser pseudonymiser) {
    if (node.isTextual()) {
      return TextNode.valueOf(pseudonymiser.apply(node.textValue()));
    }
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(f -> f.setValue(replaceIn(f.getValue(), pseudonymiser)));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replaceIn(array.get(i), pseudonymiser));
      }
    }
    return node;
  }

  private static void count(
      List<NameMatcher.Match> replaced,
      Map<NameKind, Integer> counts,
      Map<String, NameKind> kindOf) {
    for (NameMatcher.Match m : replaced) {
      counts.merge(kindOf.getOrDefault(m.name(), NameKind.OTHER), 1, Integer::sum);
    }
  }

  /**
   * Reads the copy back as aet would and looks for every accepted name in what was said, speaker
   * labels, case names and attributes.
   */
  private static void checkCopy(
      Path copy,
      Path target,
      Pseudonymiser pseudonymiser,
      Registry<TranscriptReader> readers,
      List<Source> sources)
      throws AetException {
    long transcripts = sources.stream().filter(s -> s.transcript() != null).count();
    Corpus corpus = Corpus.discover(List.of(copy), readers);
    List<Diagnostic> left = new ArrayList<>();
    for (Corpus.Entry entry : corpus.entries()) {
      Path shown = target.resolve(copy.relativize(entry.path()));
      ReadResult read;
      try {
        read = corpus.read(entry);
      } catch (InputException e) {
        throw new AetException(
            shown
                + ": aet cannot read its own pseudonymised copy ("
                + e.getMessage()
                + "); nothing was written. Please report this.",
            e);
      }
      Transcript t = read.transcript();
      for (Turn turn : t.turns()) {
        for (NameMatcher.Match m : pseudonymiser.remaining(turn.text())) {
          left.add(Diagnostic.error(shown, turn.line(), 1, stillThere(m), ""));
        }
      }
      List<String> labels = new ArrayList<>();
      for (Participant p : t.participants()) {
        labels.add(p.name());
        labels.addAll(p.variants());
      }
      labels.add(t.caseName());
      labels.addAll(t.attributes().values());
      for (String label : labels) {
        for (NameMatcher.Match m : pseudonymiser.remaining(label)) {
          left.add(Diagnostic.fileError(shown, stillThere(m) + " (in \"" + label + "\")"));
        }
      }
    }
    if (corpus.entries().size() != transcripts) {
      throw new AetException(
          target
              + ": the pseudonymised copy holds "
              + corpus.entries().size()
              + " transcript(s), not "
              + transcripts
              + "; nothing was written. Please report this.");
    }
    if (!left.isEmpty()) {
      throw new InputException(left);
    }
  }

  private static String stillThere(NameMatcher.Match m) {
    return "\""
        + m.name()
        + "\" is still in the pseudonymised copy, so nothing was written; this is a fault in aet,"
        + " please report it";
  }

  private static String marker(List<Source> sources, Map<NameKind, Integer> counts) {
    StringBuilder text = new StringBuilder();
    text.append("Pseudonymised with aet ")
        .append(ToolVersion.current())
        .append(" on ")
        .append(Instant.now().toString(), 0, 10)
        .append(".\n\n");
    text.append(sources.stream().filter(s -> s.transcript() != null).count())
        .append(" transcript(s). Names replaced:\n");
    for (NameKind kind : NameKind.values()) {
      text.append("  ")
          .append(kind.label())
          .append(": ")
          .append(counts.getOrDefault(kind, 0))
          .append('\n');
    }
    text.append(
        "\nPeople who speak are \"Participant N\"; people named are \"[Person N]\", organisations"
            + " \"[Organisation X]\", places \"[Place N]\". The key from names to pseudonyms is"
            + " kept by the researcher and is not part of this folder.\n");
    return text.toString();
  }

  private static void checkFolder(Path out, boolean replace) throws AetException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new AetException(out + " is a file; -o needs a folder for the pseudonymised copy");
    }
    if (!Files.isDirectory(out)) {
      return;
    }
    boolean empty;
    try (Stream<Path> children = Files.list(out)) {
      empty = children.findAny().isEmpty();
    } catch (IOException e) {
      throw new AetException(out + ": cannot read the folder: " + e.getMessage(), e);
    }
    if (empty) {
      return;
    }
    if (!Files.isRegularFile(out.resolve(MARKER))) {
      throw new AetException(
          out
              + " is a folder with files in it that aet did not write; choose a new or empty folder"
              + " for the pseudonymised copy");
    }
    if (!replace) {
      throw AetException.naming(
          "%s holds an earlier pseudonymised copy; add {overwrite} to replace it", out);
    }
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
      Files.move(target, old);
    }
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, target);
      }
      throw e;
    }
    if (old != null) {
      deleteQuietly(old);
    }
  }

  private static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Leftovers in a hidden temporary folder are harmless; the release itself succeeded or
      // failed.
    }
  }

  /** How many names in {@code key} were accepted, rejected and not reviewed, for messages. */
  public static Map<Decision, Long> decisions(PseudonymKey key) {
    Map<Decision, Long> out = new EnumMap<>(Decision.class);
    key.entries().forEach(e -> out.merge(e.decision(), 1L, Long::sum));
    return out;
  }
}
