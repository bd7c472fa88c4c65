package org.aet.report;

/** Text made safe to place in HTML: in an element or in a quoted attribute. */
public final class Html {
  private Html() {}

  /** {@code text} with {@code & < > " '} replaced by entities. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code text} as an id attribute value: letters, digits and hyphens only. */
  static String id(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isLetterOrDigit(c) ? c : '-');
    }
    return out.toString();
  }

  /** A share from 0 to 1 as a percentage with one decimal: {@code 14.3%}. */
  static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A number with two decimals, or an en dash when there is none. */
  static String decimal(double value) {
    return Double.isNaN(value) ? "\u2013" : String.format(java.util.Locale.ROOT, "%.2f", value);
  }
}
