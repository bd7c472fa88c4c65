package org.aet.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that shows control characters instead of sending them to the terminal. Speaker names,
 * file names and codebook text come from files anyone may have written; an escape sequence in one
 * could otherwise recolour, clear or retitle the researcher's terminal. Line ends, tabs and the
 * carriage return the progress line redraws itself with pass; every other control character (C0,
 * DEL, C1, and the bidirectional overrides that reorder what is shown) is written as {@code
 * \\u001B}-style text.
 */
final class TerminalText extends FilterWriter {
  TerminalText(Writer out) {
    super(out);
  }

  /** Whether {@code c} is written as it is. */
  static boolean passes(char c) {
    if (c == '\n' || c == '\t' || c == '\r') {
      return true;
    }
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      return false;
    }
    return !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069);
  }

  /** {@code text} with every control character written out as text. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (passes(c)) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }

  @Override
  public void write(int c) throws IOException {
    out.write(escape(String.valueOf((char) c)));
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    out.write(escape(new String(buffer, offset, length)));
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    out.write(escape(text.substring(offset, offset + length)));
  }
}
