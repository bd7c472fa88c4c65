package org.aet.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.InputException;
import org.aet.io.CsvTable;
import org.aet.model.Turn;

/**
 * Reads transcripts kept as tables: CSV (comma or semicolon) and TSV with a header row naming at
 * least a speaker and a text column, optionally start, end and role (see {@link TableColumns} for
 * the names understood). Each row is one turn.
 */
public final class DelimitedReader implements TranscriptReader {
  @Override
  public String format() {
    return "csv";
  }

  @Override
  public List<String> extensions() {
    return List.of("csv", "tsv");
  }

  @Override
  public ReadResult read(SourceText source) throws InputException {
    TranscriptBuilder builder = new TranscriptBuilder(source, format());
    String text = source.text();
    String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    char delimiter =
        source.path().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv")
            ? '\t'
            : CsvTable.guessDelimiter(header);
    List<CsvTable.Row> rows;
    try {
      rows = CsvTable.parse(text, delimiter);
    } catch (CsvTable.UnclosedQuote e) {
      builder.error(e.line, e.column, e.getMessage(), builder.lineText(e.line));
      return builder.build();
    }
    if (rows.isEmpty()) {
      return builder.build();
    }
    CsvTable.Row head = rows.get(0);
    readRows(head, rows.subList(1, rows.size()), builder);
    return builder.build();
  }

  /**
   * Reads table rows under {@code head}, a header naming the columns; shared with the Word table
   * reader.
   */
  static void readRows(CsvTable.Row head, List<CsvTable.Row> rows, TranscriptBuilder builder) {
    Map<String, Integer> columns = new HashMap<>();
    for (int c = 0; c < head.cells().size(); c++) {
      String meaning = TableColumns.meaning(head.cells().get(c));
      if (meaning != null) {
        columns.putIfAbsent(meaning, c);
      }
    }
    if (!columns.containsKey(TableColumns.SPEAKER) || !columns.containsKey(TableColumns.TEXT)) {
      builder.error(
          head.line(),
          1,
          "expected a header row naming at least a speaker and a text column, such as"
              + " \"speaker,text,start,end,role\"; found "
              + head.cells(),
          builder.lineText(head.line()));
      return;
    }
    for (CsvTable.Row row : rows) {
      String said = row.cell(columns.get(TableColumns.TEXT));
      if (said.isEmpty()) {
        continue;
      }
      String speaker = row.cell(columns.get(TableColumns.SPEAKER));
      if (speaker.isEmpty()) {
        builder.warn(
            row.line(),
            1,
            "no speaker in this row: its text is kept as a turn of speaker \""
                + Turn.UNKNOWN_SPEAKER
                + "\"",
            builder.lineText(row.line()));
        speaker = Turn.UNKNOWN_SPEAKER;
      }
      String role = row.cell(columns.getOrDefault(TableColumns.ROLE, -1));
      if (!role.isEmpty()) {
        builder.roleIfUnset(speaker, role);
      }
      Duration start = time(row, columns.getOrDefault(TableColumns.START, -1), builder);
      Duration end = time(row, columns.getOrDefault(TableColumns.END, -1), builder);
      builder.turn(speaker, start, end, said, row.line());
    }
  }

  private static Duration time(CsvTable.Row row, int column, TranscriptBuilder builder) {
    String value = row.cell(column);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return TableColumns.time(value);
    } catch (IllegalArgumentException e) {
      String line = builder.lineText(row.line());
      builder.warn(
          row.line(),
          Math.max(1, line.indexOf(value) + 1),
          e.getMessage() + "; the time is left out",
          line);
      return null;
    }
  }
}
