package org.aet.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers where each value stands in the file, so validation can say "line 12,
 * column 7" for every problem it finds, not just the first (Jackson's data binding stops at the
 * first).
 */
public final class LocatedJson {
  private LocatedJson() {}

  /** Any JSON value with its position (line and column from 1). */
  public sealed interface Node permits ObjectNode, ArrayNode, ValueNode {
    int line();

    int column();
  }

  /** A member of an object, located at its key. */
  public record Member(String key, int line, int column, Node value) {}

  public record ObjectNode(
      Map<String, Member> members, List<Member> duplicates, int line, int column) implements Node {}

  public record ArrayNode(List<Node> items, int line, int column) implements Node {}

  /** A string, number, boolean or null; {@code value} is a String, Number, Boolean or null. */
  public record ValueNode(Object value, int line, int column) implements Node {}

  /** Thrown for text that is not JSON at all, located where the parser gave up. */
  public static final class SyntaxError extends Exception {
    public final int line;
    public final int column;

    SyntaxError(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  /** Parses {@code text} as one JSON value. */
  public static Node parse(String text) throws SyntaxError {
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SyntaxError("the file is empty; expected a JSON object { ... }", 1, 1);
      }
      Node root = read(parser);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new SyntaxError(
            "unexpected text after the end of the JSON object", at.getLineNr(), at.getColumnNr());
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      int column = at == null ? 0 : at.getColumnNr();
      throw new SyntaxError(
          "not valid JSON: " + JsonMessages.plain(e.getOriginalMessage()), line, column);
    } catch (IOException e) {
      throw new SyntaxError("cannot read: " + e.getMessage(), 0, 0);
    }
  }

  private static Node read(JsonParser parser) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        Map<String, Member> members = new LinkedHashMap<>();
        List<Member> duplicates = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          JsonLocation keyAt = parser.currentTokenLocation();
          String key = parser.currentName();
          parser.nextToken();
          Member member = new Member(key, keyAt.getLineNr(), keyAt.getColumnNr(), read(parser));
          if (members.putIfAbsent(key, member) != null) {
            duplicates.add(member);
          }
        }
        return new ObjectNode(members, duplicates, line, column);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(parser));
        }
        return new ArrayNode(items, line, column);
      }
      case VALUE_STRING -> {
        return new ValueNode(parser.getText(), line, column);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new ValueNode(parser.getNumberValue(), line, column);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new ValueNode(parser.getBooleanValue(), line, column);
      }
      case VALUE_NULL -> {
        return new ValueNode(null, line, column);
      }
      default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
    }
  }

  private static final class JsonParseException
      extends com.fasterxml.jackson.core.JsonParseException {
    JsonParseException(JsonParser parser, String message) {
      super(parser, message);
    }
  }
}
