package org.aet.pseudonym;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds names in text as whole words, longest first, in one pass: "Helen Ward" before "Helen", and
 * never "Ward" inside "Wardrobe". A space in a name matches any run of spaces or line breaks, so a
 * name a transcript wrapped over two lines is still found. Case and apostrophes do not matter
 * ("sarah oconnor", "SARAH O'CONNOR" and "Sarah O’Connor" are all "Sarah O'Connor"), with one
 * exception that keeps ordinary words: a name of one word written with a capital is not found in
 * all lower case ("Grace" and "GRACE" are the name, "grace" is not). Where two names of the key
 * differ only in case or apostrophes, the one written as in the text wins. A matcher made
 * {@linkplain #withContacts with contacts} also finds e-mail addresses and telephone numbers,
 * whoever's they are, so they are replaced and checked for like names.
 */
final class NameMatcher {
  /** One name found: where, which name as listed, and its replacement. */
  record Match(int begin, int end, String name, String replacement) {}

  /** A name as listed, as written with single spaces, and what replaces it. */
  private record Name(String name, String form, String replacement) {
    /** One word written with a capital: not to be found in all lower case. */
    boolean needsCapital() {
      return form.indexOf(' ') < 0 && !form.equals(form.toLowerCase(Locale.ROOT));
    }
  }

  private static final class Node {
    final Map<Character, Node> next = new HashMap<>();
    final List<Name> names = new ArrayList<>(1);
  }

  /** Apostrophes a name may be written with, or without. */
  private static final String APOSTROPHES = "'\u2019\u2018\u02bc`";

  /** What replaces an e-mail address, and the name its matches go under. */
  static final String EMAIL = "[e-mail address]";

  /** What replaces a telephone number, and the name its matches go under. */
  static final String PHONE = "[phone number]";

  private static final Pattern EMAIL_ADDRESS =
      Pattern.compile(
          "[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

  /**
   * A telephone number: an international one (+44 7700 900123, +1 (415) 555-0100) or a national one
   * starting with 0 (07700 900123, 0161 496 0000), 9 to 15 digits in groups; years, sums and times
   * do not start that way.
   */
  private static final Pattern PHONE_NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}+])(?:\\+\\d{1,3}|\\(?0)(?:[ .-]?\\(?\\d{1,5}\\)?){2,6}(?![\\p{L}\\p{N}])");

  private final Node root = new Node();
  private final boolean contacts;

  /** A matcher for the names in {@code replacements} (name -> what replaces it). */
  NameMatcher(Map<String, String> replacements) {
    this(replacements, false);
  }

  /**
   * A matcher for the names in {@code replacements} that also finds e-mail addresses and phones.
   */
  static NameMatcher withContacts(Map<String, String> replacements) {
    return new NameMatcher(replacements, true);
  }

  private NameMatcher(Map<String, String> replacements, boolean contacts) {
    this.contacts = contacts;
    replacements.forEach(
        (name, replacement) -> {
          String spaced = name.strip().replaceAll("\\s+", " ");
          String folded = fold(spaced);
          if (!folded.isBlank()) {
            Node node = root;
            for (char c : folded.toCharArray()) {
              node = node.next.computeIfAbsent(c, k -> new Node());
            }
            node.names.add(new Name(name, spaced, replacement));
          }
        });
  }

  /**
   * {@code name} as this matcher compares it: lower case, without apostrophes, spaces as they are.
   * Two names with one fold are one name to a reader.
   */
  static String fold(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isApostrophe(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  private static boolean isApostrophe(char c) {
    return APOSTROPHES.indexOf(c) >= 0;
  }

  /** Every name (and contact) in {@code text}, left to right, none overlapping. */
  List<Match> find(CharSequence text) {
    TreeMap<Integer, Match> contactsAt = contacts ? contacts(text) : new TreeMap<>();
    List<Match> matches = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Match match = contactsAt.get(i);
      if (match == null && startsWord(text, i)) {
        match = longestAt(text, i);
        Integer nextContact = contactsAt.ceilingKey(i);
        if (match != null && nextContact != null && match.end() > nextContact) {
          match = null; // a name running into an address: the address is replaced whole
        }
      }
      if (match == null) {
        i++;
      } else {
        matches.add(match);
        i = match.end();
      }
    }
    return matches;
  }

  /** E-mail addresses and telephone numbers by where they start; an address wins an overlap. */
  private static TreeMap<Integer, Match> contacts(CharSequence text) {
    TreeMap<Integer, Match> found = new TreeMap<>();
    Matcher email = EMAIL_ADDRESS.matcher(text);
    while (email.find()) {
      found.put(email.start(), new Match(email.start(), email.end(), EMAIL, EMAIL));
    }
    Matcher phone = PHONE_NUMBER.matcher(text);
    while (phone.find()) {
      long digits = phone.group().chars().filter(Character::isDigit).count();
      var before = found.floorEntry(phone.start());
      boolean inAddress = before != null && before.getValue().end() > phone.start();
      if (digits >= 9 && digits <= 15 && !inAddress) {
        found.put(phone.start(), new Match(phone.start(), phone.end(), PHONE, PHONE));
      }
    }
    return found;
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
      if (!node.names.isEmpty() && node != root && !isWordChar(text, i)) {
        Name name = chosen(node.names, text.subSequence(start, i).toString());
        if (name != null) {
          best = new Match(start, i, name.name(), name.replacement());
        }
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
      } else if (isApostrophe(c) && i > start && isWordChar(text, i + 1)) {
        i++; // inside a word, an apostrophe may be there or not: O'Connor, OConnor
      } else {
        node = node.next.get(Character.toLowerCase(c));
        i++;
      }
    }
    return best;
  }

  /**
   * Which of the names with one fold {@code found} is: the one written as it, else the first that
   * may be written so (a one-word name with a capital is not found in all lower case).
   */
  private static Name chosen(List<Name> names, String found) {
    String spaced = found.replaceAll("\\s+", " ");
    boolean lowerCase = spaced.equals(spaced.toLowerCase(Locale.ROOT));
    Name first = null;
    for (Name name : names) {
      if (name.form().equals(spaced)) {
        return name;
      }
      if (first == null && !(lowerCase && name.needsCapital())) {
        first = name;
      }
    }
    return first;
  }

  private static boolean startsWord(CharSequence text, int i) {
    return !isWordChar(text, i - 1);
  }

  private static boolean isWordChar(CharSequence text, int i) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
  }
}
