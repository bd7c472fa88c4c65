package org.aet.refiqda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.aet.codebook.Code;
import org.aet.codebook.CodeSet;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookJson;
import org.aet.codebook.Codebooks;
import org.aet.codebook.DetectionRules;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.io.AtomicOutput;
import org.aet.io.ToolVersion;

/**
 * Codebooks in the REFI-QDA exchange format, the one NVivo, ATLAS.ti, MAXQDA and QualCoder read and
 * write: a {@code .qdc} file (schema {@code urn:QDA-XML:codebook:1.0}), or the codebook inside a
 * {@code .qdpx} project.
 *
 * <p>What another tool wrote comes back as it was: a code's GUID, name, colour, whether it can be
 * applied ({@code isCodable}), its description word for word, and the sets. What REFI-QDA cannot
 * hold of aet's own codes (the id, when to use and not to use, examples, detection rules) travels
 * at the end of the description in labelled lines a person can read ({@code Use when: ...}, {@code
 * aet id: ...}, {@code aet rules: {...}}); those lines are written only for codes that have such
 * fields, and read only from descriptions that carry an {@code aet id} line. The codebook's name,
 * title, description and version travel in the {@code origin} attribute, so a codebook written by
 * aet and read back unchanged keeps its version.
 *
 * <p>Import is tolerant: any namespace (tools write variants such as {@code
 * urn:QDA-XML:codebook:1:0}), GUIDs with or without braces in any case, {@code #RGB} colours. XML
 * with a document type declaration is refused.
 */
public final class RefiQdaCodebook {
  public static final String NAMESPACE = "urn:QDA-XML:codebook:1.0";
  private static final String USE_WHEN = "Use when: ";
  private static final String DO_NOT_USE_WHEN = "Do not use when: ";
  private static final String EXAMPLE = "Example: ";
  private static final String COUNTER_EXAMPLE = "Counter-example: ";
  private static final String AET_ID = "aet id: ";
  private static final String AET_RULES = "aet rules: ";
  private static final List<String> LABELS =
      List.of(USE_WHEN, DO_NOT_USE_WHEN, EXAMPLE, COUNTER_EXAMPLE, AET_ID, AET_RULES);
  private static final String ORIGIN_PREFIX = "aet ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RefiQdaCodebook() {}

  /** What an import found: the codebook and what a person should know about it. */
  public record Imported(Codebook codebook, List<String> warnings) {}

  /**
   * Writes {@code codebook} to {@code target} as a .qdc file; nothing appears there unless all goes
   * well.
   */
  public static void write(Codebook codebook, Path target) throws IOException {
    try (AtomicOutput output = new AtomicOutput(target)) {
      try (OutputStream out = Files.newOutputStream(output.temporary())) {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("CodeBook");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeAttribute("origin", origin(codebook));
        writeCodes(xml, codebook, 1);
        writeSets(xml, codebook, 1, "guid");
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
      } catch (XMLStreamException e) {
        throw new IOException("cannot write XML: " + e.getMessage(), e);
      }
      output.commit();
    }
  }

  /** Writes the {@code Codes} element of {@code codebook}, indented {@code depth} levels. */
  static void writeCodes(XMLStreamWriter xml, Codebook codebook, int depth)
      throws XMLStreamException {
    indent(xml, depth);
    xml.writeStartElement("Codes");
    for (Code code : codebook.codes()) {
      if (code.isTopLevel()) {
        writeCode(xml, codebook, code, depth + 1);
      }
    }
    indent(xml, depth);
    xml.writeEndElement();
  }

  /**
   * Writes the {@code Sets} element, when there are sets; members name their code's GUID in {@code
   * memberAttribute} ({@code guid} in a .qdc, {@code targetGUID} in a project).
   */
  static void writeSets(XMLStreamWriter xml, Codebook codebook, int depth, String memberAttribute)
      throws XMLStreamException {
    if (codebook.sets().isEmpty()) {
      return;
    }
    indent(xml, depth);
    xml.writeStartElement("Sets");
    for (CodeSet set : codebook.sets()) {
      indent(xml, depth + 1);
      xml.writeStartElement("Set");
      xml.writeAttribute("guid", setGuid(codebook, set));
      xml.writeAttribute("name", set.name());
      if (!set.description().isEmpty()) {
        indent(xml, depth + 2);
        xml.writeStartElement("Description");
        xml.writeCharacters(set.description());
        xml.writeEndElement();
      }
      for (String id : set.codes()) {
        indent(xml, depth + 2);
        xml.writeEmptyElement("MemberCode");
        xml.writeAttribute(memberAttribute, guid(codebook, codebook.code(id)));
      }
      indent(xml, depth + 1);
      xml.writeEndElement();
    }
    indent(xml, depth);
    xml.writeEndElement();
  }

  static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }

  private static void writeCode(XMLStreamWriter xml, Codebook codebook, Code code, int depth)
      throws XMLStreamException {
    indent(xml, depth);
    List<Code> children = codebook.children(code.id());
    String description = description(code);
    if (children.isEmpty() && description.isEmpty()) {
      xml.writeEmptyElement("Code");
    } else {
      xml.writeStartElement("Code");
    }
    xml.writeAttribute("guid", guid(codebook, code));
    xml.writeAttribute("name", code.name());
    xml.writeAttribute("isCodable", Boolean.toString(code.codable()));
    if (!code.colour().isEmpty()) {
      xml.writeAttribute("color", code.colour());
    }
    if (children.isEmpty() && description.isEmpty()) {
      return;
    }
    if (!description.isEmpty()) {
      indent(xml, depth + 1);
      xml.writeStartElement("Description");
      xml.writeCharacters(description);
      xml.writeEndElement();
    }
    for (Code child : children) {
      writeCode(xml, codebook, child, depth + 1);
    }
    indent(xml, depth);
    xml.writeEndElement();
  }

  /**
   * The GUID of {@code code}: the one it came with from another tool, or else a name-based UUID of
   * the codebook's name and the code's id, so an export of the same codebook always has the same
   * GUIDs.
   */
  public static String guid(Codebook codebook, Code code) {
    return code.guid().isEmpty()
        ? derived("aet:" + codebook.name() + ":" + code.id())
        : code.guid();
  }

  static String setGuid(Codebook codebook, CodeSet set) {
    return set.guid().isEmpty()
        ? derived("aet:" + codebook.name() + ":set:" + set.name())
        : set.guid();
  }

  /** A name-based UUID in upper case, as REFI-QDA tools write them. */
  static String derived(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
        .toString()
        .toUpperCase(Locale.ROOT);
  }

  /** A GUID as compared: without braces, upper case. */
  static String normal(String guid) {
    return guid.strip().replaceAll("^\\{|}$", "").toUpperCase(Locale.ROOT);
  }

  /**
   * The description to write: the definition alone for a code that has nothing else; for aet's own
   * codes, and codes that gained aet fields, the definition then the labelled lines.
   */
  static String description(Code code) {
    boolean aetFields =
        !code.useWhen().isEmpty()
            || !code.doNotUseWhen().isEmpty()
            || !code.examples().isEmpty()
            || !code.counterExamples().isEmpty()
            || !code.rules().equals(DetectionRules.NONE);
    if (!code.guid().isEmpty() && !aetFields) {
      return code.definition();
    }
    StringBuilder out = new StringBuilder(code.definition());
    out.append("\n");
    line(out, USE_WHEN, code.useWhen());
    line(out, DO_NOT_USE_WHEN, code.doNotUseWhen());
    code.examples().forEach(e -> line(out, EXAMPLE, e));
    code.counterExamples().forEach(e -> line(out, COUNTER_EXAMPLE, e));
    line(out, AET_ID, code.id());
    if (!code.rules().equals(DetectionRules.NONE)) {
      line(out, AET_RULES, compact(CodebookJson.rules(code.rules())));
    }
    return out.toString().strip();
  }

  private static void line(StringBuilder out, String label, String value) {
    if (!value.isEmpty()) {
      out.append('\n').append(label).append(value.replaceAll("\\s*\\R\\s*", " "));
    }
  }

  /**
   * The {@code origin} attribute: aet's version, then the codebook's name, title, description,
   * version and content fingerprint as JSON, which {@link #read} uses to give the codebook back
   * under its own version when nothing in it changed.
   */
  static String origin(Codebook codebook) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", codebook.name());
    node.put("title", codebook.title());
    node.put("description", codebook.description());
    node.put("version", codebook.version());
    node.put("content", content(codebook));
    return ORIGIN_PREFIX + ToolVersion.current() + " " + compact(node);
  }

  /** A fingerprint of everything in {@code codebook} except its version. */
  static String content(Codebook codebook) {
    return Hashing.sha256()
        .hashString(CodebookJson.write(codebook), StandardCharsets.UTF_8)
        .toString()
        .substring(0, 12);
  }

  /** What an {@code origin} attribute written by aet says, or null for any other origin. */
  static JsonNode aetOrigin(String origin) {
    int brace = origin.indexOf('{');
    if (!origin.startsWith(ORIGIN_PREFIX) || brace < 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(origin.substring(brace));
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The name an imported codebook gets unless someone gives one: the file's name without its
   * extension, in lower-case letters, digits and hyphens ("From NVivo.qdc" gives "from-nvivo").
   */
  public static String defaultName(Path file) {
    String name =
        file.getFileName()
            .toString()
            .replaceFirst("\\.[^.]*$", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "imported" : name;
  }

  /**
   * Imports the codebook in a .qdc file or a .qdpx project.
   *
   * @param name the name to give the codebook unless aet wrote it (by default, the file name)
   * @throws InputException when the file is not a readable REFI-QDA codebook, or is refused as
   *     hostile
   */
  public static Imported read(Path file, String name) throws AetException {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qdpx")) {
      try (ZipFile zip = Qdpx.open(file)) {
        ZipEntry entry = Qdpx.projectEntry(file, zip);
        try (InputStream in = zip.getInputStream(entry)) {
          return readStream(file, in, name);
        }
      } catch (IOException e) {
        throw new InputException(Diagnostic.fileError(file, "cannot read: " + e.getMessage()));
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      return readStream(file, in, name);
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, "cannot read: " + e.getMessage()));
    }
  }

  /** Reads the code tree and sets of a .qdc or .qde document, skipping everything else. */
  private static Imported readStream(Path file, InputStream in, String name) throws AetException {
    XMLStreamReader reader = XmlElement.open(file, in);
    XmlElement codes = null;
    XmlElement sets = null;
    String origin = "";
    int depth = 0;
    boolean inCodebook = false;
    for (int event = XmlElement.next(file, reader);
        event != XMLStreamConstants.END_DOCUMENT;
        event = XmlElement.next(file, reader)) {
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        inCodebook &= !reader.getLocalName().equals("CodeBook");
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        String local = reader.getLocalName();
        if (depth == 1) {
          origin = value(reader, "origin");
          inCodebook = local.equals("CodeBook");
        } else if (depth == 2 && local.equals("CodeBook")) {
          inCodebook = true;
        } else if (inCodebook && local.equals("Codes") && codes == null) {
          codes = XmlElement.read(file, reader);
          depth--;
        } else if (local.equals("Sets") && (inCodebook || depth == 2)) {
          sets = XmlElement.read(file, reader);
          depth--;
        } else if (depth == 2) {
          skip(file, reader);
          depth--;
        }
      }
    }
    if (codes == null) {
      throw new InputException(
          Diagnostic.fileError(
              file,
              "no <CodeBook><Codes> in this file: is it a REFI-QDA"
                  + " codebook (.qdc) or project (.qdpx)?"));
    }
    return fromTree(file, codes, sets, origin, name);
  }

  private static String value(XMLStreamReader reader, String attribute) {
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      if (reader.getAttributeLocalName(i).equals(attribute)) {
        return reader.getAttributeValue(i);
      }
    }
    return "";
  }

  /** Skips the element the reader stands at, leaving it at its end tag. */
  static void skip(Path file, XMLStreamReader reader) throws InputException {
    for (int depth = 1; depth > 0; ) {
      int event = XmlElement.next(file, reader);
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /**
   * The codebook in a {@code Codes} element and (when given) a {@code Sets} element; {@code origin}
   * is the root's origin attribute.
   */
  static Imported fromTree(Path file, XmlElement codes, XmlElement sets, String origin, String name)
      throws AetException {
    JsonNode aet = aetOrigin(origin);
    String bookName = aet != null ? aet.path("name").asText(name) : name;
    ObjectNode root = JSON.createObjectNode();
    root.put("name", bookName);
    if (aet != null) {
      root.put("title", aet.path("title").asText(bookName));
      root.put("description", aet.path("description").asText(""));
    } else {
      root.put(
          "description",
          "Imported from " + file.getFileName() + (origin.isBlank() ? "" : " (" + origin + ")"));
    }
    ArrayNode list = root.putArray("codes");
    CodeReader codeReader = new CodeReader(bookName, list);
    for (XmlElement code : codes.children("Code")) {
      codeReader.read(code, "");
    }
    if (list.isEmpty()) {
      throw new InputException(
          Diagnostic.fileError(file, "the codebook in this file has no codes"));
    }
    List<String> warnings = new ArrayList<>();
    if (sets != null) {
      readSets(bookName, sets, codeReader.idByGuid, root, warnings);
    }
    if (codeReader.withRules == 0) {
      warnings.add(
          "this codebook has no detection rules (it was not made by aet): aet can use it for review and"
              + " agreement, but \"aet code\" will suggest nothing until rules are added");
    }
    if (codeReader.withoutDescription > 0) {
      warnings.add(
          codeReader.withoutDescription
              + " code(s) came without a description; write a definition for each before coding"
              + " with them");
    }
    Codebook parsed = Codebooks.fromJson(CodebookJson.pretty(root), "", file);
    String content = content(parsed);
    boolean unchanged = aet != null && content.equals(aet.path("content").asText());
    return new Imported(
        parsed.withVersion(unchanged ? aet.path("version").asText() : content), warnings);
  }

  /** Turns REFI-QDA code elements into codebook JSON, giving each code a readable, unique id. */
  private static final class CodeReader {
    final String bookName;
    final ArrayNode out;
    final Set<String> ids = new HashSet<>();
    final Map<String, String> idByGuid = new HashMap<>();
    int withRules;
    int withoutDescription;

    CodeReader(String bookName, ArrayNode out) {
      this.bookName = bookName;
      this.out = out;
    }

    void read(XmlElement element, String parent) {
      String name = element.attribute("name").strip();
      String guid = element.attribute("guid").strip();
      Described described = Described.of(element.childText("Description").strip());
      String id = described.id();
      if (id == null || !Code.ID.matcher(id).matches() || ids.contains(id)) {
        id = slug(name, ids);
      }
      ids.add(id);
      String derivedGuid = derived("aet:" + bookName + ":" + id);
      write(element, parent, id, name, guid, derivedGuid, described);
      idByGuid.put(normal(guid.isEmpty() ? derivedGuid : guid), id);
      for (XmlElement child : element.children("Code")) {
        read(child, id);
      }
    }

    /** Adds the code's JSON object to {@code out}, its keys in the order aet writes them. */
    private void write(
        XmlElement element,
        String parent,
        String id,
        String name,
        String guid,
        String derivedGuid,
        Described described) {
      ObjectNode code = out.addObject();
      code.put("id", id);
      if (!parent.isEmpty()) {
        code.put("parent", parent);
      }
      code.put("name", name.isEmpty() ? id : name);
      String definition = described.definition();
      // aet's own codes keep their derived GUID; a code without a definition keeps its GUID, which
      // is what lets a codebook leave the definition out
      boolean aetOwn =
          (guid.isEmpty() || normal(guid).equals(derivedGuid)) && !definition.isEmpty();
      if (definition.isEmpty()) {
        withoutDescription++;
      } else {
        code.put("definition", definition);
      }
      code.setAll(described.fields());
      if (!described.examples().isEmpty()) {
        code.set("examples", described.examples());
      }
      if (!described.counterExamples().isEmpty()) {
        code.set("counter_examples", described.counterExamples());
      }
      String colour = colour(element.attribute("color"));
      if (!colour.isEmpty()) {
        code.put("colour", colour);
      }
      if (described.rules() != null) {
        code.set("rules", described.rules());
        withRules++;
      }
      if (!aetOwn) {
        code.put("guid", guid.isEmpty() ? derivedGuid : guid);
      }
      if (element.attribute("isCodable").strip().equalsIgnoreCase("false")) {
        code.put("codable", false);
      }
    }
  }

  /**
   * A code's REFI-QDA description read back: the definition, and what aet wrote after it as
   * labelled lines (when, examples, id, rules). {@code id} and {@code rules} are null when absent.
   */
  private record Described(
      String definition,
      ObjectNode fields,
      ArrayNode examples,
      ArrayNode counterExamples,
      String id,
      JsonNode rules) {
    static Described of(String description) {
      ObjectNode fields = JSON.createObjectNode();
      ArrayNode examples = JSON.createArrayNode();
      ArrayNode counterExamples = JSON.createArrayNode();
      if (description.lines().noneMatch(l -> l.startsWith(AET_ID))) {
        return new Described(description, fields, examples, counterExamples, null, null);
      }
      String id = null;
      JsonNode rules = null;
      List<String> text = new ArrayList<>();
      boolean inFields = false;
      for (String line : description.split("\\R")) {
        String label = LABELS.stream().filter(line::startsWith).findFirst().orElse(null);
        inFields |= label != null;
        if (label == null) {
          if (!inFields) {
            text.add(line);
          }
          continue;
        }
        String value = line.substring(label.length()).strip();
        switch (label) {
          case USE_WHEN -> fields.put("use_when", value);
          case DO_NOT_USE_WHEN -> fields.put("do_not_use_when", value);
          case EXAMPLE -> examples.add(value);
          case COUNTER_EXAMPLE -> counterExamples.add(value);
          case AET_ID -> id = value;
          default -> rules = readRules(value);
        }
      }
      String definition = String.join("\n", text).strip();
      return new Described(definition, fields, examples, counterExamples, id, rules);
    }
  }

  /**
   * Reads the sets: a .qdc's {@code MemberCode guid}, or a project's {@code MemberCode targetGUID};
   * sets of sources or notes only, which aet does not use, are counted in a warning.
   */
  private static void readSets(
      String bookName,
      XmlElement sets,
      Map<String, String> idByGuid,
      ObjectNode root,
      List<String> warnings) {
    ArrayNode out = JSON.createArrayNode();
    int otherSets = 0;
    int unknownMembers = 0;
    for (XmlElement set : sets.children("Set")) {
      List<XmlElement> members = set.children("MemberCode");
      if (members.isEmpty()) {
        otherSets++;
        continue;
      }
      ObjectNode node = out.addObject();
      String name = set.attribute("name").strip();
      node.put("name", name);
      String guid = set.attribute("guid").strip();
      if (!normal(guid).equals(derived("aet:" + bookName + ":set:" + name))) {
        node.put("guid", guid);
      }
      String description = set.childText("Description").strip();
      if (!description.isEmpty()) {
        node.put("description", description);
      }
      ArrayNode codes = node.putArray("codes");
      for (XmlElement member : members) {
        String target = member.attribute("guid");
        String id =
            idByGuid.get(normal(target.isEmpty() ? member.attribute("targetGUID") : target));
        if (id == null) {
          unknownMembers++;
        } else {
          codes.add(id);
        }
      }
    }
    if (!out.isEmpty()) {
      root.set("sets", out);
    }
    if (otherSets > 0) {
      warnings.add(
          otherSets
              + " set(s) hold only documents or notes, not codes; aet keeps sets of codes only,"
              + " so these were not brought in");
    }
    if (unknownMembers > 0) {
      warnings.add(
          unknownMembers + " set member(s) name a code that is not in the codebook; left out");
    }
  }

  private static JsonNode readRules(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * A readable id from a code's name, unique among {@code taken}: lower case, accents taken off
   * Latin, Greek and Cyrillic letters ("Szöveg típusa" gives "szoveg-tipusa"), letters of other
   * scripts kept as they are ("社会结构" stays), anything else a hyphen.
   */
  static String slug(String name, Set<String> taken) {
    StringBuilder out = new StringBuilder();
    String decomposed = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    Character.UnicodeScript base = null;
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
      if (mark) {
        if (base != Character.UnicodeScript.LATIN
            && base != Character.UnicodeScript.GREEK
            && base != Character.UnicodeScript.CYRILLIC
            && out.length() > 0
            && out.charAt(out.length() - 1) != '-') {
          out.appendCodePoint(c);
        }
        continue;
      }
      String latin = LATIN_LETTERS.get(c);
      if (latin != null) {
        out.append(latin);
        base = Character.UnicodeScript.LATIN;
      } else if (Character.isLetterOrDigit(c)) {
        out.appendCodePoint(Character.isLetter(c) ? Character.toLowerCase(c) : digit(c));
        base = Character.UnicodeScript.of(c);
      } else {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
          out.append('-');
        }
        base = null;
      }
    }
    String base0 = Normalizer.normalize(out.toString(), Normalizer.Form.NFC).replaceAll("-+$", "");
    String id = base0.isEmpty() ? "code" : base0;
    String stem = id;
    for (int n = 2; taken.contains(id); n++) {
      id = stem + "-" + n;
    }
    return id;
  }

  /** Letters that do not decompose into a base letter and an accent. */
  private static final Map<Integer, String> LATIN_LETTERS =
      Map.ofEntries(
          Map.entry((int) 'ß', "ss"),
          Map.entry((int) 'æ', "ae"),
          Map.entry((int) 'œ', "oe"),
          Map.entry((int) 'ø', "o"),
          Map.entry((int) 'ł', "l"),
          Map.entry((int) 'đ', "d"),
          Map.entry((int) 'ð', "d"),
          Map.entry((int) 'þ', "th"),
          Map.entry((int) 'ı', "i"));

  /** A decimal digit of any script as an ASCII digit; other digits as they are. */
  private static int digit(int c) {
    int value = Character.digit(c, 10);
    return value >= 0 ? '0' + value : c;
  }

  /** {@code #RRGGBB} from {@code #RRGGBB} or {@code #RGB}; "" for anything else. */
  static String colour(String value) {
    String v = value.strip();
    if (v.matches("#[0-9a-fA-F]{6}")) {
      return v;
    }
    if (v.matches("#[0-9a-fA-F]{3}")) {
      return "#"
          + v.charAt(1)
          + v.charAt(1)
          + v.charAt(2)
          + v.charAt(2)
          + v.charAt(3)
          + v.charAt(3);
    }
    return "";
  }

  private static String compact(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
