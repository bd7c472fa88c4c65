package org.aet.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages that name settings: a template names each setting in braces ({@code "add {overwrite} to
 * replace it"}), and each front end shows it with its own names for them. Values that come from
 * outside (a file name, a number) are {@code %s} arguments filled in after the settings, so a brace
 * in a file name is never read as a setting.
 */
final class SettingNames {
  private static final Pattern SETTING = Pattern.compile("\\{([A-Za-z]+)}");

  private SettingNames() {}

  /**
   * The message: each setting as {@code naming} names it (its own name where that gives null), then
   * the arguments in place of each {@code %s}.
   */
  static String render(String template, UnaryOperator<String> naming, Object... args) {
    String named =
        SETTING
            .matcher(template)
            .replaceAll(
                m -> {
                  String shown = naming.apply(m.group(1));
                  return Matcher.quoteReplacement(shown == null ? m.group(1) : shown);
                });
    return args.length == 0 ? named : String.format(java.util.Locale.ROOT, named, args);
  }

  /** The settings a template names, in order. */
  static List<String> names(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = SETTING.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
