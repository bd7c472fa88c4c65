package org.aet.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.CodingTable;
import org.aet.export.ExportSession;
import org.aet.export.SpreadsheetText;
import org.aet.io.AtomicOutput;
import org.aet.io.CsvTable;
import org.aet.model.CodedTranscript;
import org.aet.model.Segment;

/**
 * Reads and writes the labelled-segments format: JSON Lines with one {@code {"segment_id", "text",
 * "codes": [...]}} per segment, or CSV with columns {@code segment_id,text,codes} and codes
 * separated by {@code ;}. Reading also accepts aet's coded-segment exports (.jsonl or .csv with
 * {@code segment_id} and {@code code_path}), grouping their codings by segment, so a machine's
 * output can be scored directly.
 */
public final class LabelledSegments {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How a final export marks a segment nobody decided: read as not listed. */
  private static final String NOT_REVIEWED = CodingTable.ReviewStatus.NOT_REVIEWED.label();

  private LabelledSegments() {}

  /** The segments in {@code file}, in file order, or every problem with its line. */
  public static List<LabelledSegment> read(Path file) throws InputException {
    return readFile(file).segments();
  }

  /**
   * A labelled file's segments, and the ids listed on more than one row with a list of codes (rows
   * of a coded export, one per coding, are expected to repeat and are not counted).
   */
  public record Read(List<LabelledSegment> segments, List<String> repeatedIds) {}

  /** The segments in {@code file} and its repeated ids, or every problem with its line. */
  public static Read readFile(Path file) throws InputException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, "cannot read: " + e.getMessage()));
    }
    if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
      lines.set(0, lines.get(0).substring(1));
    }
    boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    Map<String, Builder> segments =
        csv ? readCsv(file, String.join("\n", lines)) : readJsonl(file, lines);
    return new Read(
        segments.values().stream().map(Builder::build).toList(),
        segments.values().stream().filter(b -> b.listRows > 1).map(b -> b.id).toList());
  }

  private static Map<String, Builder> readJsonl(Path file, List<String> lines)
      throws InputException {
    Map<String, Builder> segments = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(line);
      } catch (IOException e) {
        problems.add(
            Diagnostic.error(
                file,
                i + 1,
                1,
                "not a JSON object: " + e.getMessage().lines().findFirst().orElse(""),
                line));
        continue;
      }
      if (node == null || !node.isObject() || !node.hasNonNull("segment_id")) {
        problems.add(
            Diagnostic.error(
                file,
                i + 1,
                1,
                "expected {\"segment_id\": ..., \"text\": ..., \"codes\":"
                    + " [...]} or a coded export line with \"segment_id\" and \"code_path\"",
                line));
        continue;
      }
      if (NOT_REVIEWED.equals(node.path("review").asText(""))) {
        continue; // a final export's segment nobody decided: not listed, so not coded
      }
      Builder segment =
          segments.computeIfAbsent(
              node.get("segment_id").asText(), id -> new Builder(id, node.path("text").asText("")));
      if (node.has("codes")) {
        if (!node.get("codes").isArray()) {
          problems.add(
              Diagnostic.error(
                  file,
                  i + 1,
                  1,
                  "\"codes\" must be a list such as [\"power/reciprocity\"]",
                  line));
          continue;
        }
        node.get("codes").forEach(c -> segment.codes.add(c.asText()));
        segment.listRows++;
      } else if (node.has("code_path")) {
        if (!node.get("code_path").isNull()) { // null: a segment that got no code
          segment.codes.add(node.get("code_path").asText());
        }
      } else {
        problems.add(
            Diagnostic.error(
                file, i + 1, 1, "this line has neither \"codes\" nor \"code_path\"", line));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return segments;
  }

  private static Map<String, Builder> readCsv(Path file, String text) throws InputException {
    List<CsvTable.Row> rows;
    try {
      rows = CsvTable.parse(text, CsvTable.guessDelimiter(text.lines().findFirst().orElse("")));
    } catch (CsvTable.UnclosedQuote e) {
      throw new InputException(Diagnostic.error(file, e.line, e.column, e.getMessage(), ""));
    }
    if (rows.isEmpty()) {
      throw new InputException(Diagnostic.fileError(file, "the file is empty"));
    }
    List<String> header =
        rows.get(0).cells().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int id = header.indexOf("segment_id");
    int codes = header.indexOf("codes");
    int codePath = header.indexOf("code_path");
    int textColumn = header.indexOf("text");
    int review = header.indexOf("review");
    if (id < 0 || (codes < 0 && codePath < 0)) {
      throw new InputException(
          Diagnostic.error(
              file,
              1,
              1,
              "expected a header with \"segment_id\" and \"codes\""
                  + " (codes separated by ;), or a coded export with \"segment_id\" and \"code_path\"",
              ""));
    }
    Map<String, Builder> segments = new LinkedHashMap<>();
    for (CsvTable.Row row : rows.subList(1, rows.size())) {
      String segmentId = cell(row, id);
      if (segmentId.isEmpty() || (review >= 0 && NOT_REVIEWED.equals(cell(row, review)))) {
        continue;
      }
      Builder segment =
          segments.computeIfAbsent(segmentId, s -> new Builder(s, cell(row, textColumn)));
      String value = codes >= 0 ? cell(row, codes) : cell(row, codePath);
      if (codes >= 0) {
        segment.listRows++;
      }
      for (String code : value.split(";")) {
        if (!code.isBlank()) {
          segment.codes.add(code.strip());
        }
      }
    }
    return segments;
  }

  private static String cell(CsvTable.Row row, int column) {
    return SpreadsheetText.fromCsv(row.cell(column));
  }

  /** Writes {@code segments} as JSON Lines or (for a .csv name) CSV, whole or not at all. */
  public static void write(Path target, List<LabelledSegment> segments) throws IOException {
    boolean csv = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    try (AtomicOutput output = new AtomicOutput(target)) {
      try (BufferedWriter out =
          Files.newBufferedWriter(output.temporary(), StandardCharsets.UTF_8)) {
        if (csv) {
          out.write(
              SpreadsheetText.CSV_BOM
                  + SpreadsheetText.csvRow(List.of("segment_id", "text", "codes")));
        }
        for (LabelledSegment segment : segments) {
          if (csv) {
            out.write(
                SpreadsheetText.csvRow(
                    List.of(
                        segment.segmentId(), segment.text(), String.join(";", segment.codes()))));
          } else {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("segment_id", segment.segmentId());
            line.put("text", segment.text());
            line.put("codes", segment.codes());
            out.write(MAPPER.writeValueAsString(line));
            out.write('\n');
          }
        }
      }
      output.commit();
    }
  }

  /**
   * An export that writes every segment with the code paths suggested for it: the machine's coding
   * in the labelled-segments format, ready for {@code aet evaluate} or {@code aet agree}.
   */
  public static ExportSession session(Path target, Codebook codebook) {
    List<LabelledSegment> segments = new ArrayList<>();
    return new ExportSession() {
      @Override
      public void write(CodedTranscript coded) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        coded
            .codings()
            .forEach(
                c ->
                    codes
                        .computeIfAbsent(c.segmentId(), k -> new ArrayList<>())
                        .add(codebook.path(c.codeId())));
        for (Segment segment : coded.segments()) {
          segments.add(
              new LabelledSegment(
                  segment.id(), segment.text(), codes.getOrDefault(segment.id(), List.of())));
        }
      }

      @Override
      public void finish() throws IOException {
        LabelledSegments.write(target, segments);
      }

      @Override
      public void close() {}
    };
  }

  private static final class Builder {
    final String id;
    final String text;
    final List<String> codes = new ArrayList<>();
    int listRows;

    Builder(String id, String text) {
      this.id = id;
      this.text = text;
    }

    LabelledSegment build() {
      return new LabelledSegment(id, text, codes);
    }
  }
}
