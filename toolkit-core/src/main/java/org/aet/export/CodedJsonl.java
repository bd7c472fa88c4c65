package org.aet.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.ingest.Timestamps;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.CodingStatus;
import org.aet.model.Evidence;
import org.aet.model.Participant;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.model.Turn;

/**
 * Reads aet's coded JSON Lines ({@link JsonlExporter}) back into coded transcripts, so a report can
 * be made from them without annotating anything again. Each transcript is rebuilt from its
 * segments: their text at their character positions, one turn per segment, speakers with their
 * roles. Language annotations are not in the file, so the segments carry no tokens.
 */
public final class CodedJsonl {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CodedJsonl() {}

  /**
   * Whether {@code file} is a coded JSON Lines export: its first object has "segment_id" and
   * "code".
   */
  public static boolean isCoded(Path file) {
    if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl")
        || !Files.isRegularFile(file)) {
      return false;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          JsonNode node = MAPPER.readTree(line.replace("\uFEFF", ""));
          return node != null && node.isObject() && node.has("segment_id") && node.has("code");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** The coded transcripts in {@code file}, in file order, or every problem with its line. */
  public static List<CodedTranscript> read(Path file, Codebook codebook) throws InputException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, "cannot read: " + e.getMessage()));
    }
    Map<String, Builder> transcripts = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = MAPPER.readTree(line);
        if (node == null || !node.isObject()) {
          throw new IllegalArgumentException("expected one JSON object per line");
        }
        String codedWith = node.path("codebook").asText("");
        String name =
            codedWith.contains("@") ? codedWith.substring(0, codedWith.indexOf('@')) : codedWith;
        if (!name.isEmpty() && !name.equals(codebook.name())) {
          throw new InputException(
              Diagnostic.error(
                  file,
                  i + 1,
                  1,
                  "this file was coded against the codebook "
                      + name
                      + ", not "
                      + codebook.name()
                      + ": make the report with --codebook "
                      + name,
                  line));
        }
        String id = required(node, "transcript");
        transcripts.computeIfAbsent(id, k -> new Builder(file, k, node)).add(node, i + 1, codebook);
      } catch (IOException | IllegalArgumentException e) {
        String message =
            e instanceof IOException
                ? "not a JSON object: " + e.getMessage().lines().findFirst().orElse("")
                : e.getMessage();
        problems.add(Diagnostic.error(file, i + 1, 1, message, line));
        if (problems.size() >= 20) {
          break;
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    if (transcripts.isEmpty()) {
      throw new InputException(Diagnostic.fileError(file, "holds no coded segments"));
    }
    List<CodedTranscript> coded = new ArrayList<>();
    for (Builder builder : transcripts.values()) {
      coded.add(builder.build());
    }
    return coded;
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(
          "expected \"" + field + "\" as text, as aet code writes it in a coded .jsonl file");
    }
    return value.asText();
  }

  private static int number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt() || value.asInt() < 0) {
      throw new IllegalArgumentException("expected \"" + field + "\" as a character position");
    }
    return value.asInt();
  }

  /** One transcript's segments and codings, as they are read. */
  private static final class Builder {
    private final Path file;
    private final String id;
    private final String caseName;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, Segment> segments = new LinkedHashMap<>();
    private final Map<String, Integer> lineOf = new LinkedHashMap<>();
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final List<Coding> codings = new ArrayList<>();

    Builder(Path file, String id, JsonNode first) {
      this.file = file;
      this.id = id;
      this.caseName = first.path("case").asText("");
      first
          .path("attributes")
          .fields()
          .forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
    }

    void add(JsonNode node, int line, Codebook codebook) {
      String segmentId = required(node, "segment_id");
      Segment segment = segments.get(segmentId);
      if (segment == null) {
        String text = required(node, "text");
        Span span = new Span(number(node, "char_begin"), number(node, "char_end"));
        if (span.length() != text.length()) {
          throw new IllegalArgumentException(
              "char_begin and char_end span "
                  + span.length()
                  + " characters but the text has "
                  + text.length());
        }
        String speaker = required(node, "speaker");
        speaker = speaker.isBlank() ? Turn.UNKNOWN_SPEAKER : speaker;
        String role = node.path("role").asText("");
        Duration start;
        try {
          start =
              node.path("start").isTextual() ? Timestamps.parse(node.get("start").asText()) : null;
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("\"start\": " + e.getMessage());
        }
        segment =
            new Segment(
                segmentId, id, segments.size(), speaker, role, start, span, text, List.of());
        segments.put(segmentId, segment);
        lineOf.put(segmentId, line);
        roles.putIfAbsent(speaker, role);
      }
      JsonNode code = node.get("code");
      if (code == null || code.isNull()) {
        return;
      }
      if (!codebook.contains(code.asText())) {
        throw new IllegalArgumentException(
            "the code \""
                + code.asText()
                + "\" is not in the codebook "
                + codebook.name()
                + " (this file was coded against "
                + node.path("codebook").asText("another codebook")
                + "): make the report with that codebook");
      }
      List<Evidence> evidence = new ArrayList<>();
      for (JsonNode e : node.path("evidence")) {
        evidence.add(
            new Evidence(
                e.path("text").asText(""),
                new Span(number(e, "begin"), Math.max(number(e, "begin"), number(e, "end"))),
                e.path("rule").asText("")));
      }
      String version = node.path("codebook").asText("");
      double confidence = node.path("confidence").asDouble(1);
      if (!(confidence >= 0 && confidence <= 1)) {
        throw new IllegalArgumentException("\"confidence\" must be from 0 to 1: " + confidence);
      }
      codings.add(
          new Coding(
              segmentId,
              code.asText(),
              node.path("source").asText(""),
              confidence,
              evidence,
              status(node.path("status").asText("suggested")),
              version.contains("@") ? version.substring(version.indexOf('@') + 1) : version,
              node.path("memo").asText("")));
    }

    private static CodingStatus status(String label) {
      for (CodingStatus status : CodingStatus.values()) {
        if (status.label().equals(label)) {
          return status;
        }
      }
      throw new IllegalArgumentException(
          "\"status\" must be suggested, accepted or rejected: \"" + label + "\"");
    }

    /** The transcript: each segment's text at its position, spaces between, a turn per segment. */
    CodedTranscript build() throws InputException {
      List<Segment> ordered = new ArrayList<>(segments.values());
      ordered.sort(java.util.Comparator.comparingInt(s -> s.span().begin()));
      int length = ordered.stream().mapToInt(s -> s.span().end()).max().orElse(0);
      char[] text = new char[length];
      Arrays.fill(text, ' ');
      List<Turn> turns = new ArrayList<>();
      int end = 0;
      for (Segment s : ordered) {
        if (s.span().begin() < end) {
          throw new InputException(
              Diagnostic.error(
                  file,
                  lineOf.get(s.id()),
                  1,
                  "segment " + s.id() + " overlaps the segment before it in transcript " + id,
                  ""));
        }
        s.text().getChars(0, s.text().length(), text, s.span().begin());
        turns.add(
            new Turn(
                turns.size(),
                s.speaker(),
                s.start(),
                null,
                s.text(),
                s.span(),
                lineOf.get(s.id())));
        end = s.span().end();
      }
      List<Participant> participants = new ArrayList<>();
      roles.forEach((name, role) -> participants.add(new Participant(name, role)));
      Transcript transcript =
          new Transcript(
              id,
              Path.of(file.getFileName().toString()),
              "jsonl",
              caseName,
              attributes,
              participants,
              new String(text),
              turns);
      return new CodedTranscript(transcript, ordered, codings);
    }
  }
}
