package org.aet.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.AtomicOutput;
import org.aet.export.ExportContext;
import org.aet.ingest.ZipGuard;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/**
 * Codebooks in the REFI-QDA exchange format, the one NVivo, ATLAS.ti, MAXQDA and QualCoder read and
 * write: a {@code .qdc} file (schema {@code urn:QDA-XML:codebook:1.0}), or the codebook inside a
 * {@code .qdpx} project.
 *
 * <p>REFI-QDA holds a code's name, colour, description and place in the tree. What it cannot hold
 * (the id, when to use and not to use, examples, counter-examples, detection rules) travels at the
 * end of the description in labelled lines a person can read ({@code Use when: ...}, {@code
 * Example: ...}, {@code aet rules: {...}}), and comes back from them when aet imports its own
 * export. GUIDs are derived from the codebook and code ids, so an export of the same codebook
 * always has the same GUIDs.
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
        xml.writeAttribute(
            "origin",
            "aet "
                + ExportContext.toolVersion()
                + ": "
                + codebook.name()
                + " ("
                + codebook.title()
                + "), version "
                + codebook.version());
        xml.writeCharacters("\n  ");
        xml.writeStartElement("Codes");
        for (Code code : codebook.codes()) {
          if (code.isTopLevel()) {
            writeCode(xml, codebook, code, 2);
          }
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
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

  private static void writeCode(XMLStreamWriter xml, Codebook codebook, Code code, int depth)
      throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
    xml.writeStartElement("Code");
    xml.writeAttribute("guid", guid(codebook, code));
    xml.writeAttribute("name", code.name());
    xml.writeAttribute("isCodable", "true");
    if (!code.colour().isEmpty()) {
      xml.writeAttribute("color", code.colour());
    }
    xml.writeCharacters("\n" + "  ".repeat(depth + 1));
    xml.writeStartElement("Description");
    xml.writeCharacters(description(code));
    xml.writeEndElement();
    for (Code child : codebook.children(code.id())) {
      writeCode(xml, codebook, child, depth + 1);
    }
    xml.writeCharacters("\n" + "  ".repeat(depth));
    xml.writeEndElement();
  }

  /**
   * The stable GUID of {@code code}: a name-based UUID of the codebook's name and the code's id.
   */
  static String guid(Codebook codebook, Code code) {
    return UUID.nameUUIDFromBytes(
            ("aet:" + codebook.name() + ":" + code.id()).getBytes(StandardCharsets.UTF_8))
        .toString()
        .toUpperCase(Locale.ROOT);
  }

  /** The definition, then the labelled lines that carry what REFI-QDA has no place for. */
  static String description(Code code) {
    StringBuilder out = new StringBuilder(code.definition());
    out.append("\n");
    line(out, USE_WHEN, code.useWhen());
    line(out, DO_NOT_USE_WHEN, code.doNotUseWhen());
    code.examples().forEach(e -> line(out, EXAMPLE, e));
    code.counterExamples().forEach(e -> line(out, COUNTER_EXAMPLE, e));
    line(out, AET_ID, code.id());
    if (!code.rules().equals(DetectionRules.NONE)) {
      line(out, AET_RULES, CodebookJson.compact(CodebookJson.rules(code.rules())));
    }
    return out.toString().strip();
  }

  private static void line(StringBuilder out, String label, String value) {
    if (!value.isEmpty()) {
      out.append('\n').append(label).append(value.replaceAll("\\s*\\R\\s*", " "));
    }
  }

  /**
   * Imports the codebook in a .qdc file or a .qdpx project.
   *
   * @param name the name to give the codebook (by default, the file name)
   * @throws InputException when the file is not a readable REFI-QDA codebook, or is refused as
   *     hostile
   */
  public static Imported read(Path file, String name) throws AetException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, "cannot read: " + e.getMessage()));
    }
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qdpx")) {
      bytes = projectFile(file, bytes);
    }
    Document document = parse(file, bytes);
    Element codes = findCodes(document.getDocumentElement());
    if (codes == null) {
      throw new InputException(
          Diagnostic.fileError(
              file,
              "no <CodeBook><Codes> in this file: is it a REFI-QDA"
                  + " codebook (.qdc) or project (.qdpx)?"));
    }
    ObjectNode root = CodebookJson.mapper().createObjectNode();
    root.put("name", name);
    root.put(
        "description",
        "Imported from "
            + file.getFileName()
            + " ("
            + document.getDocumentElement().getAttribute("origin")
            + ")");
    ArrayNode list = root.putArray("codes");
    List<String> warnings = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int[] withRules = {0};
    int[] withoutDefinition = {0};
    for (Element code : children(codes, "Code")) {
      importCode(code, "", list, ids, withRules, withoutDefinition);
    }
    if (list.isEmpty()) {
      throw new InputException(
          Diagnostic.fileError(file, "the codebook in this file has no codes"));
    }
    if (withRules[0] == 0) {
      warnings.add(
          "this codebook has no detection rules (it was not made by aet): aet can use it for review and"
              + " agreement, but \"aet code\" will suggest nothing until rules are added");
    }
    if (withoutDefinition[0] > 0) {
      warnings.add(
          withoutDefinition[0]
              + " code(s) came without a description; their definition says so:"
              + " write one before coding");
    }
    Codebook codebook =
        CodebookParser.parse(file, CodebookJson.pretty(root), Codebooks::load).codebook();
    String version =
        com.google.common.hash.Hashing.sha256().hashBytes(bytes).toString().substring(0, 12);
    return new Imported(
        new Codebook(
            codebook.name(), codebook.title(), codebook.description(), version, codebook.codes()),
        warnings);
  }

  private static void importCode(
      Element element,
      String parent,
      ArrayNode out,
      Set<String> ids,
      int[] withRules,
      int[] withoutDefinition) {
    String name = element.getAttribute("name").strip();
    Element descriptionElement = children(element, "Description").stream().findFirst().orElse(null);
    String description =
        descriptionElement == null ? "" : descriptionElement.getTextContent().strip();
    ObjectNode code = CodebookJson.mapper().createObjectNode();
    List<String> definition = new ArrayList<>();
    ArrayNode examples = CodebookJson.mapper().createArrayNode();
    ArrayNode counterExamples = CodebookJson.mapper().createArrayNode();
    String id = null;
    JsonNode rules = null;
    boolean inFields = false;
    for (String line : description.split("\\R")) {
      String label = LABELS.stream().filter(line::startsWith).findFirst().orElse(null);
      inFields |= label != null;
      if (label == null) {
        if (!inFields) {
          definition.add(line);
        }
        continue;
      }
      String value = line.substring(label.length()).strip();
      switch (label) {
        case USE_WHEN -> code.put("use_when", value);
        case DO_NOT_USE_WHEN -> code.put("do_not_use_when", value);
        case EXAMPLE -> examples.add(value);
        case COUNTER_EXAMPLE -> counterExamples.add(value);
        case AET_ID -> id = value;
        default -> rules = readRules(value);
      }
    }
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]*") || ids.contains(id)) {
      id = slug(name, ids);
    }
    ids.add(id);
    ObjectNode ordered = CodebookJson.mapper().createObjectNode();
    ordered.put("id", id);
    if (!parent.isEmpty()) {
      ordered.put("parent", parent);
    }
    ordered.put("name", name.isEmpty() ? id : name);
    String text = String.join("\n", definition).strip();
    if (text.isEmpty()) {
      withoutDefinition[0]++;
      text = "(No description came with this code: write its definition.)";
    }
    ordered.put("definition", text);
    ordered.setAll(code);
    if (!examples.isEmpty()) {
      ordered.set("examples", examples);
    }
    if (!counterExamples.isEmpty()) {
      ordered.set("counter_examples", counterExamples);
    }
    String colour = colour(element.getAttribute("color"));
    if (!colour.isEmpty()) {
      ordered.put("colour", colour);
    }
    if (rules != null) {
      ordered.set("rules", rules);
      withRules[0]++;
    }
    out.add(ordered);
    for (Element child : children(element, "Code")) {
      importCode(child, id, out, ids, withRules, withoutDefinition);
    }
  }

  private static JsonNode readRules(String json) {
    try {
      JsonNode node = CodebookJson.mapper().readTree(json);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A lower-case id from a code's name, unique among {@code taken}. */
  static String slug(String name, Set<String> taken) {
    String base =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.isEmpty()) {
      base = "code";
    }
    String id = base;
    for (int n = 2; taken.contains(id); n++) {
      id = base + "-" + n;
    }
    return id;
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

  private static byte[] projectFile(Path file, byte[] zip) throws InputException {
    try {
      ZipGuard.check(zip);
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
        for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
          if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".qde")
              && !entry.getName().contains("/")) {
            return in.readAllBytes();
          }
        }
      }
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, e.getMessage()));
    }
    throw new InputException(
        Diagnostic.fileError(file, "no project.qde inside: is it a REFI-QDA project?"));
  }

  private static Document parse(Path file, byte[] bytes) throws InputException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (SAXParseException e) {
      String message =
          e.getMessage() != null && e.getMessage().contains("DOCTYPE")
              ? "refused: the file declares an XML document type (DOCTYPE), which REFI-QDA files never need and which"
                  + " can be used to read files from this computer"
              : "not well-formed XML: " + e.getMessage();
      throw new InputException(
          Diagnostic.error(
              file, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0), message, ""));
    } catch (org.xml.sax.SAXException | IOException | ParserConfigurationException e) {
      throw new InputException(
          Diagnostic.fileError(file, "cannot read the XML: " + e.getMessage()));
    }
  }

  /**
   * The {@code Codes} element of a CodeBook, which is the root (.qdc) or inside a Project (.qde).
   */
  private static Element findCodes(Element root) {
    Element codebook =
        root.getLocalName().equals("CodeBook")
            ? root
            : children(root, "CodeBook").stream().findFirst().orElse(null);
    return codebook == null ? null : children(codebook, "Codes").stream().findFirst().orElse(null);
  }

  /**
   * The child elements of {@code parent} with local name {@code name}, whatever their namespace.
   */
  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }
}
