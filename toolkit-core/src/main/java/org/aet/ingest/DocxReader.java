package org.aet.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.io.CsvTable;
import org.aet.io.ZipGuard;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads Word (.docx) transcripts with Apache POI: paragraphs of {@code Name: text} (with or without
 * times, read as the plain-text reader reads lines), and transcripts laid out as a table with
 * speaker, time and text columns, as transcription services and Teams, Otter or Zoom exports
 * produce. A table's columns are found from its header row, or, without one, from its content (the
 * longest column is the text, the one holding times is the time, the other the speaker).
 *
 * <p>Lines in messages are counted in paragraphs, a table row counting as one. The file is checked
 * by {@link ZipGuard} before POI parses it.
 */
public final class DocxReader implements TranscriptReader {
  @Override
  public String format() {
    return "docx";
  }

  @Override
  public List<String> extensions() {
    return List.of("docx");
  }

  @Override
  public boolean binary() {
    return true;
  }

  /** A run of document lines: paragraphs, or the rows of one table. */
  private record Part(int from, int to, XWPFTable table) {}

  @Override
  public ReadResult read(SourceText source) throws InputException {
    try {
      ZipGuard.check(source.bytes());
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(source.path(), e.getMessage()));
    }
    List<String> lines = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(source.bytes()))) {
      int paragraphsFrom = 0;
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          for (String line : paragraph.getText().split("\\R", -1)) {
            lines.add(line);
          }
        } else if (element instanceof XWPFTable table) {
          parts.add(new Part(paragraphsFrom, lines.size(), null));
          int from = lines.size();
          for (XWPFTableRow row : table.getRows()) {
            lines.add(
                String.join(
                    " | ", row.getTableCells().stream().map(c -> c.getText().strip()).toList()));
          }
          parts.add(new Part(from, lines.size(), table));
          paragraphsFrom = lines.size();
        }
      }
      parts.add(new Part(paragraphsFrom, lines.size(), null));
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          Diagnostic.fileError(
              source.path(),
              "cannot read this Word file: it may be damaged,"
                  + " password-protected, or an older .doc saved with a .docx name ("
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                  + ")"));
    }
    SourceText text =
        new SourceText(
            source.path(),
            source.id(),
            source.defaultCase(),
            String.join("\n", lines),
            "Word document");
    TranscriptBuilder builder = new TranscriptBuilder(text, format());
    SpeakerLabel.Vocabulary labels = SpeakerLabel.Vocabulary.of(lines);
    for (Part part : parts) {
      if (part.table() == null) {
        PlainTextReader.readLines(lines, part.from(), part.to(), labels, builder);
      } else {
        readTable(part, builder);
      }
    }
    return builder.build();
  }

  private static void readTable(Part part, TranscriptBuilder builder) {
    List<CsvTable.Row> rows = new ArrayList<>();
    List<XWPFTableRow> tableRows = part.table().getRows();
    for (int r = 0; r < tableRows.size(); r++) {
      List<String> cells =
          tableRows.get(r).getTableCells().stream().map(c -> c.getText().strip()).toList();
      rows.add(new CsvTable.Row(part.from() + r + 1, cells));
    }
    if (rows.isEmpty()) {
      return;
    }
    CsvTable.Row head = rows.get(0);
    boolean hasHeader =
        head.cells().stream().anyMatch(c -> TableColumns.SPEAKER.equals(TableColumns.meaning(c)))
            && head.cells().stream()
                .anyMatch(c -> TableColumns.TEXT.equals(TableColumns.meaning(c)));
    if (hasHeader) {
      DelimitedReader.readRows(head, rows.subList(1, rows.size()), builder);
    } else {
      DelimitedReader.readRows(guessHeader(rows), rows, builder);
    }
  }

  /**
   * A header for a table without one: the text is the longest column, times the timed one, speaker
   * the rest.
   */
  private static CsvTable.Row guessHeader(List<CsvTable.Row> rows) {
    int columns = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
    double[] length = new double[columns];
    int[] timed = new int[columns];
    for (CsvTable.Row row : rows) {
      for (int c = 0; c < row.cells().size(); c++) {
        String cell = row.cell(c);
        length[c] += cell.length();
        if (cell.matches("[\\[(]?" + Timestamps.REGEX + "[\\])]?")) {
          timed[c]++;
        }
      }
    }
    int text = 0;
    for (int c = 1; c < columns; c++) {
      if (length[c] > length[text]) {
        text = c;
      }
    }
    int time = -1;
    for (int c = 0; c < columns; c++) {
      if (c != text && timed[c] * 2 > rows.size() && (time < 0 || timed[c] > timed[time])) {
        time = c;
      }
    }
    List<String> header = new ArrayList<>();
    boolean speakerGiven = false;
    for (int c = 0; c < columns; c++) {
      if (c == text) {
        header.add(TableColumns.TEXT);
      } else if (c == time) {
        header.add(TableColumns.START);
      } else if (!speakerGiven) {
        header.add(TableColumns.SPEAKER);
        speakerGiven = true;
      } else {
        header.add("");
      }
    }
    return new CsvTable.Row(rows.get(0).line(), header);
  }
}
