package org.aet.pseudonym;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds names in text as whole words, longest first, in one pass: "Helen Ward" before "Helen", and
 * never "Ward" inside "Wardrobe". A space in a name matches any run of spaces or line breaks, so a
 * name a transcript wrapped over two lines is still found; each name is also found in capitals
 * ("HELEN WARD", as some captions write speakers). Matching is otherwise exact: "Grace" is a name,
 * "grace" is not.
 */
final class NameMatcher {
  /** One name found: where, which name as listed, and its replacement. */
  record Match(int begin, int end, String name, String replacement) {}

  private static final class Node {
    final Map<Character, Node> next = new HashMap<>();
    String name;
    String replacement;
  }

  private final Node root = new Node();

  /** A matcher for the names in {@code replacements} (name -> what replaces it). */
  NameMatcher(Map<String, String> replacements) {
    replacements.forEach(
        (name, replacement) -> {
          String spaced = name.strip().replaceAll("\\s+", " ");
          if (!spaced.isEmpty()) {
            add(spaced.toUpperCase(Locale.ROOT), name, replacement, false);
            add(spaced, name, replacement, true);
          }
        });
  }

  private void add(String form, String name, String replacement, boolean exact) {
    Node node = root;
    for (char c : form.toCharArray()) {
      node = node.next.computeIfAbsent(c, k -> new Node());
    }
    if (exact || node.name == null) {
      node.name = name;
      node.replacement = replacement;
    }
  }

  /** Every name in {@code text}, left to right, none overlapping. */
  List<Match> find(CharSequence text) {
    List<Match> matches = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Match match = startsWord(text, i) ? longestAt(text, i) : null;
      if (match == null) {
        i++;
      } else {
        matches.add(match);
        i = match.end();
      }
    }
    return matches;
  }

  /** {@code text} with every name replaced, and where everything moved to. */
  Rewrite rewrite(String text) {
    List<Match> matches = find(text);
    if (matches.isEmpty()) {
      return new Rewrite(text, OffsetMap.IDENTITY, matches);
    }
    StringBuilder out = new StringBuilder(text.length());
    OffsetMap.Builder map = new OffsetMap.Builder();
    int from = 0;
    for (Match m : matches) {
      out.append(text, from, m.begin());
      int newBegin = out.length();
      out.append(m.replacement());
      map.add(m.begin(), m.end(), newBegin, out.length());
      from = m.end();
    }
    out.append(text, from, text.length());
    return new Rewrite(out.toString(), map.build(), matches);
  }

  /** Text after replacement, the offset map from the old text to it, and what was replaced. */
  record Rewrite(String text, OffsetMap offsets, List<Match> matches) {}

  private Match longestAt(CharSequence text, int start) {
    Node node = root;
    Match best = null;
    int i = start;
    while (node != null && i <= text.length()) {
      if (node.name != null && node != root && !isWordChar(text, i)) {
        best = new Match(start, i, node.name, node.replacement);
      }
      if (i == text.length()) {
        break;
      }
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        Node spaced = node.next.get(' ');
        if (spaced == null) {
          break;
        }
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        node = spaced;
      } else {
        node = node.next.get(c);
        i++;
      }
    }
    return best;
  }

  private static boolean startsWord(CharSequence text, int i) {
    return !isWordChar(text, i - 1);
  }

  private static boolean isWordChar(CharSequence text, int i) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
  }
}
