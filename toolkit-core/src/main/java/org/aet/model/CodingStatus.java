package org.aet.model;

/**
 * Where a coding stands in review. Anything a machine proposes starts as {@link #SUGGESTED}; only a
 * person makes it {@link #ACCEPTED} or {@link #REJECTED}.
 */
public enum CodingStatus {
  SUGGESTED,
  ACCEPTED,
  REJECTED;

  /** The lower-case word used in exports. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
