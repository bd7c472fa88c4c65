package org.aet.coding;

/**
 * A codebook rule that cannot be applied (a pattern that runs over its time budget or overflows the
 * stack), with a message for the codebook's author. Unchecked because coders run inside streams and
 * thread pools; the coding run (pipeline) turns it into an {@link
 * org.aet.diagnostics.AetException}.
 */
public final class RuleFailure extends RuntimeException {
  public RuleFailure(String message) {
    super(message);
  }
}
