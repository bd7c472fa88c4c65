package org.aet.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.nlp.Annotator;

/**
 * Whether a codebook's detection rules find each code's own examples and leave its counter-examples
 * alone: the quickest way for someone adapting a codebook to see what a change to the rules did.
 */
public final class ExampleCheck {
  private ExampleCheck() {}

  /**
   * One code's result. Codes without detection rules are listed with {@code hasRules} false and
   * nothing checked: aet finds them, if at all, through the semantic layer.
   *
   * @param path the code's path, such as {@code power/reciprocity}
   * @param missed examples the rules do not find
   * @param wronglyFound counter-examples the rules do find, each with the evidence that fired
   */
  public record CodeResult(
      String path,
      boolean hasRules,
      int examples,
      List<String> missed,
      int counterExamples,
      List<Found> wronglyFound) {
    public CodeResult {
      missed = List.copyOf(missed);
      wronglyFound = List.copyOf(wronglyFound);
    }

    public boolean passes() {
      return missed.isEmpty() && wronglyFound.isEmpty();
    }
  }

  /** A counter-example found, and the rule evidence that found it. */
  public record Found(String text, String evidence) {}

  /** Checks every code of {@code book}, in the codebook's order. */
  public static List<CodeResult> run(Codebook book, Annotator annotator) {
    Set<String> texts = new LinkedHashSet<>();
    for (Code code : book.codes()) {
      texts.addAll(code.examples());
      texts.addAll(code.counterExamples());
    }
    List<String> all = new ArrayList<>(texts);
    List<Segment> segments = Calibrations.standalone(all, annotator, null);
    RuleCoder coder = new RuleCoder(book);
    Map<String, List<Coding>> codingsOf = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      codingsOf.put(all.get(i), coder.code(segments.get(i)));
    }
    List<CodeResult> results = new ArrayList<>();
    for (Code code : book.codes()) {
      String path = book.path(code.id());
      if (code.rules().isEmpty()) {
        results.add(
            new CodeResult(
                path,
                false,
                code.examples().size(),
                List.of(),
                code.counterExamples().size(),
                List.of()));
        continue;
      }
      List<String> missed = new ArrayList<>();
      for (String example : code.examples()) {
        if (codingOf(codingsOf.get(example), code.id()) == null) {
          missed.add(example);
        }
      }
      List<Found> wronglyFound = new ArrayList<>();
      for (String counter : code.counterExamples()) {
        Coding coding = codingOf(codingsOf.get(counter), code.id());
        if (coding != null) {
          wronglyFound.add(
              new Found(
                  counter,
                  String.join("; ", coding.evidence().stream().map(e -> e.describe()).toList())));
        }
      }
      results.add(
          new CodeResult(
              path,
              true,
              code.examples().size(),
              missed,
              code.counterExamples().size(),
              wronglyFound));
    }
    return results;
  }

  private static Coding codingOf(List<Coding> codings, String codeId) {
    return codings.stream().filter(c -> c.codeId().equals(codeId)).findFirst().orElse(null);
  }
}
