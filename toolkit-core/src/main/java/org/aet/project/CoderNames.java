package org.aet.project;

import java.util.List;
import java.util.Locale;
import org.aet.diagnostics.AetException;

/**
 * The rules for a coder's name. A name says whose decisions are whose for as long as the project
 * lives, so it must be a real name (not empty, not one of the names aet itself uses, one line
 * without markup), and "Alice" and "alice" are one coder: the spelling first used is kept. The same
 * rules for a workbook, the command line and the browser workspace.
 */
final class CoderNames {
  static final int MAX_LENGTH = 64;

  /** Names that stand for something else in agreement reports and exports. */
  static final List<String> RESERVED =
      List.of(ProjectAgreement.MACHINE, ProjectAgreement.CONSENSUS);

  private CoderNames() {}

  /**
   * The name to record {@code name} under: as given, or as the project first spelt it.
   *
   * @throws AetException saying what is wrong with the name
   */
  static String check(ProjectStore store, String name) throws AetException {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty()) {
      throw AetException.naming("a coder needs a name: {coder} NAME (for example {coder} alice)");
    }
    if (RESERVED.contains(stripped.toLowerCase(Locale.ROOT))) {
      throw new AetException(
          "\""
              + stripped
              + "\" cannot be a coder's name: aet uses \"machine\" for the suggestions and"
              + " \"consensus\" for the team's agreed codes (use \"aet review resolve\" for those)");
    }
    if (stripped.length() > MAX_LENGTH
        || stripped.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '\u2028')
        || stripped.contains("<")
        || stripped.contains(">")) {
      throw new AetException(
          "a coder's name is one line of at most "
              + MAX_LENGTH
              + " characters, without < or >: \""
              + stripped
              + "\"");
    }
    for (String known : store.coders()) {
      if (known.equalsIgnoreCase(stripped)) {
        return known;
      }
    }
    return stripped;
  }
}
