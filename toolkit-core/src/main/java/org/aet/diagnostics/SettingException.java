package org.aet.diagnostics;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A setting out of range, or one that does not go with another. The library names settings by their
 * own names (a settings record's component, such as {@code threads}); a front end shows the problem
 * with the names of its own controls through {@link #message(UnaryOperator)}, so the command line
 * says {@code --threads} and a form could say "Transcripts at once".
 */
public final class SettingException extends IllegalArgumentException {
  private final String template;
  private final Object[] args;

  /**
   * @param template the problem, with each setting named in braces and each value as {@code %s}:
   *     {@code "{floor} must be between 0 and 1: %s"}
   * @param args the values
   */
  public SettingException(String template, Object... args) {
    super(SettingNames.render(template, UnaryOperator.identity(), args));
    if (SettingNames.names(template).isEmpty()) {
      throw new IllegalArgumentException("a setting problem names its setting: " + template);
    }
    this.template = template;
    this.args = args.clone();
  }

  /** The setting the problem is about: the first one named. */
  public String setting() {
    return settings().get(0);
  }

  /** Every setting the problem names, in order. */
  public List<String> settings() {
    return SettingNames.names(template);
  }

  /** The problem with each setting named as {@code naming} says (the library's name if null). */
  public String message(UnaryOperator<String> naming) {
    return SettingNames.render(template, naming, args);
  }
}
