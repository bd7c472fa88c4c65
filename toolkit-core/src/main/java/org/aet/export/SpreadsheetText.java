package org.aet.export;

import java.util.List;

/**
 * Guards against spreadsheet formula injection: a transcript line such as {@code =HYPERLINK(...)}
 * or {@code -1+2} must show as the words that were said, never run as a formula when the file is
 * opened in Excel or LibreOffice.
 */
public final class SpreadsheetText {
  /** Longest text a spreadsheet cell holds (Excel's limit). */
  static final int MAX_CELL_CHARS = 32_767;

  private static final String TRUNCATED =
      " [... cut here: a spreadsheet cell holds at most 32,767 characters;"
          + " the .jsonl export has the full text]";

  private SpreadsheetText() {}

  /**
   * True when a spreadsheet could read {@code text} as a formula: it starts with = + - @, a tab or
   * a CR.
   */
  public static boolean looksLikeFormula(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  /**
   * {@code text} made safe for a CSV cell: prefixed with an apostrophe when it looks like a
   * formula.
   */
  public static String forCsv(String text) {
    return looksLikeFormula(text) ? "'" + text : text;
  }

  /**
   * One CSV field (RFC 4180): numbers as they are, text made formula-safe and quoted when it needs
   * to be.
   */
  public static String csvField(Object value) {
    if (value instanceof Number n) {
      return n.toString();
    }
    String text = forCsv(value == null ? "" : value.toString());
    boolean needsQuotes =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0
            || text.indexOf(';') >= 0;
    return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /** The byte-order mark aet's CSV files start with, so Excel reads their accents right. */
  public static final String CSV_BOM = "\uFEFF";

  /** One CSV record: {@link #csvField fields} joined by commas, ended by CRLF. */
  public static String csvRow(List<?> values) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      row.append(csvField(values.get(i)));
    }
    return row.append("\r\n").toString();
  }

  /**
   * A CSV cell as it was before {@link #forCsv}: without the apostrophe before formula-like text.
   */
  public static String fromCsv(String cell) {
    return cell.startsWith("'") && looksLikeFormula(cell.substring(1)) ? cell.substring(1) : cell;
  }

  /** {@code text} cut to fit one spreadsheet cell, saying so when it was cut. */
  public static String fitCell(String text) {
    if (text.length() <= MAX_CELL_CHARS) {
      return text;
    }
    return text.substring(0, MAX_CELL_CHARS - TRUNCATED.length()) + TRUNCATED;
  }
}
