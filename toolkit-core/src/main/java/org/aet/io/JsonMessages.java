package org.aet.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON parser's complaints in the words of someone editing a codebook or a manifest by hand:
 * what is wrong at this place and what to type instead, without the parser's internals (its source
 * descriptions, feature names and character codes).
 */
final class JsonMessages {
  private static final Pattern UNCLOSED =
      Pattern.compile(
          "expected close marker for (Object|Array) \\(start marker at .*?line: (\\d+), column:"
              + " (\\d+)\\]\\)");
  private static final Pattern MISMATCHED =
      Pattern.compile(
          "Unexpected close marker '(.)': expected '(.)' \\(for (?:Object|Array) starting at .*?line:"
              + " (\\d+), column: (\\d+)");
  private static final Pattern CHARACTER =
      Pattern.compile("Unexpected character \\('(.)' \\(code \\d+\\)\\)");
  private static final Pattern TOKEN = Pattern.compile("Unrecognized token '([^']*)'");

  private JsonMessages() {}

  /** {@code original} (Jackson's message) said plainly. */
  static String plain(String original) {
    String message = original == null ? "" : original;
    Matcher unclosed = UNCLOSED.matcher(message);
    if (unclosed.find()) {
      boolean object = unclosed.group(1).equals("Object");
      return "the file ends before the "
          + (object ? "{ opened" : "[ opened")
          + " at line "
          + unclosed.group(2)
          + ", column "
          + unclosed.group(3)
          + " is closed: add the missing "
          + (object ? "}" : "]")
          + " (or remove an extra { or [ inside it)";
    }
    Matcher mismatched = MISMATCHED.matcher(message);
    if (mismatched.find()) {
      return "this "
          + mismatched.group(1)
          + " comes before the "
          + (mismatched.group(2).equals("}") ? "{" : "[")
          + " opened at line "
          + mismatched.group(3)
          + ", column "
          + mismatched.group(4)
          + " is closed: add the missing "
          + mismatched.group(2)
          + " before it";
    }
    if (message.contains("ALLOW_COMMENTS") || message.contains("maybe a (non-standard) comment")) {
      return "comments (// or /* */) are not allowed in JSON; put notes in a \"description\" instead";
    }
    if (message.contains("ALLOW_NON_NUMERIC_NUMBERS") || message.contains("Non-standard token")) {
      return "NaN and Infinity are not numbers JSON accepts; write a number such as 0.5";
    }
    Matcher character = CHARACTER.matcher(message);
    if (character.find()) {
      String c = character.group(1);
      if ((c.equals("}") || c.equals("]"))
          && (message.contains("field name") || message.contains("expected a value"))) {
        return "a comma before this "
            + c
            + ": JSON allows no comma after the last entry; remove it";
      }
      if (c.equals("'")) {
        return "use double quotes (\") around names and text, not single quotes (')";
      }
      if (message.contains("double-quote to start field name")) {
        return "a name must be in double quotes, such as \"name\": (found " + c + ")";
      }
      if (message.contains("comma to separate")) {
        return "a comma is missing before this (between two "
            + (message.contains("Array") ? "items of a list" : "entries")
            + ")";
      }
      if (message.contains("colon to separate")) {
        return "a colon (:) is missing between a name and its value";
      }
      return "unexpected " + c + " here";
    }
    Matcher token = TOKEN.matcher(message);
    if (token.find()) {
      return token.group(1)
          + " is not a JSON value: put text in double quotes (\""
          + token.group(1)
          + "\"); true, false and null are written in lower case";
    }
    if (message.contains("end-of-input") && message.contains("String")) {
      return "the file ends inside a text: a closing double quote (\") is missing";
    }
    if (message.contains("Illegal unquoted character")) {
      return "a text contains a line break or control character: write a line break as \\n";
    }
    return message.replaceAll("\\s*\\[Source: [^\\]]*\\]", "").strip();
  }
}
