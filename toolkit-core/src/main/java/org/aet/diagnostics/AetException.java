package org.aet.diagnostics;

import java.util.function.UnaryOperator;

/**
 * Work that cannot be done because of its input: a bad file, an unknown codebook, an output that
 * cannot be written. Its message is meant for the researcher, not a developer, and names what to
 * fix. Where the fix is a setting, {@link #naming} names it by the library's name, and a front end
 * shows it as its own control through {@link #message(UnaryOperator)}.
 */
public class AetException extends Exception {
  private final String template;
  private final Object[] args;

  public AetException(String message) {
    super(message);
    this.template = null;
    this.args = new Object[0];
  }

  public AetException(String message, Throwable cause) {
    super(message, cause);
    this.template = null;
    this.args = new Object[0];
  }

  private AetException(String template, Object[] args) {
    super(SettingNames.render(template, UnaryOperator.identity(), args));
    this.template = template;
    this.args = args.clone();
  }

  /**
   * A problem whose message names settings in braces and values as {@code %s}: {@code naming("%s
   * already exists; add {overwrite} to replace it", path)}.
   */
  public static AetException naming(String template, Object... args) {
    return new AetException(template, args);
  }

  /**
   * The message with every setting it names shown as {@code naming} says (the library's own name
   * where that gives null); the plain message when it names none.
   */
  public String message(UnaryOperator<String> naming) {
    return template == null ? getMessage() : SettingNames.render(template, naming, args);
  }
}
