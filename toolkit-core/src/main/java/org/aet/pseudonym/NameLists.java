package org.aet.pseudonym;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.io.TextDecoder;

/**
 * A researcher's own lists: names to replace always (what no program can know is a name, such as a
 * project's nickname) and names never to replace (a funder, a country, the word CoreNLP keeps
 * taking for a person). Plain text, one name per line, {@code #} starts a comment; a line of the
 * always list may start with a kind, as in {@code organisation: Eastmoor Trust}.
 *
 * @param always names to replace, with their kinds
 * @param never names to leave as they are
 */
public record NameLists(List<Listed> always, Set<String> never) {
  /** One name of the always list. */
  public record Listed(String name, NameKind kind) {}

  public static final NameLists NONE = new NameLists(List.of(), Set.of());

  public NameLists {
    always = List.copyOf(always);
    never = Set.copyOf(never);
  }

  /**
   * Reads the lists; either file may be null.
   *
   * @throws InputException naming the file and line of anything that cannot be read
   */
  public static NameLists load(Path alwaysFile, Path neverFile) throws InputException {
    List<Listed> always = new ArrayList<>();
    Set<String> never = new LinkedHashSet<>();
    List<Diagnostic> problems = new ArrayList<>();
    if (alwaysFile != null) {
      List<String> lines = lines(alwaysFile);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        NameKind kind = NameKind.OTHER;
        int colon = line.indexOf(':');
        if (colon > 0 && NameKind.of(line.substring(0, colon)) != null) {
          kind = NameKind.of(line.substring(0, colon));
          line = line.substring(colon + 1).strip();
        }
        if (kind == NameKind.SPEAKER) {
          problems.add(
              Diagnostic.error(
                  alwaysFile,
                  i + 1,
                  1,
                  "speakers are found from the transcripts; write \"person:\" for a person who is"
                      + " named but does not speak",
                  lines.get(i)));
        } else if (!line.isEmpty()) {
          always.add(new Listed(line, kind));
        }
      }
    }
    if (neverFile != null) {
      lines(neverFile).stream().filter(l -> !l.isEmpty()).forEach(never::add);
    }
    for (Listed listed : always) {
      if (never.contains(listed.name())) {
        problems.add(
            Diagnostic.fileError(
                alwaysFile,
                "\""
                    + listed.name()
                    + "\" is on both lists (always and never replace); keep it on one"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new NameLists(always, never);
  }

  /** The file's lines without comments and surrounding spaces (blank lines kept for numbering). */
  private static List<String> lines(Path file) throws InputException {
    try {
      String text = TextDecoder.decode(Files.readAllBytes(file)).text();
      List<String> out = new ArrayList<>();
      for (String line : TextDecoder.normaliseLineEnds(text).split("\n", -1)) {
        int hash = line.indexOf('#');
        out.add((hash >= 0 ? line.substring(0, hash) : line).strip());
      }
      return out;
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, "cannot read: " + e.getMessage()));
    }
  }
}
