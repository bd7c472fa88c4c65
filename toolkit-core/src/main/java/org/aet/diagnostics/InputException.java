package org.aet.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input file that has errors. It carries every problem found in the file, not just the first, so
 * one run tells the researcher all there is to fix.
 */
public class InputException extends AetException {
  private final List<Diagnostic> diagnostics;

  public InputException(List<Diagnostic> diagnostics) {
    super(summarise(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public InputException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String summarise(List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("an input exception needs at least one diagnostic");
    }
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    String body =
        diagnostics.stream()
            .map(Diagnostic::format)
            .collect(Collectors.joining(System.lineSeparator()));
    return errors > 1 ? body + System.lineSeparator() + errors + " errors" : body;
  }
}
