package org.aet.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A delimited table (CSV as RFC 4180 describes it, or TSV), read with line numbers kept so that
 * messages can say "line 12". Fields may be quoted with double quotes, hold the delimiter, doubled
 * quotes and line breaks.
 */
public final class CsvTable {
  /** One record: the line it starts on (from 1) and its fields. */
  public record Row(int line, List<String> cells) {
    /** The field in {@code column}, stripped; "" when the row is shorter. */
    public String cell(int column) {
      return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
    }
  }

  /** A quote that is never closed, located at the quote. */
  public static final class UnclosedQuote extends Exception {
    public final int line;
    public final int column;

    UnclosedQuote(int line, int column) {
      super("a quoted field starts here and never ends: expected a closing \"");
      this.line = line;
      this.column = column;
    }
  }

  private CsvTable() {}

  /**
   * The delimiter of a CSV whose first line is {@code header}: whichever of comma, semicolon (Excel
   * in many European locales) and tab it holds most of.
   */
  public static char guessDelimiter(String header) {
    char best = ',';
    long bestCount = header.chars().filter(c -> c == ',').count();
    for (char candidate : new char[] {';', '\t'}) {
      long count = header.chars().filter(c -> c == candidate).count();
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }

  /** The rows of {@code text}; blank lines are skipped. */
  public static List<Row> parse(String text, char delimiter) throws UnclosedQuote {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    int column = 1;
    boolean quoted = false;
    int quoteLine = 0;
    int quoteColumn = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
          column++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
          if (c == '\n') {
            line++;
            column = 0;
          }
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        quoted = true;
        quoteLine = line;
        quoteColumn = column;
        cell.setLength(0);
      } else if (c == delimiter) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
        addRow(rows, rowLine, cells);
        cells = new ArrayList<>();
        line++;
        rowLine = line;
        column = 0;
      } else {
        cell.append(c);
      }
      column++;
    }
    if (quoted) {
      throw new UnclosedQuote(quoteLine, quoteColumn);
    }
    cells.add(cell.toString());
    addRow(rows, rowLine, cells);
    return rows;
  }

  private static void addRow(List<Row> rows, int line, List<String> cells) {
    boolean blank = cells.stream().allMatch(String::isBlank);
    if (!blank) {
      rows.add(new Row(line, List.copyOf(cells)));
    }
  }
}
