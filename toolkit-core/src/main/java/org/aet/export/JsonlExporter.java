package org.aet.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aet.ingest.Timestamps;
import org.aet.model.CodedTranscript;
import org.aet.model.Evidence;
import org.aet.model.Review;

/**
 * Writes one JSON object per coding per line (JSON Lines), for analysis in R or Python, and one per
 * segment that got no code, with {@code code} and the other coding fields null, so that every
 * segment is in the file (shares of segments can be computed from it, and {@code aet report} reads
 * it back). Segments come in transcript order, each with its codings. Each object has the columns
 * of the coded-segments table under their keys, with {@code code} (the code id), {@code start} as
 * {@code hh:mm:ss} or null, the segment's character span, and {@code evidence} as a list of {@code
 * {text, begin, end, rule}}, and the transcript's {@code attributes} as an object. Values are
 * exactly as in the transcript: JSON is not a spreadsheet, so no formula guard is applied. For
 * people's decisions (a project's final coding) every line also says its segment's {@code review}
 * ("coded", "no code applies" or "not reviewed"), who decided it ({@code reviewed_by}) and its
 * {@code memos} as {@code [{by, memo}]}, a memo written without a decision included.
 */
public final class JsonlExporter implements CodingExporter {
  @Override
  public List<String> extensions() {
    return List.of("jsonl");
  }

  @Override
  public ExportSession open(Path target, ExportContext context) throws IOException {
    JsonLinesOutput output = new JsonLinesOutput(target);
    // Attributes are written as one object instead of columns.
    List<CodingTable.Column<CodingTable.CodingRow>> columns =
        CodingTable.codingColumns(List.of(), context.decided());
    return new ExportSession() {
      @Override
      public void write(CodedTranscript coded) throws IOException {
        writeTranscript(output.json(), output::endLine, coded, context, columns);
      }

      @Override
      public void finish() throws IOException {
        output.commit();
      }

      @Override
      public void close() throws IOException {
        output.close();
      }
    };
  }

  /**
   * The lines {@code aet code -o x.jsonl} writes for one coded transcript, each without its line
   * break: for front ends that write the lines elsewhere (the Spark runner).
   */
  public static List<String> lines(CodedTranscript coded, ExportContext context) {
    List<CodingTable.Column<CodingTable.CodingRow>> columns =
        CodingTable.codingColumns(List.of(), context.decided());
    java.io.StringWriter text = new java.io.StringWriter();
    List<String> lines = new ArrayList<>();
    try (JsonGenerator json = JsonLinesOutput.generator(text)) {
      writeTranscript(
          json,
          () -> {
            json.flush();
            lines.add(text.toString());
            text.getBuffer().setLength(0);
          },
          coded,
          context,
          columns);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot happen: writing to memory", e);
    }
    return lines;
  }

  /** Something done after each object: ending its line. */
  private interface LineEnd {
    void end() throws IOException;
  }

  private static void writeTranscript(
      JsonGenerator json,
      LineEnd lineEnd,
      CodedTranscript coded,
      ExportContext context,
      List<CodingTable.Column<CodingTable.CodingRow>> columns)
      throws IOException {
    for (CodingTable.CodingRow row : CodingTable.everySegmentRows(coded, context.codebook())) {
      writeRow(json, row, columns);
      lineEnd.end();
    }
  }

  /** The memos on a segment as {@code [{by, memo}]}, also those written without a decision. */
  private static void writeMemos(JsonGenerator json, List<Review> reviews) throws IOException {
    json.writeArrayFieldStart("memos");
    for (Review review : reviews) {
      if (!review.memo().isBlank()) {
        json.writeStartObject();
        json.writeStringField("by", review.reviewer());
        json.writeStringField("memo", review.memo());
        json.writeEndObject();
      }
    }
    json.writeEndArray();
  }

  private static void writeRow(
      JsonGenerator json,
      CodingTable.CodingRow row,
      List<CodingTable.Column<CodingTable.CodingRow>> columns)
      throws IOException {
    boolean coded = row.coding() != null;
    json.writeStartObject();
    json.writeStringField("segment_id", row.segment().id());
    json.writeStringField("code", coded ? row.coding().codeId() : null);
    for (CodingTable.Column<CodingTable.CodingRow> column : columns) {
      switch (column.key()) {
        case "segment_id", "evidence" -> {}
        case "reviewed_by" -> {
          json.writeArrayFieldStart("reviewed_by");
          for (String reviewer : CodingTable.reviewers(row.reviews())) {
            json.writeString(reviewer);
          }
          json.writeEndArray();
        }
        case "memos" -> writeMemos(json, row.reviews());
        case "start" -> {
          String start = Timestamps.format(row.segment().start());
          json.writeStringField("start", start.isEmpty() ? null : start);
        }
        default -> json.writeObjectField(column.key(), CodingTable.value(column, row));
      }
    }
    json.writeObjectField("attributes", row.transcript().attributes());
    json.writeObjectField("indicators", row.segment().indicators().asNumbers());
    json.writeNumberField("char_begin", row.segment().span().begin());
    json.writeNumberField("char_end", row.segment().span().end());
    json.writeArrayFieldStart("evidence");
    for (Evidence evidence : coded ? row.coding().evidence() : List.<Evidence>of()) {
      json.writeStartObject();
      json.writeStringField("text", evidence.text());
      json.writeNumberField("begin", evidence.span().begin());
      json.writeNumberField("end", evidence.span().end());
      json.writeStringField("rule", evidence.rule());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
