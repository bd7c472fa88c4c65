package org.aet.refiqda;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;

/**
 * A small part of a REFI-QDA document held in memory: one element with its attributes, its own text
 * and its child elements, names without namespace (tools write several variants of the namespace).
 * A project is read as a stream and only small parts (a code tree, one selection) become trees, so
 * that large projects do not have to fit in memory at once.
 *
 * @param name the local name
 * @param attributes attribute values by local name
 * @param text the element's own character data (of the element itself, not of its children)
 * @param children the child elements, in order
 * @param line the line the element starts on, for messages
 */
record XmlElement(
    String name, Map<String, String> attributes, String text, List<XmlElement> children, int line) {

  /** The attribute's value, or "" when it is absent. */
  String attribute(String key) {
    return attributes.getOrDefault(key, "");
  }

  /** The child elements named {@code childName}. */
  List<XmlElement> children(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** The first child named {@code childName}, or null. */
  XmlElement child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
  }

  /** The text of the first child named {@code childName}, or "". */
  String childText(String childName) {
    XmlElement child = child(childName);
    return child == null ? "" : child.text;
  }

  /**
   * A streaming reader over {@code in} that never loads a document type, an external entity or
   * anything from outside the file.
   */
  static XMLStreamReader open(Path file, InputStream in) throws InputException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    try {
      return factory.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw error(file, e);
    }
  }

  /**
   * The next event of {@code reader}, refusing a document type declaration, which REFI-QDA files
   * never need and which XML external entity attacks use.
   */
  static int next(Path file, XMLStreamReader reader) throws InputException {
    try {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new InputException(
            Diagnostic.error(
                file,
                reader.getLocation().getLineNumber(),
                Math.max(reader.getLocation().getColumnNumber(), 0),
                "refused: the file declares an XML document type (DOCTYPE) or entity, which"
                    + " REFI-QDA files never need and which can be used to read files from this"
                    + " computer",
                ""));
      }
      return event;
    } catch (XMLStreamException e) {
      throw error(file, e);
    }
  }

  /**
   * The element {@code reader} stands at (a start tag), with everything inside it; leaves the
   * reader at its end tag.
   */
  static XmlElement read(Path file, XMLStreamReader reader) throws InputException {
    int line = reader.getLocation().getLineNumber();
    String name = reader.getLocalName();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
    StringBuilder text = new StringBuilder();
    List<XmlElement> children = new ArrayList<>();
    while (true) {
      int event = next(file, reader);
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> children.add(read(file, reader));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(reader.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          return new XmlElement(name, attributes, text.toString(), List.copyOf(children), line);
        }
        default -> {
          // comments and processing instructions carry nothing aet reads
        }
      }
    }
  }

  /** The message for XML that does not parse, at its line and column. */
  static InputException error(Path file, XMLStreamException e) {
    int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNumber(), 0);
    int column = e.getLocation() == null ? 0 : Math.max(e.getLocation().getColumnNumber(), 0);
    String message =
        e.getMessage() == null ? "" : e.getMessage().replaceAll("(?s)^ParseError.*?Message: ", "");
    return new InputException(
        Diagnostic.error(file, line, column, "not well-formed XML: " + message.strip(), ""));
  }
}
