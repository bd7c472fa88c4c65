package org.aet.codebook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.io.TextDecoder;
import org.aet.model.Token;
import org.aet.nlp.Annotator;

/**
 * Finds and loads codebooks: the ones shipped inside aet by name ("four-tensions"), or any file by
 * path.
 */
public final class Codebooks {
  private static final String SHIPPED = "/org/aet/codebooks/";

  private Codebooks() {}

  /**
   * The codebook called {@code nameOrPath}: a path to a JSON file if such a file exists or the text
   * ends in ".json", otherwise the name of a shipped codebook.
   *
   * @throws AetException when there is no such codebook, or it has errors (each with line and
   *     column)
   */
  public static Codebook load(String nameOrPath) throws AetException {
    return parse(nameOrPath, null).codebook();
  }

  /**
   * Loads a codebook as {@link #load(String)} does and lists what is valid but probably not meant:
   * template text left in, wildcards that match nearly any word, patterns that may run long, a name
   * {@code codebook new} would refuse, and lemmas in patterns that {@code lemmatiser} never gives
   * (the lemma of "people" is "person"). The lemmatiser runs only when a pattern names a lemma.
   */
  public static CodebookCheck check(String nameOrPath, Annotator lemmatiser) throws AetException {
    CodebookParser.Parsed parsed =
        parse(
            nameOrPath,
            word -> {
              List<Token> tokens = lemmatiser.annotate(word).tokens();
              return tokens.size() == 1 ? tokens.get(0).lemma() : word;
            });
    return new CodebookCheck(parsed.codebook(), parsed.warnings());
  }

  /** The codebook that {@code nameOrPath} extends, if it extends one. */
  public static java.util.Optional<Codebook> extended(String nameOrPath) throws AetException {
    return java.util.Optional.ofNullable(parse(nameOrPath, null).extended());
  }

  /** Reads a codebook by name or path; {@code lemmatiser}, if not null, checks pattern lemmas. */
  private static CodebookParser.Parsed parse(String nameOrPath, UnaryOperator<String> lemmatiser)
      throws AetException {
    Path path = Path.of(nameOrPath);
    if (Files.isRegularFile(path) || nameOrPath.endsWith(".json")) {
      return parse(path, lemmatiser);
    }
    try (InputStream in = Codebooks.class.getResourceAsStream(SHIPPED + nameOrPath + ".json")) {
      if (in == null) {
        throw new AetException(
            "no codebook called \""
                + nameOrPath
                + "\": aet ships "
                + String.join(", ", shipped())
                + "; or give the path of a codebook .json file");
      }
      return CodebookParser.parse(
          Path.of("codebooks", nameOrPath + ".json"),
          TextDecoder.normaliseLineEnds(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
          Codebooks::load,
          lemmatiser);
    } catch (IOException e) {
      throw new AetException(
          "cannot read the shipped codebook " + nameOrPath + ": " + e.getMessage(), e);
    }
  }

  /**
   * The codebook in {@code json}, with {@code version} as its version (for codebooks stored
   * elsewhere, such as in a project, whose version is that of the file they were first loaded
   * from).
   */
  public static Codebook fromJson(String json, String version, Path origin) throws InputException {
    return CodebookParser.parse(origin, json, Codebooks::load).codebook().withVersion(version);
  }

  /** Loads and validates the codebook in {@code file}. */
  public static Codebook load(Path file) throws InputException {
    return parse(file, null).codebook();
  }

  private static CodebookParser.Parsed parse(Path file, UnaryOperator<String> lemmatiser)
      throws InputException {
    Path key = file.toAbsolutePath().normalize();
    List<Path> loading = LOADING.get();
    int earlier = loading.indexOf(key);
    if (earlier >= 0) {
      List<Path> chain = new ArrayList<>(loading.subList(earlier, loading.size()));
      chain.add(key);
      throw ExtendsLoop.of(chain);
    }
    loading.add(key);
    try {
      return CodebookParser.parse(
          file,
          TextDecoder.decode(Files.readAllBytes(file)).text(),
          name -> resolveBeside(file, name),
          lemmatiser);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InputException(Diagnostic.fileError(file, "no such codebook file"));
    } catch (IOException e) {
      throw new InputException(
          Diagnostic.fileError(file, "cannot read the codebook: " + e.getMessage()));
    } finally {
      loading.remove(loading.size() - 1);
    }
  }

  /** The codebook files being loaded on this thread, outermost first: to find loops of extends. */
  private static final ThreadLocal<List<Path>> LOADING = ThreadLocal.withInitial(ArrayList::new);

  /**
   * A codebook named by an {@code extends} in {@code file}: a path relative to it, or a shipped
   * name.
   */
  private static Codebook resolveBeside(Path file, String name) throws AetException {
    Path parent = file.toAbsolutePath().getParent();
    Path relative = parent == null ? Path.of(name) : parent.resolve(name);
    return Files.isRegularFile(relative) ? load(relative) : load(name);
  }

  /** The names of the codebooks shipped with aet, in the order of {@code codebooks/index.txt}. */
  public static List<String> shipped() {
    try (InputStream in = Codebooks.class.getResourceAsStream(SHIPPED + "index.txt")) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
