package org.aet.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics against values computed by hand (the working is in the comments). */
class EvaluationTest {
  private static final double EPSILON = 1e-9;

  private static LabelledSegment s(String id, String... codes) {
    return new LabelledSegment(id, "", List.of(codes));
  }

  @Test
  void perCodeMicroAndMacro() {
    List<LabelledSegment> gold =
        List.of(s("1", "t/a"), s("2", "t/a", "u/b"), s("3"), s("4", "u/b"));
    List<LabelledSegment> predicted = List.of(s("1", "t/a"), s("2", "u/b"), s("3", "t/a"), s("4"));
    Evaluation.Report report = Evaluation.evaluate(gold, predicted, Evaluation.Level.CODE);
    assertEquals(4, report.units());
    // t/a: TP s1, FN s2, FP s3, TN s4. P = R = F1 = 1/2. po = 2/4, pe = 1/2 * 1/2 + 1/2 * 1/2 =
    // 1/2: kappa 0.
    Evaluation.CodeScore a = report.codes().get(0);
    assertEquals("t/a", a.code());
    assertScores(a, 0.5, 0.5, 0.5, 0.0, 2);
    // u/b: TN s1, TP s2, TN s3, FN s4. P = 1, R = 1/2, F1 = 2/3. po = 3/4, pe = 1/2 * 1/4 + 1/2 *
    // 3/4 = 1/2:
    // kappa = (3/4 - 1/2) / (1 - 1/2) = 1/2.
    assertScores(report.codes().get(1), 1.0, 0.5, 2.0 / 3, 0.5, 2);
    // Pooled: TP 2, FP 1, FN 2, TN 3. P = 2/3, R = 1/2, F1 = 4/7. po = 5/8, pe = 4/8 * 3/8 + 4/8 *
    // 5/8 = 1/2:
    // kappa = 1/4.
    assertScores(report.micro(), 2.0 / 3, 0.5, 4.0 / 7, 0.25, 4);
    // Means of the two codes.
    assertScores(report.macro(), 0.75, 0.5, (0.5 + 2.0 / 3) / 2, 0.25, 4);
    Evaluation.Report parents = Evaluation.evaluate(gold, predicted, Evaluation.Level.PARENT);
    assertEquals(
        List.of("t", "u"), parents.codes().stream().map(Evaluation.CodeScore::code).toList());
  }

  @Test
  void confusionsAndMissingPredictions() {
    List<LabelledSegment> gold = List.of(s("1", "b"), s("2", "b"), s("3", "b", "c"), s("4", "a"));
    List<LabelledSegment> predicted = List.of(s("1", "a"), s("2", "a"), s("3", "c", "d"));
    Evaluation.Report report = Evaluation.evaluate(gold, predicted, Evaluation.Level.CODE);
    assertEquals(1, report.missingPredictions());
    assertEquals(
        List.of(new Evaluation.Confusion("b", "a", 2), new Evaluation.Confusion("b", "d", 1)),
        report.confusions());
  }

  @Test
  void cohenKappaOnATextbookTable() {
    // 50 items: both yes 20, first no and second yes 10, first yes and second no 5, both no 15.
    // po = 35/50 = 0.7; pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = 0.2 / 0.5 = 0.4.
    assertEquals(0.4, Agreement.cohenKappa(20, 10, 5, 15), EPSILON);
    assertEquals(
        1.0,
        Agreement.cohenKappa(0, 0, 0, 9),
        EPSILON,
        "always the same single answer, all agreed");
  }

  private static void assertScores(
      Evaluation.CodeScore s,
      double precision,
      double recall,
      double f1,
      double kappa,
      int support) {
    assertEquals(precision, s.precision(), EPSILON, s.code() + " precision");
    assertEquals(recall, s.recall(), EPSILON, s.code() + " recall");
    assertEquals(f1, s.f1(), EPSILON, s.code() + " F1");
    assertEquals(kappa, s.kappa(), EPSILON, s.code() + " kappa");
    assertEquals(support, s.support(), s.code() + " support");
  }

  @Test
  void undefinedScoresAreNotAveragedInAndShowAsNotApplicable() {
    // t/a: TP s1, FN s2: P = 1, R = 1/2, F1 = 2/3. x/never: FP s3, no gold: P = 0, recall
    // undefined,
    // F1 = 2*0 / (0 + 1 + 0) = 0.
    List<LabelledSegment> gold = List.of(s("1", "t/a"), s("2", "t/a"), s("3"));
    List<LabelledSegment> predicted = List.of(s("1", "t/a"), s("2"), s("3", "x/never"));
    Evaluation.Report report = Evaluation.evaluate(gold, predicted, Evaluation.Level.CODE);
    Evaluation.CodeScore never = report.codes().get(1);
    assertEquals("x/never", never.code());
    assertEquals(true, Double.isNaN(never.recall()), "nothing to find: undefined, not 0");
    assertEquals(0.0, never.precision(), EPSILON);
    assertEquals(0.5, report.macro().recall(), EPSILON, "the mean over codes where it is defined");
    java.io.StringWriter text = new java.io.StringWriter();
    EvaluationReports.print(report, new java.io.PrintWriter(text));
    assertEquals(
        true,
        text.toString().matches("(?s).*x/never\\s+0\\.000\\s+n/a\\s+0\\.000.*"),
        text.toString());
  }
}
