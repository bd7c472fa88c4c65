package org.aet.codebook;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;

/**
 * Codebooks whose {@code extends} lead back to one of themselves. Raised where the chain closes and
 * passed up unchanged, so the researcher reads the loop once, as its chain of files.
 */
final class ExtendsLoop extends InputException {
  private final List<Path> chain;

  private ExtendsLoop(List<Path> chain, Diagnostic where) {
    super(where);
    this.chain = List.copyOf(chain);
  }

  /** The loop as found, before it is placed at the {@code extends} that closes it. */
  static ExtendsLoop of(List<Path> chain) {
    return new ExtendsLoop(chain, Diagnostic.fileError(chain.get(0), describe(chain)));
  }

  /** This loop, reported at the line of the {@code extends} that closes it. */
  ExtendsLoop at(Path file, int line, int column, String lineText) {
    return new ExtendsLoop(chain, Diagnostic.error(file, line, column, describe(chain), lineText));
  }

  /** Whether the loop has been placed at its {@code extends} line yet. */
  boolean isPlaced() {
    return diagnostics().get(0).line() > 0;
  }

  private static String describe(List<Path> chain) {
    if (chain.size() == 2) {
      return "a codebook cannot extend itself: remove this \"extends\"";
    }
    String names =
        chain.stream()
            .map(p -> p.getFileName().toString())
            .collect(Collectors.joining(" extends "));
    return "these codebooks extend each other in a loop: "
        + names
        + "; one of them must stop extending the next";
  }
}
