package org.aet.diagnostics;

/**
 * Work that cannot be done because of its input: a bad file, an unknown codebook, an output that
 * cannot be written. Its message is meant for the researcher, not a developer, and names what to
 * fix.
 */
public class AetException extends Exception {
  public AetException(String message) {
    super(message);
  }

  public AetException(String message, Throwable cause) {
    super(message, cause);
  }
}
