package org.aet.pseudonym;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.SpreadsheetText;
import org.aet.io.AtomicOutput;
import org.aet.io.CsvTable;
import org.aet.io.TextDecoder;

/**
 * The key from real names to pseudonyms: the one file that can undo pseudonymisation, so it is kept
 * by the researcher and never written among the shared output. As CSV: {@code original}, {@code
 * pseudonym}, {@code kind} (speaker, person, organisation, place, other), {@code found_by}, {@code
 * confidence} (CoreNLP's, for names it found), {@code decision} (proposed, accepted, rejected),
 * {@code occurrences} and {@code where}. Only accepted entries are replaced; a rejected name stays
 * as it is in every later run; proposed ones wait for a person to review them.
 */
public record PseudonymKey(List<Entry> entries) {
  /** Where a name stands in review. */
  public enum Decision {
    /** Found, not yet looked at by a person. */
    PROPOSED,
    /** Replaced by its pseudonym. */
    ACCEPTED,
    /** Left as it is ("never replace"). */
    REJECTED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Decision of(String label) {
      for (Decision d : values()) {
        if (d.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
          return d;
        }
      }
      return null;
    }
  }

  /**
   * One name and its pseudonym.
   *
   * @param original the name as written in the transcripts
   * @param pseudonym what replaces it (names of one person share one pseudonym)
   * @param kind what it names
   * @param foundBy how it was found: "speaker label", "manifest alias", "part of Helen Ward",
   *     "CoreNLP", "case name", "your list"
   * @param confidence CoreNLP's probability for the name, NaN when it was not found by CoreNLP
   * @param decision where it stands in review
   * @param occurrences how often it occurs in the transcripts last read
   * @param where the transcripts it occurs in, for a person to look it up
   */
  public record Entry(
      String original,
      String pseudonym,
      NameKind kind,
      String foundBy,
      double confidence,
      Decision decision,
      int occurrences,
      String where) {
    public Entry withDecision(Decision changed, String newPseudonym) {
      return new Entry(
          original, newPseudonym, kind, foundBy, confidence, changed, occurrences, where);
    }

    public Entry withOccurrences(int count, String files) {
      return new Entry(original, pseudonym, kind, foundBy, confidence, decision, count, files);
    }
  }

  static final List<String> COLUMNS =
      List.of(
          "original",
          "pseudonym",
          "kind",
          "found_by",
          "confidence",
          "decision",
          "occurrences",
          "where");

  public static final PseudonymKey EMPTY = new PseudonymKey(List.of());

  public PseudonymKey {
    entries = List.copyOf(entries);
  }

  /** The entry for {@code original}, if the key has one. */
  public Optional<Entry> find(String original) {
    return entries.stream().filter(e -> e.original().equals(original)).findFirst();
  }

  /** Accepted names and their pseudonyms: what gets replaced. */
  public Map<String, String> replacements() {
    Map<String, String> out = new LinkedHashMap<>();
    entries.stream()
        .filter(e -> e.decision() == Decision.ACCEPTED)
        .forEach(e -> out.put(e.original(), e.pseudonym()));
    return out;
  }

  /** How many names nobody has reviewed yet. */
  public long unreviewed() {
    return entries.stream().filter(e -> e.decision() == Decision.PROPOSED).count();
  }

  /** This key with every proposed name accepted as proposed. */
  public PseudonymKey acceptAll() {
    return new PseudonymKey(
        entries.stream()
            .map(
                e ->
                    e.decision() == Decision.PROPOSED
                        ? e.withDecision(Decision.ACCEPTED, e.pseudonym())
                        : e)
            .toList());
  }

  /** The next unused pseudonym of {@code kind}, counting those in this key and in {@code more}. */
  String next(NameKind kind, List<Entry> more) {
    int highest = 0;
    for (List<Entry> list : List.of(entries, more)) {
      for (Entry e : list) {
        highest = Math.max(highest, kind.numberIn(e.pseudonym()));
      }
    }
    return kind.pseudonym(highest + 1);
  }

  /** Writes the key as CSV (UTF-8 with a byte-order mark, so Excel reads accents right). */
  public void save(Path file) throws IOException {
    try (AtomicOutput output = new AtomicOutput(file)) {
      try (Writer out = Files.newBufferedWriter(output.temporary(), StandardCharsets.UTF_8)) {
        out.write(SpreadsheetText.CSV_BOM + SpreadsheetText.csvRow(COLUMNS));
        for (Entry e : entries) {
          out.write(
              SpreadsheetText.csvRow(
                  List.of(
                      e.original(),
                      e.pseudonym(),
                      e.kind().label(),
                      e.foundBy(),
                      Double.isNaN(e.confidence())
                          ? ""
                          : String.format(Locale.ROOT, "%.3f", e.confidence()),
                      e.decision().label(),
                      e.occurrences(),
                      e.where())));
        }
      }
      output.commit();
    }
  }

  /**
   * Reads a key written by {@link #save} (and perhaps edited by a person).
   *
   * @throws InputException listing every problem with its line and column
   */
  public static PseudonymKey load(Path file) throws InputException {
    List<CsvTable.Row> rows = rows(file);
    Map<String, Integer> column = columns(file, rows);
    List<Diagnostic> problems = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (CsvTable.Row row : rows.subList(1, rows.size())) {
      if (row.cells().stream().allMatch(String::isBlank)) {
        continue;
      }
      Entry entry = entry(file, row, column, seen, problems);
      if (entry != null) {
        entries.add(entry);
      }
    }
    PseudonymKey key = new PseudonymKey(entries);
    problems.addAll(key.leaks(file));
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      throw new InputException(problems);
    }
    return key;
  }

  /** The key's rows as CSV, the header first; an empty key is an error. */
  private static List<CsvTable.Row> rows(Path file) throws InputException {
    String text;
    try {
      text = TextDecoder.decode(Files.readAllBytes(file)).text();
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, "cannot read: " + e.getMessage()));
    }
    List<CsvTable.Row> rows;
    try {
      rows = CsvTable.parse(text, ',');
    } catch (CsvTable.UnclosedQuote e) {
      throw new InputException(Diagnostic.error(file, e.line, e.column, e.getMessage(), ""));
    }
    if (rows.isEmpty()) {
      throw new InputException(
          Diagnostic.fileError(file, "the key is empty; expected the columns " + COLUMNS));
    }
    return rows;
  }

  /** Each column's index by its lower-case heading; the four required ones must be there. */
  private static Map<String, Integer> columns(Path file, List<CsvTable.Row> rows)
      throws InputException {
    Map<String, Integer> column = new HashMap<>();
    List<String> header = rows.get(0).cells();
    for (int i = 0; i < header.size(); i++) {
      column.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    List<Diagnostic> problems = new ArrayList<>();
    for (String required : List.of("original", "pseudonym", "kind", "decision")) {
      if (!column.containsKey(required)) {
        problems.add(
            Diagnostic.error(
                file,
                1,
                1,
                "the key has no \"" + required + "\" column; expected the columns " + COLUMNS,
                ""));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return column;
  }

  /**
   * One row's entry, or null when it cannot be one (no original name, an unknown kind or decision);
   * every problem of the row is added to {@code problems}.
   */
  private static Entry entry(
      Path file,
      CsvTable.Row row,
      Map<String, Integer> column,
      Map<String, Integer> seen,
      List<Diagnostic> problems) {
    String original = SpreadsheetText.fromCsv(cell(row, column, "original"));
    String pseudonym = SpreadsheetText.fromCsv(cell(row, column, "pseudonym"));
    NameKind kind = NameKind.of(cell(row, column, "kind"));
    Decision decision = Decision.of(cell(row, column, "decision"));
    if (original.isEmpty()) {
      problems.add(at(file, row, column, "original", "the original name is empty"));
      return null;
    }
    if (seen.putIfAbsent(original, row.line()) != null) {
      problems.add(
          at(
              file,
              row,
              column,
              "original",
              "\"" + original + "\" is in the key twice (also line " + seen.get(original) + ")"));
    }
    if (kind == null) {
      problems.add(
          at(
              file,
              row,
              column,
              "kind",
              "unknown kind \""
                  + cell(row, column, "kind")
                  + "\"; expected speaker, person, organisation, place or other"));
    }
    if (decision == null) {
      problems.add(
          at(
              file,
              row,
              column,
              "decision",
              "unknown decision \""
                  + cell(row, column, "decision")
                  + "\"; expected proposed, accepted or rejected"));
    }
    if (decision != Decision.REJECTED && pseudonym.isEmpty()) {
      problems.add(at(file, row, column, "pseudonym", "\"" + original + "\" has no pseudonym"));
    }
    if (kind == null || decision == null) {
      return null;
    }
    String confidence = cell(row, column, "confidence");
    String occurrences = cell(row, column, "occurrences");
    return new Entry(
        original,
        pseudonym,
        kind,
        cell(row, column, "found_by"),
        confidence.matches("[0-9.]+") ? Double.parseDouble(confidence) : Double.NaN,
        decision,
        occurrences.matches("[0-9]{1,9}") ? Integer.parseInt(occurrences) : 0,
        cell(row, column, "where"));
  }

  /** Errors for pseudonyms that contain a real name of the key: replacing would not hide it. */
  List<Diagnostic> leaks(Path file) {
    List<Diagnostic> problems = new ArrayList<>();
    NameMatcher originals =
        new NameMatcher(
            entries.stream()
                .filter(e -> e.decision() != Decision.REJECTED)
                .collect(
                    Collectors.toMap(Entry::original, Entry::original, (a, b) -> a, HashMap::new)));
    for (Entry e : entries) {
      if (e.decision() == Decision.REJECTED) {
        continue;
      }
      List<NameMatcher.Match> found = originals.find(e.pseudonym());
      if (!found.isEmpty()) {
        problems.add(
            Diagnostic.fileError(
                file,
                "the pseudonym \""
                    + e.pseudonym()
                    + "\" of \""
                    + e.original()
                    + "\" contains the real name \""
                    + found.get(0).name()
                    + "\"; choose one that does not"));
      }
    }
    return problems;
  }

  private static String cell(CsvTable.Row row, Map<String, Integer> column, String name) {
    Integer i = column.get(name);
    return i == null ? "" : row.cell(i);
  }

  private static Diagnostic at(
      Path file, CsvTable.Row row, Map<String, Integer> column, String name, String message) {
    return Diagnostic.error(file, row.line(), column.getOrDefault(name, 0) + 1, message, "");
  }
}
