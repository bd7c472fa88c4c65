package org.aet.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.LabelledSegment;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.WindowEmbedding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-process leave-one-transcript-out trial on a labelled set where a transcript's topic words
 * give its codes away (as in {@link TranscriptFoldsTest}): every turn of the hearings about ferries
 * and libraries carries structural issues, no turn of the six others does. A trial that let the
 * held-out hearing into training would learn "ferry" and find the code; held out honestly, the
 * hearing's topic words were never seen, and the code is not found.
 */
class LeaveOneTranscriptOutTest {
  private static final String CODE = "motivation-structure/structural-issues";
  private static final String[] TOPICS = {
    "The ferry left the harbour",
    "The library lent its books",
    "The orchard grew its apples",
    "The railway checked its signals",
    "The bakery baked its bread",
    "The glacier melted its ice",
    "The violinist played her concerto",
    "The tennis club painted its courts"
  };
  private static final String[] TALK = {
    "and we discussed it at length.",
    "and the committee asked about it.",
    "and the witness answered the question.",
    "and the chair thanked everyone.",
    "and the members took notes.",
    "and we moved on to the next point.",
    "and the clerk read the minutes.",
    "and someone asked a follow-up."
  };

  private static LeaveOneTranscriptOut.Outcome outcome;

  @BeforeAll
  static void runTrial() throws Exception {
    List<LabelledSegment> labelled = new ArrayList<>();
    for (int t = 0; t < TOPICS.length; t++) {
      for (int turn = 0; turn < TALK.length; turn++) {
        labelled.add(
            new LabelledSegment(
                "hearing_" + t + "@" + turn * 100 + "-" + (turn * 100 + 90),
                TOPICS[t] + " " + TALK[turn],
                t < 2 ? List.of(CODE) : List.of()));
      }
    }
    Codebook book = Codebooks.load("four-tensions");
    outcome =
        LeaveOneTranscriptOut.run(
            labelled,
            book,
            CoreNlpAnnotator.shared(),
            new WindowEmbedding(new BgeSmallEmbedder()),
            new LeaveOneTranscriptOut.Settings(false, 0.5, List.of(8, 20), 42),
            new ArrayList<>(),
            new ProgressListener() {});
  }

  private static Evaluation.CodeScore score(LeaveOneTranscriptOut.Result result) {
    return result.codes().stream().filter(s -> s.code().equals(CODE)).findFirst().orElseThrow();
  }

  /**
   * A starter model learned elsewhere, where ferry talk carries structural issues: on these
   * hearings it finds the ferry hearing's codings, and passes the rule against the codebook alone;
   * one that learned from a hearing of this coding is not judged at all.
   */
  @Test
  void aStarterModelIsJudgedOnEveryTranscriptUnlessItLearnedFromOne() throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    List<Trainer.Example> elsewhere = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      String name = "elsewhere_" + t;
      names.add(name);
      for (String talk : TALK) {
        String text = (t < 2 ? TOPICS[0] : TOPICS[t + 1]) + " " + talk;
        elsewhere.add(
            new Trainer.Example(
                Features.lemmas(CoreNlpAnnotator.shared().annotate(text).tokens()),
                null,
                t < 2 ? Set.of(CODE, "motivation-structure") : Set.of(),
                name));
      }
    }
    LearnedModel trained = Trainer.train(book, elsewhere, Trainer.Options.DEFAULT);
    LeaveOneTranscriptOut.StarterTrial judged =
        trial(book, trained.learnedFrom(List.of(source(names)))).starter();
    assertTrue(judged.learnedFromHere().isEmpty());
    Evaluation.CodeScore found = score(judged.result());
    assertTrue(found.truePositives() >= 4, "it finds the ferry hearing's codings: " + found);
    assertTrue(judged.helps(), "it beats the codebook alone here");
    assertTrue(
        LeaveOneOutReport.starterVerdict(judged).contains("--starter is worth using here"),
        LeaveOneOutReport.starterVerdict(judged));

    List<String> overlapping = new ArrayList<>(names);
    overlapping.add("hearing_0");
    LeaveOneTranscriptOut.StarterTrial leaked =
        trial(book, trained.learnedFrom(List.of(source(overlapping)))).starter();
    assertEquals(null, leaked.result());
    assertFalse(leaked.helps());
    assertEquals(Set.of("hearing_0"), leaked.learnedFromHere());
    assertTrue(LeaveOneOutReport.starterVerdict(leaked).contains("hearing_0"));
  }

  @Test
  void theRuleWantsMoreAgreementNoLessPrecisionAndEveryCodeItSuggestsBetter() {
    // Codes a and b over 100 segments: counts are right, wrong, missed, rightly left out.
    LeaveOneTranscriptOut.Result codebook =
        result(new int[] {2, 2, 18, 78}, new int[] {0, 0, 10, 90});
    assertTrue(
        LeaveOneTranscriptOut.helps(
            result(new int[] {10, 5, 10, 75}, new int[] {0, 0, 10, 90}), codebook));
    assertFalse(
        LeaveOneTranscriptOut.helps(
            result(new int[] {10, 15, 10, 65}, new int[] {0, 0, 10, 90}), codebook),
        "more found, but right less often than the codebook");
    assertFalse(
        LeaveOneTranscriptOut.helps(
            result(new int[] {12, 2, 8, 78}, new int[] {0, 3, 10, 87}), codebook),
        "better pooled, but b is suggested and never right");
    assertFalse(LeaveOneTranscriptOut.helps(codebook, codebook), "no better is not better");
    LeaveOneTranscriptOut.Result silent =
        result(new int[] {0, 0, 20, 80}, new int[] {0, 0, 10, 90});
    assertTrue(Double.isNaN(silent.pooled().precision()), "a codebook that never suggests");
    assertTrue(
        LeaveOneTranscriptOut.helps(
            result(new int[] {5, 5, 15, 75}, new int[] {0, 0, 10, 90}), silent),
        "against a codebook that never suggests, its missing precision counts as 0");
    assertFalse(
        LeaveOneTranscriptOut.helps(
            result(new int[] {12, 2, 8, 78}, new int[] {0, 0, 10, 90}),
            result(new int[] {2, 2, 18, 78}, new int[] {4, 0, 6, 90})),
        "better on a, but it drops b's right suggestions");
  }

  private static LeaveOneTranscriptOut.Result result(int[] a, int[] b) {
    List<Evaluation.CodeScore> codes = List.of(Evaluation.score("a", a), Evaluation.score("b", b));
    return new LeaveOneTranscriptOut.Result(
        "test", codes, Evaluation.micro(codes), a[0] + a[1] + b[0] + b[1], 0.5, List.of());
  }

  private static LearnedModel.Source source(List<String> transcripts) {
    return new LearnedModel.Source("elsewhere.jsonl", "0".repeat(64), 48, transcripts);
  }

  private static LeaveOneTranscriptOut.Outcome trial(Codebook book, LearnedModel starter)
      throws Exception {
    List<LabelledSegment> labelled = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      for (int turn = 0; turn < TALK.length; turn++) {
        labelled.add(
            new LabelledSegment(
                "hearing_" + t + "@" + turn * 100 + "-" + (turn * 100 + 90),
                TOPICS[t] + " " + TALK[turn],
                t == 0 ? List.of(CODE) : List.of()));
      }
    }
    return LeaveOneTranscriptOut.run(
        labelled,
        book,
        CoreNlpAnnotator.shared(),
        new WindowEmbedding(new BgeSmallEmbedder()),
        new LeaveOneTranscriptOut.Settings(false, 0.5, List.of(), 42, starter),
        new ArrayList<>(),
        new ProgressListener() {});
  }

  @Test
  void aHeldOutTranscriptIsNeverLearnedFrom() {
    assertEquals(8, outcome.transcripts().size());
    for (Map.Entry<String, Set<String>> e : outcome.trainedOn().entrySet()) {
      assertFalse(e.getValue().contains(e.getKey()), e.getKey() + " was learned from");
      assertEquals(7, e.getValue().size(), "every other transcript is learned from");
    }
    Evaluation.CodeScore learned = score(outcome.learned());
    assertEquals(16, learned.support(), "every labelled turn is judged once");
    assertEquals(64, outcome.segments());
    assertTrue(
        Double.isNaN(learned.f1()) || learned.f1() < 0.3,
        "the held-out hearing's topic words were never seen: F1 " + learned.f1());
    assertTrue(learned.recall() < 0.3, "recall " + learned.recall());
  }

  @Test
  void scoresAreOverTheCodesWithoutSubCodesAndPoolTheirDecisions() {
    LeaveOneTranscriptOut.Result learned = outcome.learned();
    assertEquals(10, learned.codes().size(), "the ten poles, not the four tensions");
    int decisions =
        learned.pooled().truePositives()
            + learned.pooled().falsePositives()
            + learned.pooled().falseNegatives()
            + learned.pooled().trueNegatives();
    assertEquals(640, decisions, "64 turns times 10 poles");
    assertEquals(
        learned.suggestions(),
        learned.pooled().truePositives() + learned.pooled().falsePositives());
  }

  @Test
  void reliabilityCountsEveryCandidateOnce() {
    int candidates =
        outcome.codebookAlone().reliability().stream()
            .mapToInt(LeaveOneTranscriptOut.Bin::candidates)
            .sum();
    assertTrue(candidates > 0);
    for (LeaveOneTranscriptOut.Bin bin : outcome.codebookAlone().reliability()) {
      assertTrue(bin.meanConfidence() >= bin.from() && bin.meanConfidence() < bin.to() + 1e-9);
    }
  }

  @Test
  void theLearningCurveJudgesEveryTurnAtEachSize() {
    assertEquals(List.of(8, 20), outcome.curve().stream().map(p -> p.turns()).toList());
    for (LeaveOneTranscriptOut.CurvePoint point : outcome.curve()) {
      assertEquals(16, score(point.result()).support());
    }
  }

  @Test
  void binsAreTenthsOfTheConfidenceShown() {
    List<LeaveOneTranscriptOut.Bin> bins =
        LeaveOneTranscriptOut.reliability(
            List.of(
                new LeaveOneTranscriptOut.Candidate("a", CODE, 0.05, false, false),
                new LeaveOneTranscriptOut.Candidate("b", CODE, 0.72, true, true),
                new LeaveOneTranscriptOut.Candidate("c", CODE, 0.78, true, false),
                new LeaveOneTranscriptOut.Candidate("d", CODE, 1.0, true, true)));
    assertEquals(3, bins.size());
    assertEquals(0.7, bins.get(1).from(), 1e-9);
    assertEquals(2, bins.get(1).candidates());
    assertEquals(0.75, bins.get(1).meanConfidence(), 1e-9);
    assertEquals(0.5, bins.get(1).observed(), 1e-9);
    assertEquals(0.9, bins.get(2).from(), 1e-9, "a confidence of 1 is in the top tenth");
  }

  /**
   * Two hearings say the same thing eight times; the coder coded it in one and not in the other.
   * The codebook calibrated on the other hearing must then be confident exactly where it is wrong:
   * had the held-out hearing's own labels reached its calibration, both would show about a half.
   */
  @Test
  void theCodebooksHeldOutCalibrationNeverSeesTheHearingItJudges() throws Exception {
    String said =
        "Funding came in five-year cycles, so the institutions had no reason to invest in it.";
    List<LabelledSegment> labelled = new ArrayList<>();
    for (String hearing : List.of("coded", "uncoded")) {
      for (int turn = 0; turn < 8; turn++) {
        labelled.add(
            new LabelledSegment(
                hearing + "@" + turn * 100 + "-" + (turn * 100 + 90),
                said,
                hearing.equals("coded") ? List.of(CODE) : List.of()));
      }
    }
    LeaveOneTranscriptOut.Outcome twoHearings =
        LeaveOneTranscriptOut.run(
            labelled,
            Codebooks.load("four-tensions"),
            CoreNlpAnnotator.shared(),
            new WindowEmbedding(new BgeSmallEmbedder()),
            new LeaveOneTranscriptOut.Settings(false, 0.5, List.of(), 42),
            new ArrayList<>(),
            new ProgressListener() {});
    Evaluation.CodeScore calibrated = score(twoHearings.codebookCalibrated());
    assertEquals(8, calibrated.support());
    assertEquals(0, calibrated.truePositives(), "the coded hearing's turns were not suggested");
    assertEquals(8, calibrated.falsePositives(), "the uncoded hearing's turns were, wrongly");
    for (LeaveOneTranscriptOut.Bin bin : twoHearings.codebookCalibrated().reliability()) {
      assertTrue(
          bin.meanConfidence() < 0.2 || bin.meanConfidence() > 0.8,
          "nothing shown about a half: " + bin);
    }
  }

  @Test
  void oneTranscriptCannotBeHeldOut() {
    List<LabelledSegment> one =
        List.of(
            new LabelledSegment("only@0-10", "The ferry left.", List.of(CODE)),
            new LabelledSegment("only@20-30", "The chair thanked everyone.", List.of()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LeaveOneTranscriptOut.run(
                    one,
                    Codebooks.load("four-tensions"),
                    CoreNlpAnnotator.shared(),
                    null,
                    new LeaveOneTranscriptOut.Settings(false, 0.5, List.of(), 42),
                    new ArrayList<>(),
                    new ProgressListener() {}));
    assertTrue(e.getMessage().contains("at least two"), e.getMessage());
  }
}
