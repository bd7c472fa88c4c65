package org.aet.export;

import java.util.List;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.DetectionRules;

/** The columns a codebook is shown in, in every workbook that carries one. */
public final class CodebookTable {
  private CodebookTable() {}

  public static List<CodingTable.Column<Code>> columns(Codebook codebook) {
    return List.of(
        new CodingTable.Column<>("path", "Code path", 30, false, c -> codebook.path(c.id())),
        new CodingTable.Column<>(
            "name", "Code", 30, false, c -> "  ".repeat(codebook.depth(c.id())) + c.name()),
        new CodingTable.Column<>("definition", "Definition", 60, true, Code::definition),
        new CodingTable.Column<>("use_when", "Use when", 45, true, Code::useWhen),
        new CodingTable.Column<>(
            "do_not_use_when", "Do not use when", 45, true, Code::doNotUseWhen),
        new CodingTable.Column<>(
            "examples", "Examples", 60, true, c -> String.join("\n\n", c.examples())),
        new CodingTable.Column<>(
            "counter_examples",
            "Counter-examples",
            45,
            true,
            c -> String.join("\n\n", c.counterExamples())),
        new CodingTable.Column<>("rules", "Detection rules", 45, true, c -> describe(c.rules())));
  }

  /** Rules as people read them: one line per kind, "words: ...", "phrases: ...". */
  public static String describe(DetectionRules rules) {
    StringBuilder out = new StringBuilder();
    line(out, "words", rules.lemmas());
    line(out, "phrases", rules.phrases());
    line(out, "patterns", rules.patterns());
    line(out, "not when", rules.exclude());
    line(out, "only for", rules.roles());
    line(
        out,
        "indicators",
        rules.indicators().stream().map(DetectionRules.IndicatorCondition::describe).toList());
    return out.toString();
  }

  private static void line(StringBuilder out, String label, List<String> values) {
    if (!values.isEmpty()) {
      out.append(out.length() > 0 ? "\n" : "")
          .append(label)
          .append(": ")
          .append(String.join(", ", values));
    }
  }
}
