package org.aet.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting out of range, or one that does not go with another. The library names settings by their
 * own names (a settings record's component, such as {@code threads}); a front end shows the problem
 * with the names of its own controls through {@link #message(UnaryOperator)}, so the command line
 * says {@code --threads} and a form could say "Transcripts at once".
 */
public final class SettingException extends IllegalArgumentException {
  private static final Pattern SETTING = Pattern.compile("\\{([A-Za-z]+)}");

  private final String template;

  /**
   * @param template the problem, with each setting named in braces: {@code "{threads} must be at
   *     least 1"}
   */
  public SettingException(String template) {
    super(render(template, UnaryOperator.identity()));
    if (!SETTING.matcher(template).find()) {
      throw new IllegalArgumentException("a setting problem names its setting: " + template);
    }
    this.template = template;
  }

  /** The setting the problem is about: the first one named. */
  public String setting() {
    return settings().get(0);
  }

  /** Every setting the problem names, in order. */
  public List<String> settings() {
    List<String> names = new ArrayList<>();
    Matcher m = SETTING.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The problem with each setting named as {@code naming} says (the library's name if null). */
  public String message(UnaryOperator<String> naming) {
    return render(
        template,
        name -> {
          String shown = naming.apply(name);
          return shown == null ? name : shown;
        });
  }

  private static String render(String template, UnaryOperator<String> naming) {
    return SETTING
        .matcher(template)
        .replaceAll(m -> Matcher.quoteReplacement(naming.apply(m.group(1))));
  }
}
