package org.aet.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.io.AtomicOutput;
import org.aet.model.CodedTranscript;

/**
 * Writes the coded-segments table as CSV (RFC 4180): UTF-8 with a byte order mark and CRLF line
 * ends, so Excel and LibreOffice open it with the right characters. Text that a spreadsheet would
 * take for a formula gets a leading apostrophe. People's decisions (a project's final coding) have
 * a row for every segment: a segment without codes has one row with the code columns empty, and
 * every row says the segment's review, who decided it and its memos.
 */
public final class CsvExporter implements CodingExporter {
  @Override
  public List<String> extensions() {
    return List.of("csv");
  }

  @Override
  public ExportSession open(Path target, ExportContext context) throws IOException {
    AtomicOutput output = new AtomicOutput(target);
    BufferedWriter writer = Files.newBufferedWriter(output.temporary(), StandardCharsets.UTF_8);
    writer.write(SpreadsheetText.CSV_BOM);
    List<CodingTable.Column<CodingTable.CodingRow>> columns =
        CodingTable.codingColumns(context.attributes(), context.decided());
    writer.write(SpreadsheetText.csvRow(columns.stream().map(CodingTable.Column::key).toList()));
    return new ExportSession() {
      @Override
      public void write(CodedTranscript coded) throws IOException {
        List<CodingTable.CodingRow> rows =
            context.decided()
                ? CodingTable.everySegmentRows(coded, context.codebook())
                : CodingTable.codingRows(coded, context.codebook());
        for (CodingTable.CodingRow row : rows) {
          writer.write(
              SpreadsheetText.csvRow(
                  columns.stream().map(c -> CodingTable.value(c, row)).toList()));
        }
      }

      @Override
      public void finish() throws IOException {
        writer.close();
        output.commit();
      }

      @Override
      public void close() throws IOException {
        try {
          writer.close();
        } finally {
          output.close();
        }
      }
    };
  }
}
