package org.aet.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.DetectionRules;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.WindowEmbedding;
import org.junit.jupiter.api.Test;

/** Rules and the semantic layer together, calibrated on a codebook, with the real models. */
class SuggestionCoderTest {
  private static final WindowEmbedding EMBEDDING = new WindowEmbedding(new BgeSmallEmbedder());

  private static Codebook book() {
    Code paid =
        new Code(
            "paid",
            "",
            "Payment",
            "Public contributors being paid or reimbursed for the time they give.",
            "Contributors are paid, reimbursed or given vouchers for taking part.",
            "",
            List.of(
                "We paid every public contributor for their time at the national rate.",
                "The lay members were reimbursed within a week, travel included.",
                "Contributors got a voucher for each workshop they came to."),
            List.of(
                "Please pay attention to the slides on page four.",
                "We will pay a visit to the new school building next week."),
            "",
            DetectionRules.of(List.of("pay", "reimburse", "voucher"), List.of()));
    Code jargon =
        new Code(
            "jargon",
            "",
            "Jargon",
            "Technical language and acronyms that partners could not follow.",
            "",
            "",
            List.of(
                "The papers were full of acronyms nobody outside could follow.",
                "We spoke in academic language without noticing."),
            List.of("We wrote a plain English summary."),
            "",
            DetectionRules.of(List.of("acronym", "jargon"), List.of()));
    return new Codebook("t", "T", "", "v", List.of(paid, jargon));
  }

  private static Segment embedded(String text) {
    List<Segment> segments =
        Calibrations.standalone(List.of(text), CoreNlpAnnotator.shared(), EMBEDDING);
    return segments.get(0);
  }

  @Test
  void aRuleMatchThatDoesNotReadLikeTheCodeIsVetoedAndOneThatDoesIsShownWithItsEstimate() {
    SuggestionCoder coder =
        SuggestionCoder.calibrated(
            book(),
            CoreNlpAnnotator.shared(),
            EMBEDDING,
            null,
            null,
            SuggestionCoder.DEFAULT_FLOOR,
            new java.util.TreeSet<>());
    Segment meant = embedded("Our patient panel were paid for their time and their travel.");
    Segment notMeant = embedded("Can I ask you to pay attention to the figures in table two?");

    List<Coding> shown = coder.code(meant);
    assertEquals(List.of("paid"), shown.stream().map(Coding::codeId).toList());
    Coding coding = shown.get(0);
    assertEquals("rule", coding.source());
    SuggestionCoder.Candidate candidate =
        coder.candidates(meant).stream().filter(c -> c.codeId().equals("paid")).findFirst().get();
    assertEquals(
        Math.round(candidate.estimatedPrecision() * 100) / 100.0, coding.confidence(), 1e-9);
    assertTrue(coding.confidence() >= SuggestionCoder.DEFAULT_FLOOR);
    assertTrue(coding.evidence().get(0).rule().startsWith("lemma \"pay\""));
    assertTrue(coding.evidence().get(1).rule().startsWith("reads like the codebook's"));

    assertTrue(
        coder.candidates(notMeant).stream()
            .anyMatch(c -> c.codeId().equals("paid") && c.route() == Calibration.Route.RULE),
        "the rule matched");
    assertTrue(coder.code(notMeant).isEmpty(), "but the passage is not about payment");
  }

  @Test
  void calibrationFromLabelledSegmentsUsesTheTeamsCodesByPathIdOrName() {
    List<org.aet.evaluation.LabelledSegment> labelled =
        List.of(
            new org.aet.evaluation.LabelledSegment(
                "s1", "They were paid for their time.", List.of("Payment")),
            new org.aet.evaluation.LabelledSegment(
                "s2", "Please pay attention to this.", List.of()),
            new org.aet.evaluation.LabelledSegment("s3", "So many acronyms.", List.of("nope")));
    java.util.Set<String> unknown = new java.util.TreeSet<>();
    List<Calibration.Observation> observations =
        Calibrations.observations(
            labelled,
            book(),
            org.aet.semantic.CodeProfiles.of(book(), EMBEDDING.embedder()),
            CoreNlpAnnotator.shared(),
            EMBEDDING,
            unknown);
    assertEquals(java.util.Set.of("nope"), unknown);
    assertEquals(6, observations.size());
    assertEquals(1, observations.stream().filter(Calibration.Observation::correct).count());
    assertTrue(
        observations.stream()
            .anyMatch(
                o ->
                    o.correct()
                        && o.codeId().equals("paid")
                        && o.route() == Calibration.Route.RULE));
  }
}
