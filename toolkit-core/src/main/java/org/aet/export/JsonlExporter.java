package org.aet.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.aet.ingest.Timestamps;
import org.aet.model.CodedTranscript;
import org.aet.model.Evidence;

/**
 * Writes one JSON object per coding per line (JSON Lines), for analysis in R or Python. Each object
 * has the columns of the coded-segments table under their keys, with {@code code} (the code id),
 * {@code start} as {@code hh:mm:ss} or null, the segment's character span, and {@code evidence} as
 * a list of {@code {text, begin, end, rule}}, and the transcript's {@code attributes} as an object.
 * Values are exactly as in the transcript: JSON is not a spreadsheet, so no formula guard is
 * applied.
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
        for (CodingTable.CodingRow row : CodingTable.codingRows(coded, context.codebook())) {
          writeRow(output.json(), row, columns);
          output.endLine();
        }
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

  private static void writeRow(
      JsonGenerator json,
      CodingTable.CodingRow row,
      List<CodingTable.Column<CodingTable.CodingRow>> columns)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("segment_id", row.segment().id());
    json.writeStringField("code", row.coding().codeId());
    for (CodingTable.Column<CodingTable.CodingRow> column : columns) {
      switch (column.key()) {
        case "segment_id", "evidence" -> {}
        case "start" -> {
          String start = Timestamps.format(row.segment().start());
          json.writeStringField("start", start.isEmpty() ? null : start);
        }
        default -> json.writeObjectField(column.key(), column.value().apply(row));
      }
    }
    json.writeObjectField("attributes", row.transcript().attributes());
    json.writeObjectField("indicators", row.segment().indicators().asNumbers());
    json.writeNumberField("char_begin", row.segment().span().begin());
    json.writeNumberField("char_end", row.segment().span().end());
    json.writeArrayFieldStart("evidence");
    for (Evidence evidence : row.coding().evidence()) {
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
