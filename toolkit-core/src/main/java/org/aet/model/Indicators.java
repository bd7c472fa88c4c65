package org.aet.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Linguistic indicators of a segment, computed from its CoreNLP tokens, that speak to the four
 * tensions: who acts (I vs we vs they and institutions: individual vs structural), how things are
 * framed (obligation and ideals vs hedging and "in practice": idealistic vs realistic), and how
 * accessible the language is (acronyms, jargon, readability: excluding vs including). Counts are
 * exact; densities are per 100 words.
 *
 * <p>Every indicator has a stable name ({@link #NAMES}), used in exports and in codebook rule
 * conditions. They are computed once per segment, when it is made ({@link Segment#indicators()}).
 *
 * @param values the indicators computed, by name: {@link #NAMES} in order, then any optional ones
 */
public record Indicators(Map<String, Double> values) {
  /** The values for output: counts (whole values) as integers, so JSON says 77, not 77.0. */
  public Map<String, Number> asNumbers() {
    Map<String, Number> numbers = new LinkedHashMap<>();
    values.forEach((name, v) -> numbers.put(name, asNumber(v)));
    return numbers;
  }

  /** {@code value} as a long when it is whole, else as it is. */
  public static Number asNumber(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : value;
  }

  /** The indicators' names, in export order. */
  public static final List<String> NAMES =
      List.of(
          "words",
          "i_words",
          "we_words",
          "they_words",
          "institution_words",
          "obligation_words",
          "ideal_words",
          "hedge_words",
          "practice_phrases",
          "acronyms",
          "acronym_density",
          "jargon_density",
          "readability");

  /**
   * Indicators computed only when asked for (named entities, sentiment), since they need slower
   * models.
   */
  public static final List<String> OPTIONAL_NAMES =
      List.of("people", "organisations", "places", "sentiment");

  private static final Set<String> FIRST_SINGULAR = Set.of("i", "me", "my", "mine", "myself");
  private static final Set<String> FIRST_PLURAL = Set.of("we", "us", "our", "ours", "ourselves");
  private static final Set<String> THIRD_PLURAL =
      Set.of("they", "them", "their", "theirs", "themselves");
  private static final Set<String> INSTITUTIONS =
      Set.of(
          "university",
          "universities",
          "institution",
          "trust",
          "nhs",
          "funder",
          "government",
          "department",
          "organisation",
          "organization",
          "board",
          "management",
          "council",
          "system",
          "committee",
          "ministry",
          "commissioner",
          "authority");
  private static final Set<String> OBLIGATION = Set.of("must", "should", "ought", "shall");
  private static final Set<String> NEEDS = Set.of("need", "have");
  private static final Set<String> IDEALS =
      Set.of(
          "ideal",
          "ideally",
          "genuine",
          "genuinely",
          "true",
          "truly",
          "proper",
          "properly",
          "fully",
          "perfect",
          "gold");
  private static final Set<String> HEDGES =
      Set.of(
          "perhaps",
          "maybe",
          "might",
          "could",
          "possibly",
          "probably",
          "somewhat",
          "arguably",
          "seem",
          "suppose",
          "guess",
          "partly");
  private static final List<List<String>> PRACTICE =
      List.of(
          List.of("in", "practice"),
          List.of("in", "reality"),
          List.of("realistically"),
          List.of("pragmatically"),
          List.of("on", "the", "ground"),
          List.of("actually"));
  private static final Set<String> JARGON =
      Set.of(
          "methodology",
          "paradigm",
          "stakeholder",
          "dissemination",
          "implementation",
          "evaluation",
          "protocol",
          "qualitative",
          "quantitative",
          "cohort",
          "randomise",
          "randomize",
          "efficacy",
          "intervention",
          "outcome",
          "framework",
          "infrastructure",
          "translational",
          "epistemology",
          "ontology",
          "deliverable",
          "metric",
          "governance",
          "impact",
          "pathway",
          "evidence-based",
          "co-production",
          "engagement",
          "capacity",
          "mobilisation",
          "mobilization",
          "commissioning");
  private static final Set<String> NOT_ACRONYMS = Set.of("I", "OK", "A", "AM", "PM", "TV");
  private static final Set<String> PRACTICE_STARTS =
      Set.of("in", "realistically", "pragmatically", "on", "actually");

  public Indicators {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The indicators of a segment with these tokens. */
  public static Indicators of(List<Token> tokens) {
    int words = 0;
    int iWords = 0;
    int weWords = 0;
    int theyWords = 0;
    int institutions = 0;
    int obligation = 0;
    int ideals = 0;
    int hedges = 0;
    int acronyms = 0;
    int jargon = 0;
    int syllables = 0;
    int sentences = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String word = token.word();
      String lower = word.toLowerCase(Locale.ROOT);
      if (token.pos().equals(".")) {
        sentences++;
      }
      if (!Character.isLetterOrDigit(word.codePointAt(0))) {
        continue;
      }
      words++;
      syllables += syllables(lower);
      iWords += FIRST_SINGULAR.contains(lower) ? 1 : 0;
      weWords += FIRST_PLURAL.contains(lower) ? 1 : 0;
      theyWords += THIRD_PLURAL.contains(lower) ? 1 : 0;
      institutions += INSTITUTIONS.contains(token.lemma()) ? 1 : 0;
      boolean toFollows = i + 1 < tokens.size() && tokens.get(i + 1).word().equalsIgnoreCase("to");
      if (OBLIGATION.contains(lower) || (NEEDS.contains(token.lemma()) && toFollows)) {
        obligation++;
      }
      ideals += IDEALS.contains(lower) ? 1 : 0;
      hedges += HEDGES.contains(token.lemma()) || HEDGES.contains(lower) ? 1 : 0;
      boolean acronym = isAcronym(word);
      acronyms += acronym ? 1 : 0;
      jargon += acronym || JARGON.contains(token.lemma()) ? 1 : 0;
    }
    int practice = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String first = tokens.get(i).word();
      if (PRACTICE_STARTS.contains(first.toLowerCase(Locale.ROOT))) {
        for (List<String> phrase : PRACTICE) {
          if (startsAt(tokens, i, phrase)) {
            practice++;
          }
        }
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("words", (double) words);
    values.put("i_words", (double) iWords);
    values.put("we_words", (double) weWords);
    values.put("they_words", (double) theyWords);
    values.put("institution_words", (double) institutions);
    values.put("obligation_words", (double) obligation);
    values.put("ideal_words", (double) ideals);
    values.put("hedge_words", (double) hedges);
    values.put("practice_phrases", (double) practice);
    values.put("acronyms", (double) acronyms);
    values.put("acronym_density", per100(acronyms, words));
    values.put("jargon_density", per100(jargon, words));
    values.put("readability", readability(words, Math.max(sentences, 1), syllables));
    if (tokens.stream().anyMatch(t -> !t.entity().isEmpty())) {
      values.put("people", (double) mentions(tokens, "PERSON").size());
      values.put("organisations", (double) mentions(tokens, "ORGANIZATION").size());
      values.put("places", (double) mentions(tokens, "LOCATION").size());
    }
    double sentiment =
        tokens.stream()
            .filter(t -> Character.isLetterOrDigit(t.word().codePointAt(0)))
            .mapToDouble(Token::sentiment)
            .filter(v -> !Double.isNaN(v))
            .average()
            .orElse(Double.NaN);
    if (!Double.isNaN(sentiment)) {
      values.put("sentiment", Math.round(sentiment * 100) / 100.0);
    }
    return new Indicators(values);
  }

  /**
   * The named people and organisations in {@code tokens}, each once, as "Name (person)": the actors
   * a segment speaks of. Empty when named entities were not asked for.
   */
  public static List<String> actors(List<Token> tokens) {
    List<String> actors = new java.util.ArrayList<>();
    for (String type : List.of("PERSON", "ORGANIZATION")) {
      for (String name : mentions(tokens, type)) {
        String actor = name + " (" + (type.equals("PERSON") ? "person" : "organisation") + ")";
        if (!actors.contains(actor)) {
          actors.add(actor);
        }
      }
    }
    return actors;
  }

  /** The mentions of entity {@code type}: runs of consecutive tokens with that class. */
  private static List<String> mentions(List<Token> tokens, String type) {
    List<String> mentions = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (Token token : tokens) {
      if (token.entity().equals(type)) {
        current.append(current.length() > 0 ? " " : "").append(token.word());
      } else if (current.length() > 0) {
        mentions.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      mentions.add(current.toString());
    }
    return mentions;
  }

  /**
   * Two to ten capitals or digits (or &), starting with a capital, perhaps with a plural s: NIHR,
   * CLAHRCs.
   */
  static boolean isAcronym(String word) {
    int end = word.endsWith("s") ? word.length() - 1 : word.length();
    if (end < 2
        || end > 10
        || word.charAt(0) < 'A'
        || word.charAt(0) > 'Z'
        || NOT_ACRONYMS.contains(word)) {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = word.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value of the indicator called {@code name}; NaN for an optional one that was not computed.
   */
  public double get(String name) {
    Double value = values.get(name);
    if (value == null) {
      if (OPTIONAL_NAMES.contains(name)) {
        return Double.NaN;
      }
      throw new IllegalArgumentException("no indicator called " + name + "; there are " + NAMES);
    }
    return value;
  }

  private static boolean startsAt(List<Token> tokens, int at, List<String> phrase) {
    if (at + phrase.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < phrase.size(); k++) {
      if (!tokens.get(at + k).word().equalsIgnoreCase(phrase.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static double per100(int count, int words) {
    return words == 0 ? 0 : Math.round(count * 1000.0 / words) / 10.0;
  }

  /**
   * Flesch reading ease: 206.835 - 1.015 (words / sentences) - 84.6 (syllables / words); higher is
   * easier, 60-70 is plain English. Rounded to one decimal; 0 for a segment without words.
   */
  static double readability(int words, int sentences, int syllables) {
    if (words == 0) {
      return 0;
    }
    double score = 206.835 - 1.015 * words / sentences - 84.6 * syllables / (double) words;
    return Math.round(score * 10) / 10.0;
  }

  /**
   * Syllables in a lower-case word, estimated from its vowel groups (a silent final e not counted).
   */
  static int syllables(String word) {
    int count = 0;
    boolean vowel = false;
    char last = 0;
    char beforeLast = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        continue;
      }
      boolean v = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
      if (v && !vowel) {
        count++;
      }
      vowel = v;
      beforeLast = last;
      last = c;
    }
    if (last == 'e' && beforeLast != 'l' && count > 1) {
      count--;
    }
    return Math.max(count, 1);
  }
}
