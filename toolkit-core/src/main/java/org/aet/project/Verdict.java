package org.aet.project;

import java.util.List;
import java.util.Locale;

/** What a row of a review workbook says about a segment, as recorded in the project. */
public enum Verdict {
  /** Keep the suggested codes (and add any typed). */
  ACCEPT,
  /** Drop the suggestions, keeping only codes typed (none: no code applies). */
  REJECT,
  /** Use only the codes typed instead. */
  RECODE,
  /** Codes typed without choosing a decision. */
  CODE,
  /** Only a memo: the segment is not decided. */
  MEMO,
  /** The coder cleared a row decided before. */
  WITHDRAWN;

  /** The decisions a coder chooses from in a workbook's dropdown. */
  public static final List<Verdict> CHOICES = List.of(ACCEPT, REJECT, RECODE);

  /** The word stored in the project and typed in workbooks ("accept"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether it says which codes apply (not only a memo, not withdrawn). */
  public boolean isCoding() {
    return this != MEMO && this != WITHDRAWN;
  }

  /**
   * The verdict {@code label} names (any case).
   *
   * @throws IllegalArgumentException when it names none
   */
  public static Verdict of(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT));
  }
}
