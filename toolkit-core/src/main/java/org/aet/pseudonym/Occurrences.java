package org.aet.pseudonym;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.model.Participant;
import org.aet.model.Transcript;
import org.aet.pseudonym.PseudonymKey.Decision;
import org.aet.pseudonym.PseudonymKey.Entry;

/**
 * Where the names of a key occur in a corpus: how often in what was said and in speaker labels, in
 * which transcripts, and a few passages around them for a person reviewing the key.
 */
final class Occurrences {
  private static final int CONTEXTS = 3;
  private static final int AROUND = 60;

  private final Map<String, Integer> spoken = new HashMap<>();
  private final Map<String, Integer> labelled = new HashMap<>();
  private final Map<String, Set<String>> where = new HashMap<>();
  private final Map<String, List<String>> contexts = new LinkedHashMap<>();

  private Occurrences() {}

  /** Counts every name of {@code entries} that is not rejected. */
  static Occurrences count(List<Transcript> transcripts, List<Entry> entries) {
    Map<String, String> names = new HashMap<>();
    entries.stream()
        .filter(e -> e.decision() != Decision.REJECTED)
        .forEach(e -> names.put(e.original(), e.original()));
    NameMatcher matcher = new NameMatcher(names);
    Occurrences found = new Occurrences();
    for (Transcript t : transcripts) {
      String text = t.text();
      for (NameMatcher.Match m : matcher.find(text)) {
        found.spoken.merge(m.name(), 1, Integer::sum);
        found.where.computeIfAbsent(m.name(), n -> new LinkedHashSet<>()).add(t.id());
        List<String> list =
            found.contexts.computeIfAbsent(m.name(), n -> new java.util.ArrayList<>());
        if (list.size() < CONTEXTS) {
          list.add(t.id() + ": " + around(text, m.begin(), m.end()));
        }
      }
      for (Participant p : t.participants()) {
        for (String label : labels(p)) {
          for (NameMatcher.Match m : matcher.find(label)) {
            found.labelled.merge(m.name(), 1, Integer::sum);
            found.where.computeIfAbsent(m.name(), n -> new LinkedHashSet<>()).add(t.id());
          }
        }
      }
    }
    return found;
  }

  private static List<String> labels(Participant p) {
    List<String> labels = new java.util.ArrayList<>(p.variants());
    labels.add(0, p.name());
    return labels;
  }

  int spoken(String name) {
    return spoken.getOrDefault(name, 0);
  }

  int labelled(String name) {
    return labelled.getOrDefault(name, 0);
  }

  Map<String, List<String>> contexts() {
    return contexts;
  }

  /** {@code entry} with the counts of this corpus. */
  Entry update(Entry entry) {
    Set<String> files = where.getOrDefault(entry.original(), Set.of());
    List<String> shown = files.stream().limit(5).toList();
    String list =
        String.join("; ", shown)
            + (files.size() > shown.size()
                ? " and " + (files.size() - shown.size()) + " more"
                : "");
    return entry.withOccurrences(spoken(entry.original()) + labelled(entry.original()), list);
  }

  /** The words around {@code [begin, end)} on one line, with the name in brackets. */
  private static String around(String text, int begin, int end) {
    int from = Math.max(0, begin - AROUND);
    int to = Math.min(text.length(), end + AROUND);
    String before = text.substring(from, begin).replaceAll("\\s+", " ");
    String after = text.substring(end, to).replaceAll("\\s+", " ");
    return (from > 0 ? "..." : "")
        + before
        + "[["
        + text.substring(begin, end)
        + "]]"
        + after
        + (to < text.length() ? "..." : "");
  }
}
