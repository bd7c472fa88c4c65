package org.aet.codebook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What one codebook changes against another (an earlier version, or the codebook it extends): codes
 * added, removed and changed, field by field, with list fields (examples, lemmas, ...) as entries
 * added and removed.
 *
 * @param before the codebook compared against
 * @param after the codebook that changes it
 * @param added codes only in {@code after}, by path
 * @param removed codes only in {@code before}, by path
 * @param changed codes in both whose fields differ, in {@code after}'s order
 */
public record CodebookDiff(
    Codebook before,
    Codebook after,
    List<String> added,
    List<String> removed,
    List<Changed> changed,
    List<Change> codebookChanges) {

  /** One code's changes. */
  public record Changed(String path, List<Change> changes) {}

  /**
   * One field's change: a text field from {@code was} to {@code now}, or a list field with entries
   * {@code plus} added and {@code minus} removed.
   */
  public record Change(
      String field, String was, String now, List<String> plus, List<String> minus) {
    static Change text(String field, String was, String now) {
      return new Change(field, was, now, List.of(), List.of());
    }

    static Change list(String field, List<String> plus, List<String> minus) {
      return new Change(field, "", "", List.copyOf(plus), List.copyOf(minus));
    }

    public boolean isList() {
      return was.isEmpty() && now.isEmpty();
    }
  }

  /** The differences between {@code before} and {@code after}. */
  public static CodebookDiff of(Codebook before, Codebook after) {
    List<String> added = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    for (Code code : after.codes()) {
      Code old = find(before, code.id());
      if (old == null) {
        added.add(after.path(code.id()));
      } else {
        List<Change> changes = changes(old, code);
        if (!changes.isEmpty()) {
          changed.add(new Changed(after.path(code.id()), changes));
        }
      }
    }
    List<String> removed =
        before.codes().stream()
            .filter(c -> find(after, c.id()) == null)
            .map(c -> before.path(c.id()))
            .toList();
    List<Change> book = new ArrayList<>();
    text(book, "name", before.name(), after.name());
    text(book, "title", before.title(), after.title());
    text(book, "description", before.description(), after.description());
    return new CodebookDiff(before, after, added, removed, changed, book);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && codebookChanges.isEmpty();
  }

  /** The differences as lines to read: + added, - removed, ~ changed with its fields below. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        before.name()
            + " (version "
            + before.version()
            + ") -> "
            + after.name()
            + " (version "
            + after.version()
            + "): "
            + added.size()
            + " code(s) added, "
            + removed.size()
            + " removed, "
            + changed.size()
            + " changed");
    codebookChanges.forEach(c -> lines.add("  codebook " + describe(c)));
    added.forEach(p -> lines.add("+ " + p + "  \"" + after.code(last(p)).name() + "\""));
    removed.forEach(p -> lines.add("- " + p + "  \"" + before.code(last(p)).name() + "\""));
    for (Changed c : changed) {
      lines.add("~ " + c.path());
      c.changes().forEach(change -> lines.add("    " + describe(change)));
    }
    return lines;
  }

  private static String describe(Change c) {
    if (!c.isList()) {
      return c.field() + ": \"" + c.was() + "\" -> \"" + c.now() + "\"";
    }
    List<String> parts = new ArrayList<>();
    c.plus().forEach(p -> parts.add("+ \"" + p + "\""));
    c.minus().forEach(m -> parts.add("- \"" + m + "\""));
    return c.field() + ": " + String.join(", ", parts);
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static Code find(Codebook book, String id) {
    return book.codes().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }

  private static List<Change> changes(Code was, Code now) {
    List<Change> changes = new ArrayList<>();
    text(changes, "parent", was.parent(), now.parent());
    text(changes, "name", was.name(), now.name());
    text(changes, "definition", was.definition(), now.definition());
    text(changes, "use when", was.useWhen(), now.useWhen());
    text(changes, "do not use when", was.doNotUseWhen(), now.doNotUseWhen());
    text(changes, "colour", was.colour(), now.colour());
    list(changes, "examples", was.examples(), now.examples());
    list(changes, "counter-examples", was.counterExamples(), now.counterExamples());
    DetectionRules a = was.rules();
    DetectionRules b = now.rules();
    list(changes, "rules: lemmas", a.lemmas(), b.lemmas());
    list(changes, "rules: phrases", a.phrases(), b.phrases());
    list(changes, "rules: patterns", a.patterns(), b.patterns());
    list(changes, "rules: exclude", a.exclude(), b.exclude());
    list(changes, "rules: roles", a.roles(), b.roles());
    text(
        changes,
        "rules: negation window",
        Integer.toString(a.negationWindow()),
        Integer.toString(b.negationWindow()));
    text(changes, "rules: weights", weights(a.weights()), weights(b.weights()));
    Function<DetectionRules.IndicatorCondition, String> condition =
        DetectionRules.IndicatorCondition::describe;
    list(
        changes,
        "rules: indicators",
        a.indicators().stream().map(condition).toList(),
        b.indicators().stream().map(condition).toList());
    return changes;
  }

  private static String weights(DetectionRules.Weights w) {
    return "lemma " + w.lemma() + ", phrase " + w.phrase() + ", pattern " + w.pattern();
  }

  private static void text(List<Change> changes, String field, String was, String now) {
    if (!Objects.equals(was, now)) {
      changes.add(
          Change.text(field, was.isEmpty() ? "(none)" : was, now.isEmpty() ? "(none)" : now));
    }
  }

  private static void list(List<Change> changes, String field, List<String> was, List<String> now) {
    Set<String> plus = new LinkedHashSet<>(now);
    plus.removeAll(was);
    Set<String> minus = new LinkedHashSet<>(was);
    minus.removeAll(now);
    if (!plus.isEmpty() || !minus.isEmpty()) {
      changes.add(Change.list(field, List.copyOf(plus), List.copyOf(minus)));
    }
  }
}
