package org.aet.diagnostics;

/**
 * How bad a problem in an input file is: a warning is recovered from and reported; an error stops
 * the work.
 */
public enum Severity {
  WARNING,
  ERROR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
