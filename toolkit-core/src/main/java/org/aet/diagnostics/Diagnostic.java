package org.aet.diagnostics;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A problem found in an input file, located so that a person can find and fix it.
 *
 * @param file the file
 * @param line the line, from 1 (0 when the problem concerns the whole file)
 * @param column the column, from 1 (0 when it concerns the whole line)
 * @param severity warning or error
 * @param message what is wrong and what was expected, in plain words
 * @param lineText the offending line as written, or "" when there is none to show
 */
public record Diagnostic(
    Path file, int line, int column, Severity severity, String message, String lineText) {

  private static final int MAX_SHOWN_LINE = 200;

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    lineText = lineText == null ? "" : lineText;
  }

  public static Diagnostic error(Path file, int line, int column, String message, String lineText) {
    return new Diagnostic(file, line, column, Severity.ERROR, message, lineText);
  }

  public static Diagnostic warning(
      Path file, int line, int column, String message, String lineText) {
    return new Diagnostic(file, line, column, Severity.WARNING, message, lineText);
  }

  /** A problem with the file as a whole. */
  public static Diagnostic fileError(Path file, String message) {
    return error(file, 0, 0, message, "");
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The compiler-style form {@code file:line:col: error: message}, followed by the offending line
   * and a caret under the column when there is a line to show.
   */
  public String format() {
    StringBuilder out = new StringBuilder().append(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    out.append(": ").append(severity.label()).append(": ").append(message);
    if (!lineText.isEmpty()) {
      String shown =
          lineText.length() > MAX_SHOWN_LINE
              ? lineText.substring(0, MAX_SHOWN_LINE) + "..."
              : lineText;
      out.append(System.lineSeparator()).append("    ").append(shown.replace('\t', ' '));
      if (column > 0 && column <= shown.length() + 1) {
        out.append(System.lineSeparator())
            .append("    ")
            .append(" ".repeat(column - 1))
            .append('^');
      }
    }
    return out.toString();
  }
}
