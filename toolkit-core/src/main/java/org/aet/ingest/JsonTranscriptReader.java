package org.aet.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aet.diagnostics.InputException;
import org.aet.io.LocatedJson;
import org.aet.io.LocatedJson.ArrayNode;
import org.aet.io.LocatedJson.Member;
import org.aet.io.LocatedJson.Node;
import org.aet.io.LocatedJson.ObjectNode;
import org.aet.io.LocatedJson.ValueNode;
import org.aet.model.Turn;

/**
 * Reads transcripts kept as JSON or JSON Lines: a list of turns {@code {"speaker": ..., "text":
 * ...}} (or {@code content}, with optional {@code start}, {@code end}, {@code role}), either at the
 * top level or under a key such as {@code meeting_transcripts} (the QMSum / Senedd committee
 * shape), {@code turns} or {@code utterances}; in a {@code .jsonl} file, one turn object per line.
 * Top-level text fields such as {@code case} or {@code date} are read as metadata.
 */
public final class JsonTranscriptReader implements TranscriptReader {
  private static final List<String> TURN_LISTS =
      List.of("meeting_transcripts", "turns", "utterances", "transcript", "segments", "dialogue");
  private static final Map<String, List<String>> FIELDS =
      Map.of(
          TableColumns.SPEAKER, List.of("speaker", "name", "participant", "speaker_name"),
          TableColumns.TEXT, List.of("text", "content", "utterance", "transcript", "words"),
          TableColumns.START, List.of("start", "start_time", "begin", "time", "timestamp"),
          TableColumns.END, List.of("end", "end_time", "stop"),
          TableColumns.ROLE, List.of("role", "speaker_role"));
  private static final Set<String> METADATA =
      Set.of("case", "date", "title", "site", "partnership");

  @Override
  public String format() {
    return "json";
  }

  @Override
  public List<String> extensions() {
    return List.of("json", "jsonl");
  }

  @Override
  public ReadResult read(SourceText source) throws InputException {
    TranscriptBuilder builder = new TranscriptBuilder(source, format());
    List<String> lines = source.lines();
    if (source.path().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          Node node = parse(lines.get(i), i + 1, builder);
          if (node != null) {
            turn(node, builder);
          }
        }
      }
      return builder.build();
    }
    Node root = parse(source.text(), 0, builder);
    if (root == null) {
      return builder.build();
    }
    ArrayNode turns = null;
    if (root instanceof ArrayNode array) {
      turns = array;
    } else if (root instanceof ObjectNode object) {
      for (Member member : object.members().values()) {
        if (member.value() instanceof ValueNode v
            && v.value() instanceof String text
            && METADATA.contains(member.key().toLowerCase(Locale.ROOT))) {
          builder.metadata(member.key(), text, member.line(), builder.lineText(member.line()));
        }
        if (turns == null
            && TURN_LISTS.contains(member.key())
            && member.value() instanceof ArrayNode array) {
          turns = array;
        }
      }
    }
    if (turns == null) {
      builder.error(
          root.line(),
          root.column(),
          "expected a list of turns, or an object holding one under "
              + TURN_LISTS.stream().map(k -> "\"" + k + "\"").toList(),
          builder.lineText(root.line()));
      return builder.build();
    }
    for (Node node : turns.items()) {
      turn(node, builder);
    }
    return builder.build();
  }

  /**
   * Parses one JSON value; {@code lineOffset} is the line it starts on for JSON Lines, 0 for a
   * whole file.
   */
  private static Node parse(String text, int lineOffset, TranscriptBuilder builder) {
    try {
      Node node = LocatedJson.parse(text);
      return lineOffset == 0 ? node : relocate(node, lineOffset);
    } catch (LocatedJson.SyntaxError e) {
      int line = lineOffset == 0 ? e.line : lineOffset;
      builder.error(line, e.column, e.getMessage(), builder.lineText(line));
      return null;
    }
  }

  /** A one-line JSON value's position moved to the file's line. */
  private static Node relocate(Node node, int line) {
    if (node instanceof ObjectNode o) {
      return new ObjectNode(o.members(), o.duplicates(), line, o.column());
    }
    if (node instanceof ArrayNode a) {
      return new ArrayNode(a.items(), line, a.column());
    }
    ValueNode v = (ValueNode) node;
    return new ValueNode(v.value(), line, v.column());
  }

  private static void turn(Node node, TranscriptBuilder builder) {
    if (!(node instanceof ObjectNode object)) {
      builder.error(
          node.line(),
          node.column(),
          "expected a turn: an object such as {\"speaker\": \"Jane\"," + " \"text\": \"...\"}",
          builder.lineText(node.line()));
      return;
    }
    String said = field(object, TableColumns.TEXT);
    if (said == null) {
      builder.warn(
          object.line(),
          object.column(),
          "this turn has no text (expected \"text\" or \"content\"),"
              + " so there is nothing to keep",
          builder.lineText(object.line()));
      return;
    }
    String speaker = field(object, TableColumns.SPEAKER);
    if (speaker == null || speaker.isBlank()) {
      builder.warn(
          object.line(),
          object.column(),
          "this turn names no speaker: its text is kept as a turn of"
              + " speaker \""
              + Turn.UNKNOWN_SPEAKER
              + "\"",
          builder.lineText(object.line()));
      speaker = Turn.UNKNOWN_SPEAKER;
    }
    String role = field(object, TableColumns.ROLE);
    if (role != null && !role.isBlank()) {
      builder.roleIfUnset(speaker.strip(), role.strip());
    }
    builder.turn(
        speaker.strip(),
        time(object, TableColumns.START, builder),
        time(object, TableColumns.END, builder),
        said,
        object.line());
  }

  private static String field(ObjectNode object, String meaning) {
    for (String key : FIELDS.get(meaning)) {
      Member member = object.members().get(key);
      if (member != null && member.value() instanceof ValueNode v && v.value() != null) {
        return v.value().toString();
      }
    }
    return null;
  }

  private static Duration time(ObjectNode object, String meaning, TranscriptBuilder builder) {
    String value = field(object, meaning);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return TableColumns.time(value);
    } catch (IllegalArgumentException e) {
      builder.warn(
          object.line(),
          object.column(),
          e.getMessage() + "; the time is left out",
          builder.lineText(object.line()));
      return null;
    }
  }
}
