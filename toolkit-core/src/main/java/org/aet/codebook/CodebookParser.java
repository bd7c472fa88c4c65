package org.aet.codebook;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.diagnostics.Spelling;
import org.aet.io.LocatedJson;
import org.aet.io.LocatedJson.ArrayNode;
import org.aet.io.LocatedJson.Member;
import org.aet.io.LocatedJson.Node;
import org.aet.io.LocatedJson.ObjectNode;
import org.aet.io.LocatedJson.ValueNode;

/**
 * Reads a codebook's JSON and checks all of it before giving a {@link Codebook}: unknown keys,
 * missing or empty fields, wrong types, duplicate ids, parents that do not exist or form a loop,
 * malformed colours. Every problem is reported with its line and column, all in one go.
 * docs/codebook-format.md describes the format.
 */
final class CodebookParser {
  static final Set<String> CODEBOOK_KEYS =
      Set.of("name", "title", "description", "extends", "remove", "codes", "sets");
  static final Set<String> CODE_KEYS =
      Set.of(
          "id",
          "parent",
          "name",
          "definition",
          "use_when",
          "do_not_use_when",
          "examples",
          "counter_examples",
          "colour",
          "rules",
          "guid",
          "codable");
  static final Set<String> SET_KEYS = Set.of("name", "guid", "description", "codes");
  static final Set<String> RULE_KEYS =
      Set.of(
          "lemmas",
          "phrases",
          "patterns",
          "exclude",
          "roles",
          "negation_window",
          "weights",
          "indicators");
  static final Set<String> CONDITION_KEYS = Set.of("name", "above", "below");
  static final Set<String> WEIGHT_KEYS = Set.of("lemma", "phrase", "pattern");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  static final Pattern ID = Code.ID;

  /** A REFI-QDA GUID, with or without braces, in either case. */
  static final Pattern GUID =
      Pattern.compile(
          "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");

  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final int MAX_NEGATION_WINDOW = 10;

  /**
   * Loads the codebook an {@code extends} names (a shipped name, or a path relative to this file).
   */
  interface Resolver {
    Codebook load(String nameOrPath) throws org.aet.diagnostics.AetException;
  }

  private final Path file;
  private final Resolver resolver;
  private final String text;
  private final List<String> lines;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();

  /** A word's lemma as CoreNLP gives it, to check pattern lemmas; null to skip that check. */
  private final UnaryOperator<String> lemmatiser;

  private final Map<String, String> lemmaOf = new HashMap<>();
  private Codebook extended;

  /** Codes written without a {@code parent} key: an override of one keeps the parent's parent. */
  private final Set<String> withoutParentKey = new HashSet<>();

  /** Codes whose parent was removed, already reported at the {@code remove} entry. */
  private final Set<String> orphans = new HashSet<>();

  private CodebookParser(
      Path file, String text, Resolver resolver, UnaryOperator<String> lemmatiser) {
    this.file = file;
    this.resolver = resolver;
    this.lemmatiser = lemmatiser;
    this.text = text;
    this.lines = List.of(text.split("\n", -1));
  }

  /**
   * A codebook as read, the codebook it extends (or null), and warnings about what is valid but
   * probably not meant, in file order.
   */
  record Parsed(Codebook codebook, Codebook extended, List<Diagnostic> warnings) {}

  static Parsed parse(Path file, String text, Resolver resolver) throws InputException {
    return parse(file, text, resolver, null);
  }

  /**
   * Parses as {@link #parse(Path, String, Resolver)} and also warns about lemmas in patterns that
   * {@code lemmatiser} never gives (the lemma of "people" is "person"); it runs only on those.
   */
  static Parsed parse(Path file, String text, Resolver resolver, UnaryOperator<String> lemmatiser)
      throws InputException {
    CodebookParser parser = new CodebookParser(file, text, resolver, lemmatiser);
    Codebook book = parser.parse();
    List<Diagnostic> warnings = new ArrayList<>(parser.warnings);
    warnings.sort(
        java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return new Parsed(book, parser.extended, warnings);
  }

  private Codebook parse() throws InputException {
    ObjectNode top = topObject();
    checkKeys(top, CODEBOOK_KEYS, "a codebook");
    String name = name(top);
    String title = optionalString(top, "title");
    String description = optionalString(top, "description");
    Map<String, Node> idNodes = new HashMap<>();
    Member extendsMember = top.members().get("extends");
    Codebook parent = extendsMember == null ? null : parent(extendsMember);
    extended = parent;
    List<Code> codes = ownCodes(top, extendsMember, idNodes);
    String parentVersion = "";
    if (parent != null) {
      codes = merge(parent, codes, top.members().get("remove"), extendsMember, idNodes);
      parentVersion = parent.version();
    } else if (top.members().containsKey("remove")) {
      problems.add(at(top.members().get("remove"), "\"remove\" only makes sense with \"extends\""));
    }
    List<Code> ordered = checkHierarchy(codes, idNodes);
    List<CodeSet> sets = sets(top.members().get("sets"), parent, codes);
    if (!problems.isEmpty()) {
      problems.sort(
          java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
      throw new InputException(problems);
    }
    String version =
        Hashing.sha256()
            .hashString(parentVersion + text, StandardCharsets.UTF_8)
            .toString()
            .substring(0, 12);
    return new Codebook(name, title.isEmpty() ? name : title, description, version, ordered, sets);
  }

  /** The codebook's JSON object; a syntax error or anything but an object stops at once. */
  private ObjectNode topObject() throws InputException {
    Node root;
    try {
      root = LocatedJson.parse(text);
    } catch (LocatedJson.SyntaxError e) {
      throw new InputException(error(e.line, e.column, e.getMessage()));
    }
    if (!(root instanceof ObjectNode top)) {
      throw new InputException(
          error(
              root.line(),
              root.column(),
              "expected a JSON object { \"name\": ..., \"codes\":"
                  + " [...] } at the top of a codebook"));
    }
    return top;
  }

  /** The codebook's name, with a warning when it is awkward on a command line. */
  private String name(ObjectNode top) {
    String name = requiredString(top, "name", "the codebook");
    if (!name.isEmpty() && !NAME.matcher(name).matches()) {
      warn(
          top.members().get("name"),
          "the name \""
              + name
              + "\" is not lower-case letters, digits and hyphens, as \"aet codebook new\" asks:"
              + " such a name is awkward after --codebook and in file names; try \""
              + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
              + "\"");
    }
    return name;
  }

  /**
   * The codes the file itself lists, each id recorded in {@code idNodes}; a duplicate id is a
   * problem. "codes" may be missing or empty only in a codebook that extends another.
   */
  private List<Code> ownCodes(ObjectNode top, Member extendsMember, Map<String, Node> idNodes) {
    Member codesMember = top.members().get("codes");
    List<Code> codes = new ArrayList<>();
    if (codesMember == null && extendsMember == null) {
      problems.add(error(top.line(), top.column(), "a codebook needs \"codes\": a list of codes"));
    } else if (codesMember == null) {
      codes = List.of();
    } else if (codesMember.value() instanceof ArrayNode array
        && (!array.items().isEmpty() || extendsMember != null)) {
      for (Node item : array.items()) {
        Code code = code(item);
        if (code != null) {
          Node previous = idNodes.putIfAbsent(code.id(), item);
          if (previous != null) {
            problems.add(
                error(
                    item.line(),
                    item.column(),
                    "duplicate code id \""
                        + code.id()
                        + "\" (first used at"
                        + " line "
                        + previous.line()
                        + "); every code needs its own id"));
          } else {
            codes.add(code);
          }
        }
      }
    } else {
      problems.add(
          at(codesMember, "\"codes\" must be a list with at least one code: [ { \"id\": ... } ]"));
    }
    return codes;
  }

  private Codebook parent(Member member) throws InputException {
    if (!(member.value() instanceof ValueNode v && v.value() instanceof String name)
        || name.isBlank()) {
      problems.add(
          at(
              member,
              "\"extends\" must name a codebook: a shipped one such as \"four-tensions\", or a"
                  + " path relative to this file"));
      return null;
    }
    try {
      return resolver.load(name.strip());
    } catch (ExtendsLoop loop) {
      throw loop.isPlaced()
          ? loop
          : loop.at(file, member.line(), member.column(), lineText(member.line()));
    } catch (org.aet.diagnostics.AetException e) {
      problems.add(
          at(
              member,
              "cannot load the codebook this one extends: "
                  + e.getMessage().lines().findFirst().orElse("")));
      return null;
    }
  }

  /**
   * The parent's codes, less those removed, with this file's codes replacing those of the same id
   * in place and the rest added at the end. An override that does not say {@code parent} keeps the
   * parent's ({@code "parent": ""} moves it to the top level).
   */
  private List<Code> merge(
      Codebook parent,
      List<Code> own,
      Member removeMember,
      Member extendsMember,
      Map<String, Node> idNodes) {
    Map<String, Node> removed = removedEntries(parent, removeMember);
    Map<String, Code> overrides = new LinkedHashMap<>();
    own.forEach(c -> overrides.put(c.id(), c));
    List<Code> merged = new ArrayList<>();
    for (Code code : parent.codes()) {
      if (removed.containsKey(code.id())) {
        continue;
      }
      Code override = overrides.remove(code.id());
      if (override == null) {
        merged.add(code);
        idNodes.putIfAbsent(code.id(), extendsMember.value());
      } else {
        merged.add(
            withoutParentKey.contains(code.id()) ? override.withParent(code.parent()) : override);
      }
    }
    merged.addAll(overrides.values());
    for (Map.Entry<String, Node> entry : removed.entrySet()) {
      List<String> children =
          merged.stream().filter(c -> c.parent().equals(entry.getKey())).map(Code::id).toList();
      if (!children.isEmpty()) {
        orphans.addAll(children);
        Node node = entry.getValue();
        problems.add(
            error(
                node.line(),
                node.column(),
                "removing \""
                    + entry.getKey()
                    + "\" leaves its sub-code"
                    + (children.size() == 1 ? " " : "s ")
                    + quoted(children)
                    + " without a parent: remove "
                    + (children.size() == 1 ? "it" : "them")
                    + " too, or give "
                    + (children.size() == 1 ? "it" : "each")
                    + " another \"parent\" in \"codes\""));
      }
    }
    return merged;
  }

  /** The ids in {@code "remove"} with their entries; an id the parent lacks is reported there. */
  private Map<String, Node> removedEntries(Codebook parent, Member removeMember) {
    Map<String, Node> removed = new LinkedHashMap<>();
    if (removeMember == null || !(removeMember.value() instanceof ArrayNode array)) {
      stringList(removeMember); // reports a "remove" that is not a list
      return removed;
    }
    List<String> ids = parent.codes().stream().map(Code::id).toList();
    for (Node item : array.items()) {
      if (!(item instanceof ValueNode v && v.value() instanceof String id) || id.isBlank()) {
        problems.add(
            error(
                item.line(),
                item.column(),
                "each entry of \"remove\" must be a code id in double quotes"));
      } else if (!ids.contains(id.strip())) {
        problems.add(
            error(
                item.line(),
                item.column(),
                "\"remove\" names \""
                    + id.strip()
                    + "\", which is not a code of "
                    + parent.name()
                    + Spelling.didYouMean(id.strip(), ids)));
      } else {
        removed.put(id.strip(), item);
      }
    }
    return removed;
  }

  private static String quoted(List<String> ids) {
    return ids.stream()
        .map(id -> "\"" + id + "\"")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private Code code(Node node) {
    if (!(node instanceof ObjectNode object)) {
      problems.add(
          error(
              node.line(),
              node.column(),
              "expected a code: an object { \"id\": ..., \"name\": ... }"));
      return null;
    }
    checkKeys(object, CODE_KEYS, "a code");
    String id = requiredString(object, "id", "a code");
    if (!id.isEmpty() && !ID.matcher(id).matches()) {
      problems.add(
          at(
              object.members().get("id"),
              "code id \""
                  + id
                  + "\" must be lower-case letters, digits and"
                  + " hyphens, such as \"lack-of-reciprocity\""));
    }
    String what = id.isEmpty() ? "a code" : "code \"" + id + "\"";
    String name = requiredString(object, "name", what);
    String guid = optionalString(object, "guid");
    if (!guid.isEmpty() && !GUID.matcher(guid).matches()) {
      problems.add(
          at(
              object.members().get("guid"),
              "\"guid\" must be a GUID such as \"1A2B3C4D-0000-4000-8000-00AA11BB22CC\", as"
                  + " NVivo, ATLAS.ti and MAXQDA write them"));
    }
    // a code brought from another tool may come without a description; aet's own need one
    String definition =
        guid.isEmpty() || object.members().containsKey("definition")
            ? requiredString(object, "definition", what)
            : "";
    String colour = optionalString(object, "colour");
    if (!colour.isEmpty() && !COLOUR.matcher(colour).matches()) {
      problems.add(
          at(
              object.members().get("colour"),
              "colour \"" + colour + "\" must be #RRGGBB, such as" + " \"#1f77b4\""));
    }
    if (!object.members().containsKey("parent")) {
      withoutParentKey.add(id);
    }
    return new Code(
        id,
        optionalString(object, "parent"),
        name,
        definition,
        optionalString(object, "use_when"),
        optionalString(object, "do_not_use_when"),
        stringList(object, "examples"),
        stringList(object, "counter_examples"),
        colour,
        rules(object.members().get("rules")),
        guid,
        codable(object.members().get("codable")));
  }

  private boolean codable(Member member) {
    if (member == null) {
      return true;
    }
    if (member.value() instanceof ValueNode v && v.value() instanceof Boolean b) {
      return b;
    }
    problems.add(at(member, "\"codable\" must be true or false, without quotes"));
    return true;
  }

  /**
   * The sets of an extended codebook (members it removed left out) and then this file's own, each
   * member checked against the codes.
   */
  private List<CodeSet> sets(Member member, Codebook parent, List<Code> codes) {
    Set<String> ids = new java.util.LinkedHashSet<>();
    codes.forEach(c -> ids.add(c.id()));
    List<CodeSet> sets = new ArrayList<>();
    if (parent != null) {
      for (CodeSet set : parent.sets()) {
        sets.add(
            new CodeSet(
                set.name(),
                set.guid(),
                set.description(),
                set.codes().stream().filter(ids::contains).toList()));
      }
    }
    if (member == null) {
      return sets;
    }
    if (!(member.value() instanceof ArrayNode array)) {
      problems.add(at(member, "\"sets\" must be a list: [ { \"name\": ..., \"codes\": [...] } ]"));
      return sets;
    }
    for (Node item : array.items()) {
      if (!(item instanceof ObjectNode set)) {
        problems.add(
            error(
                item.line(),
                item.column(),
                "expected a set: an object { \"name\": ..., \"codes\": [\"code-id\", ...] }"));
        continue;
      }
      sets.add(set(set, ids));
    }
    return sets;
  }

  /** One set of this file, its members those of {@code ids} it names (any other is a problem). */
  private CodeSet set(ObjectNode set, Set<String> ids) {
    checkKeys(set, SET_KEYS, "a set");
    String name = requiredString(set, "name", "a set");
    String guid = optionalString(set, "guid");
    if (!guid.isEmpty() && !GUID.matcher(guid).matches()) {
      problems.add(at(set.members().get("guid"), "\"guid\" of a set must be a GUID"));
    }
    List<String> members = new ArrayList<>();
    Member codesMember = set.members().get("codes");
    if (codesMember != null && codesMember.value() instanceof ArrayNode list) {
      for (Node entry : list.items()) {
        if (entry instanceof ValueNode v && v.value() instanceof String id && ids.contains(id)) {
          members.add(id);
        } else {
          String id = entry instanceof ValueNode v && v.value() instanceof String t ? t : "";
          problems.add(
              error(
                  entry.line(),
                  entry.column(),
                  "set \""
                      + name
                      + "\" names \""
                      + id
                      + "\", which is not a code in this codebook"
                      + Spelling.didYouMean(id, ids)));
        }
      }
    } else {
      stringList(codesMember);
    }
    return new CodeSet(name, guid, optionalString(set, "description"), members);
  }

  private DetectionRules rules(Member member) {
    if (member == null) {
      return DetectionRules.NONE;
    }
    if (!(member.value() instanceof ObjectNode rules)) {
      problems.add(
          at(
              member,
              "\"rules\" must be an object such as { \"lemmas\": [...], \"phrases\": [...] }"));
      return DetectionRules.NONE;
    }
    checkKeys(rules, RULE_KEYS, "rules");
    int window = DetectionRules.DEFAULT_NEGATION_WINDOW;
    Member windowMember = rules.members().get("negation_window");
    if (windowMember != null) {
      if (windowMember.value() instanceof ValueNode v
          && v.value() instanceof Integer n
          && n >= 0
          && n <= MAX_NEGATION_WINDOW) {
        window = n;
      } else {
        problems.add(
            at(
                windowMember,
                "\"negation_window\" must be a whole number from 0 (off) to "
                    + MAX_NEGATION_WINDOW));
      }
    }
    List<String> patterns = stringList(rules, "patterns");
    Member patternsMember = rules.members().get("patterns");
    if (patternsMember != null && patternsMember.value() instanceof ArrayNode array) {
      for (Node item : array.items()) {
        if (item instanceof ValueNode v && v.value() instanceof String pattern) {
          String problem = org.aet.nlp.TokenPatterns.problemWith(pattern);
          String risk = org.aet.nlp.TokenPatterns.riskOf(pattern);
          if (problem != null) {
            problems.add(
                error(
                    item.line(),
                    item.column(),
                    "this TokensRegex pattern does not compile: " + problem));
          } else if (risk != null) {
            warnings.add(warning(item.line(), item.column(), "this pattern: " + risk));
          }
          warnPatternLemmas(item, pattern);
        }
      }
    }
    warnWildcards(rules.members().get("lemmas"));
    warnWildcards(rules.members().get("phrases"));
    return new DetectionRules(
        stringList(rules, "lemmas"),
        stringList(rules, "phrases"),
        patterns,
        stringList(rules, "exclude"),
        stringList(rules, "roles"),
        window,
        weights(rules.members().get("weights")),
        conditions(rules.members().get("indicators")));
  }

  private List<DetectionRules.IndicatorCondition> conditions(Member member) {
    List<DetectionRules.IndicatorCondition> conditions = new ArrayList<>();
    if (member == null) {
      return conditions;
    }
    if (!(member.value() instanceof ArrayNode array)) {
      problems.add(
          at(
              member,
              "\"indicators\" must be a list of conditions such as"
                  + " [{\"name\": \"acronym_density\", \"above\": 5}]"));
      return conditions;
    }
    for (Node item : array.items()) {
      if (!(item instanceof ObjectNode condition)) {
        problems.add(
            error(
                item.line(),
                item.column(),
                "expected a condition such as {\"name\": \"acronym_density\"," + " \"above\": 5}"));
        continue;
      }
      checkKeys(condition, CONDITION_KEYS, "an indicator condition");
      String name = requiredString(condition, "name", "an indicator condition");
      if (!name.isEmpty() && org.aet.model.Indicators.registry().get(name) == null) {
        problems.add(
            at(
                condition.members().get("name"),
                "no indicator called \""
                    + name
                    + "\"; there are "
                    + org.aet.model.Indicators.standard()
                    + " and, when asked for, "
                    + org.aet.model.Indicators.optional()));
      }
      Double above = number(condition, "above");
      Double below = number(condition, "below");
      if (above == null && below == null) {
        problems.add(
            error(
                condition.line(),
                condition.column(),
                "an indicator condition needs \"above\" or" + " \"below\" (or both)"));
      } else if (!name.isEmpty()) {
        conditions.add(new DetectionRules.IndicatorCondition(name, above, below));
      }
    }
    return conditions;
  }

  private Double number(ObjectNode object, String key) {
    Member member = object.members().get(key);
    if (member == null) {
      return null;
    }
    if (member.value() instanceof ValueNode v && v.value() instanceof Number n) {
      return n.doubleValue();
    }
    problems.add(at(member, "\"" + key + "\" must be a number"));
    return null;
  }

  private DetectionRules.Weights weights(Member member) {
    DetectionRules.Weights defaults = DetectionRules.Weights.DEFAULT;
    if (member == null) {
      return defaults;
    }
    if (!(member.value() instanceof ObjectNode object)) {
      problems.add(
          at(
              member,
              "\"weights\" must be an object such as {\"lemma\": 0.3, \"phrase\": 0.6,"
                  + " \"pattern\": 0.7}"));
      return defaults;
    }
    checkKeys(object, WEIGHT_KEYS, "weights");
    return new DetectionRules.Weights(
        weight(object, "lemma", defaults.lemma()),
        weight(object, "phrase", defaults.phrase()),
        weight(object, "pattern", defaults.pattern()));
  }

  private double weight(ObjectNode object, String key, double fallback) {
    Member member = object.members().get(key);
    if (member == null) {
      return fallback;
    }
    if (member.value() instanceof ValueNode v
        && v.value() instanceof Number n
        && n.doubleValue() > 0
        && n.doubleValue() < 1) {
      return n.doubleValue();
    }
    problems.add(
        at(member, "the weight \"" + key + "\" must be a number above 0 and below 1, such as 0.5"));
    return fallback;
  }

  private static final Pattern LEMMA_IN_PATTERN =
      Pattern.compile("lemma\\s*:\\s*(?:([A-Za-z]+)|/([A-Za-z|]+)/)");

  /**
   * Warns about plain lemmas a pattern asks for ({@code lemma:people}, {@code lemma:/a|b/}) that
   * the lemmatiser never gives, at their column in the pattern.
   */
  private void warnPatternLemmas(Node item, String pattern) {
    if (lemmatiser == null) {
      return;
    }
    java.util.regex.Matcher m = LEMMA_IN_PATTERN.matcher(pattern);
    while (m.find()) {
      int group = m.group(1) != null ? 1 : 2;
      int offset = m.start(group);
      for (String lemma : m.group(group).split("\\|")) {
        String asked = lemma.toLowerCase(java.util.Locale.ROOT);
        String actual = asked.isEmpty() ? asked : lemmaOf.computeIfAbsent(asked, lemmatiser);
        if (!actual.equals(asked)) {
          warnings.add(
              warning(
                  item.line(),
                  item.column() + 1 + offset,
                  "the pattern asks for the lemma \""
                      + lemma
                      + "\", which CoreNLP never gives: the lemma of \""
                      + lemma
                      + "\" is \""
                      + actual
                      + "\", so write lemma:"
                      + actual
                      + " (or word:"
                      + lemma
                      + " for the written form)"));
        }
        offset += lemma.length() + 1;
      }
    }
  }

  /**
   * Warns about lemmas and phrases with a word such as {@code *} or {@code a*}: nearly any word.
   */
  private void warnWildcards(Member member) {
    if (member == null || !(member.value() instanceof ArrayNode array)) {
      return;
    }
    for (Node item : array.items()) {
      if (item instanceof ValueNode v && v.value() instanceof String term) {
        for (String word : term.strip().split("\\s+")) {
          if (word.endsWith("*") && word.length() < 4) {
            warnings.add(
                warning(
                    item.line(),
                    item.column(),
                    "\""
                        + word
                        + "\" matches almost any word: a trailing * needs at least three letters"
                        + " before it, such as \"collaborat*\""));
          }
        }
      }
    }
  }

  /**
   * Checks that parents exist and form no loop; returns the codes with every parent before its
   * children.
   */
  private List<Code> checkHierarchy(List<Code> codes, Map<String, Node> idNodes) {
    Map<String, Code> byId = new LinkedHashMap<>();
    codes.forEach(c -> byId.put(c.id(), c));
    for (Code code : codes) {
      Node node = idNodes.get(code.id());
      if (orphans.contains(code.id())) {
        continue;
      }
      if (!code.isTopLevel() && !byId.containsKey(code.parent())) {
        problems.add(
            error(
                node.line(),
                node.column(),
                "code \""
                    + code.id()
                    + "\" names parent \""
                    + code.parent()
                    + "\", which is not a code in this codebook"
                    + Spelling.didYouMean(code.parent(), byId.keySet())));
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (Code c = code; c != null && !c.isTopLevel(); c = byId.get(c.parent())) {
        if (!seen.add(c.id())) {
          problems.add(
              error(
                  node.line(),
                  node.column(),
                  "code \""
                      + code.id()
                      + "\" is its own ancestor: parents"
                      + " must not form a loop"));
          break;
        }
      }
    }
    List<Code> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (problems.isEmpty() && ordered.size() < codes.size()) {
      for (Code code : codes) {
        if (!placed.contains(code.id()) && (code.isTopLevel() || placed.contains(code.parent()))) {
          ordered.add(code);
          placed.add(code.id());
        }
      }
    }
    return ordered;
  }

  private void checkKeys(ObjectNode object, Set<String> allowed, String what) {
    for (Member member : object.members().values()) {
      if (!allowed.contains(member.key())) {
        problems.add(
            at(
                member,
                "unknown key \""
                    + member.key()
                    + "\" in "
                    + what
                    + Spelling.didYouMean(member.key(), allowed)
                    + " (expected one of "
                    + allowed.stream().sorted().toList()
                    + ")"));
      }
    }
    for (Member duplicate : object.duplicates()) {
      problems.add(at(duplicate, "\"" + duplicate.key() + "\" is given twice in " + what));
    }
  }

  private String requiredString(ObjectNode object, String key, String what) {
    Member member = object.members().get(key);
    if (member == null) {
      problems.add(error(object.line(), object.column(), what + " needs \"" + key + "\""));
      return "";
    }
    String value = string(member);
    if (value != null && value.isBlank()) {
      problems.add(at(member, "\"" + key + "\" of " + what + " is empty; write it out"));
    }
    return value == null ? "" : value.strip();
  }

  private String optionalString(ObjectNode object, String key) {
    Member member = object.members().get(key);
    String value = member == null ? null : string(member);
    return value == null ? "" : value.strip();
  }

  private String string(Member member) {
    if (member.value() instanceof ValueNode v && v.value() instanceof String s) {
      warnPlaceholder(member.value(), s);
      return s;
    }
    problems.add(at(member, "\"" + member.key() + "\" must be text in double quotes"));
    return null;
  }

  private List<String> stringList(ObjectNode object, String key) {
    return stringList(object.members().get(key));
  }

  private List<String> stringList(Member member) {
    if (member == null) {
      return List.of();
    }
    if (!(member.value() instanceof ArrayNode array)) {
      problems.add(
          at(member, "\"" + member.key() + "\" must be a list of texts: [\"...\", \"...\"]"));
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Node item : array.items()) {
      if (item instanceof ValueNode v && v.value() instanceof String s && !s.isBlank()) {
        warnPlaceholder(item, s.strip());
        values.add(s.strip());
      } else {
        problems.add(
            error(
                item.line(),
                item.column(),
                "each entry of \"" + member.key() + "\" must be non-empty text in double quotes"));
      }
    }
    return values;
  }

  private void warnPlaceholder(Node node, String text) {
    if (CodebookTemplate.isPlaceholder(text.strip())) {
      warnings.add(
          warning(
              node.line(),
              node.column(),
              "\""
                  + text.strip()
                  + "\" is guidance from \"aet codebook new\": replace it with your own words"));
    }
  }

  private void warn(Member member, String message) {
    warnings.add(warning(member.line(), member.column(), message));
  }

  private Diagnostic warning(int line, int column, String message) {
    return Diagnostic.warning(file, line, column, message, lineText(line));
  }

  private Diagnostic at(Member member, String message) {
    return error(member.line(), member.column(), message);
  }

  private Diagnostic error(int line, int column, String message) {
    return Diagnostic.error(file, line, column, message, lineText(line));
  }

  private String lineText(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
  }
}
