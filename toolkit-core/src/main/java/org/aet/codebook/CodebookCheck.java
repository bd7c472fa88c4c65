package org.aet.codebook;

import java.util.List;
import org.aet.diagnostics.Diagnostic;

/**
 * A valid codebook and the warnings about it: what it allows but its author probably did not mean.
 *
 * @param codebook the codebook, ready to use
 * @param warnings each with its file, line and column, in file order
 */
public record CodebookCheck(Codebook codebook, List<Diagnostic> warnings) {
  public CodebookCheck {
    warnings = List.copyOf(warnings);
  }

  /**
   * Why some codes will never be suggested when coding with {@code book}: without detection rules
   * and (for the semantic layer) without examples, aet has nothing to recognise them by. Codes with
   * sub-codes are left out: they group their sub-codes and are seldom suggested themselves. Empty
   * when every other code can be suggested.
   */
  public static java.util.Optional<String> unsuggestable(Codebook book, boolean semantic) {
    List<String> silent =
        book.codes().stream()
            .filter(c -> book.codes().stream().noneMatch(child -> child.parent().equals(c.id())))
            .filter(c -> c.rules().isEmpty() && (!semantic || c.examples().isEmpty()))
            .map(c -> book.path(c.id()))
            .toList();
    if (silent.isEmpty()) {
      return java.util.Optional.empty();
    }
    String what = semantic ? "neither detection rules nor examples" : "no detection rules";
    String shown = String.join(", ", silent.subList(0, Math.min(silent.size(), 5)));
    return java.util.Optional.of(
        silent.size()
            + " of the "
            + book.codes().size()
            + " codes of "
            + book.name()
            + " cannot be suggested, as they have "
            + what
            + ": "
            + shown
            + (silent.size() > 5 ? " and " + (silent.size() - 5) + " more" : "")
            + ". Add \"rules\""
            + (semantic ? " or \"examples\"" : "")
            + " to them (docs/codebook-format.md); for review and agreement the codebook serves as"
            + " it is");
  }
}
