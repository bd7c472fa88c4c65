package org.aet.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.codebook.DetectionRules;
import org.aet.model.Coding;
import org.aet.model.CodingSource;
import org.aet.model.CodingStatus;
import org.aet.model.Evidence;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.nlp.TokenPatterns;
import org.aet.testing.Annotated;
import org.junit.jupiter.api.Test;

/** The rule coder on real CoreNLP annotations. */
class RuleCoderTest {
  private static Codebook book(DetectionRules rules) {
    Code top =
        new Code("top", "", "Top", "d", "", "", List.of(), List.of(), "", DetectionRules.NONE);
    Code code = new Code("c", "top", "C", "d", "", "", List.of(), List.of(), "", rules);
    return new Codebook("test", "Test", "", "v1", List.of(top, code));
  }

  private static DetectionRules lemmas(String... lemmas) {
    return DetectionRules.of(List.of(lemmas), List.of());
  }

  private static List<Coding> code(DetectionRules rules, String text) {
    return new RuleCoder(book(rules)).code(Annotated.segment(text));
  }

  @Test
  void lemmasMatchInflectedWordsWithExactEvidence() {
    String text = "The Leaders led it.";
    List<Coding> codings = code(lemmas("leader", "lead"), text);
    assertEquals(1, codings.size());
    Coding coding = codings.get(0);
    assertEquals("c", coding.codeId());
    assertEquals(CodingSource.RULE.label(), coding.source());
    assertEquals(CodingStatus.SUGGESTED, coding.status());
    assertEquals("v1", coding.codebookVersion());
    assertEquals(
        List.of(
            new Evidence("Leaders", new Span(4, 11), "lemma \"leader\""),
            new Evidence("led", new Span(12, 15), "lemma \"lead\"")),
        coding.evidence());
    for (Evidence e : coding.evidence()) {
      assertEquals(e.text(), e.span().of(text));
    }
    assertEquals(0.58, coding.confidence());
  }

  @Test
  void phrasesMatchWordsInARow() {
    DetectionRules rules = DetectionRules.of(List.of(), List.of("tick box", "lip service"));
    List<Coding> codings = code(rules, "Honestly it was a tick box exercise, and lip service.");
    assertEquals(1, codings.size());
    assertEquals(
        List.of("tick box", "lip service"),
        codings.get(0).evidence().stream().map(Evidence::text).toList());
    assertEquals(0.84, codings.get(0).confidence());
    assertTrue(code(rules, "Tick the box.").isEmpty());
  }

  @Test
  void hyphenatedRulesMatchHoweverTheTokenizerSplitTheWord() {
    DetectionRules rules = lemmas("tick-box", "co-production", "co-author", "pre-meeting");
    String text = "A tick-box exercise in co-production, with co-authors and pre-meetings.";
    List<Coding> codings = code(rules, text);
    assertEquals(
        List.of("tick-box", "co-production", "co-authors", "pre-meetings"),
        codings.get(0).evidence().stream().map(Evidence::text).toList());
    codings.get(0).evidence().forEach(e -> assertEquals(e.text(), e.span().of(text)));
  }

  @Test
  void aRepeatedWordIsMoreEvidenceButNotMoreConfidence() {
    List<Coding> codings = code(lemmas("jargon"), "Jargon, jargon and more jargon.");
    assertEquals(3, codings.get(0).evidence().size());
    assertEquals(0.35, codings.get(0).confidence());
  }

  @Test
  void aNegationJustBeforeAMatchCancelsIt() {
    DetectionRules rules = lemmas("tokenistic");
    assertTrue(code(rules, "It was not tokenistic.").isEmpty());
    assertTrue(code(rules, "It wasn't really tokenistic.").isEmpty());
    assertTrue(code(rules, "It was never tokenistic.").isEmpty());
    assertEquals(
        1, code(rules, "No. It was tokenistic.").size(), "a negation in the sentence before");
    assertEquals(
        1, code(rules, "Not once did anyone say it was tokenistic.").size(), "too far before");
    DetectionRules off =
        new DetectionRules(
            List.of("tokenistic"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            0,
            DetectionRules.Weights.DEFAULT,
            List.of());
    assertEquals(1, code(off, "It was not tokenistic.").size(), "negation handling off");
  }

  @Test
  void anExclusionTermStopsTheCode() {
    DetectionRules rules =
        new DetectionRules(
            List.of("power"),
            List.of(),
            List.of(),
            List.of("power station"),
            List.of(),
            3,
            DetectionRules.Weights.DEFAULT,
            List.of());
    assertTrue(code(rules, "We met near the power station.").isEmpty());
    assertEquals(1, code(rules, "Power was never shared.").size());
  }

  @Test
  void aTrailingStarMatchesAnyEnding() {
    List<Coding> codings =
        code(lemmas("collaborat*"), "Collaboration is hard; collaborating is harder.");
    assertEquals(
        List.of("Collaboration", "collaborating"),
        codings.get(0).evidence().stream().map(Evidence::text).toList());
  }

  @Test
  void tokensRegexPatternsMatchLemmasAndPartsOfSpeech() {
    DetectionRules rules =
        new DetectionRules(
            List.of(),
            List.of(),
            List.of(
                "[{lemma:pay}] []{0,3} [{lemma:/contributor|member/}]",
                "[{tag:MD}] [{lemma:share}]"),
            List.of(),
            List.of(),
            3,
            DetectionRules.Weights.DEFAULT,
            List.of());
    String text = "We paid the public members promptly, and we should share the budget.";
    List<Coding> codings = code(rules, text);
    assertEquals(
        List.of("paid the public members", "should share"),
        codings.get(0).evidence().stream().map(Evidence::text).toList());
    assertTrue(codings.get(0).evidence().get(0).rule().startsWith("pattern \"[{lemma:pay}]"));
    assertEquals(0.84, codings.get(0).confidence());
    assertTrue(
        code(rules, "We never paid the members.").isEmpty(), "negation applies to patterns too");
  }

  @Test
  void indicatorConditionsSuggestACodeAndSayWhy() {
    DetectionRules jargon =
        new DetectionRules(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            3,
            DetectionRules.Weights.DEFAULT,
            List.of(new DetectionRules.IndicatorCondition("acronym_density", 10.0, null)));
    String text = "The NIHR CLAHRC asked the PPI lead for a KMb plan.";
    List<Coding> codings = code(jargon, text);
    assertEquals(1, codings.size());
    assertEquals(CodingSource.INDICATOR.label(), codings.get(0).source());
    Evidence evidence = codings.get(0).evidence().get(0);
    assertEquals("indicator acronym_density = 27.3, above 10", evidence.rule());
    assertEquals("", evidence.text());
    assertEquals("(indicator acronym_density = 27.3, above 10)", evidence.describe());
    assertTrue(code(jargon, "We asked the public lead for a plan in plain words.").isEmpty());
  }

  @Test
  void roleFiltersAndWeightsShapeTheSuggestion() {
    DetectionRules leadersOnly =
        new DetectionRules(
            List.of("budget"),
            List.of(),
            List.of(),
            List.of(),
            List.of("Senior Leader"),
            3,
            new DetectionRules.Weights(0.5, 0.6, 0.6),
            List.of());
    Codebook book = book(leadersOnly);
    org.aet.model.Segment plain = Annotated.segment("We held the budget.");
    org.aet.model.Segment leader =
        new org.aet.model.Segment(
            plain.id(),
            plain.transcriptId(),
            0,
            "Ann",
            "senior leader",
            null,
            plain.span(),
            plain.text(),
            plain.tokens());
    assertTrue(new RuleCoder(book).code(plain).isEmpty(), "no role, so not a senior leader");
    List<Coding> codings = new RuleCoder(book).code(leader);
    assertEquals(1, codings.size());
    assertEquals(0.5, codings.get(0).confidence(), "the lemma weight of the code");
  }

  @Test
  void everyShippedCodeFindsItsExamplesAndNotItsCounterExamples() throws Exception {
    List<String> failures = new java.util.ArrayList<>();
    for (String name : Codebooks.shipped()) {
      Codebook book = Codebooks.load(name);
      RuleCoder coder = new RuleCoder(book);
      for (Code code : book.codes()) {
        if (code.rules().isEmpty()) {
          continue;
        }
        for (String example : code.examples()) {
          if (!codes(coder, example).contains(code.id())) {
            failures.add(name + "/" + code.id() + " should find: " + example);
          }
        }
        for (String counter : code.counterExamples()) {
          if (codes(coder, counter).contains(code.id())) {
            failures.add(name + "/" + code.id() + " should not find: " + counter);
          }
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  private static List<String> codes(RuleCoder coder, String text) {
    Segment segment = Annotated.segment(text);
    return coder.code(segment).stream().map(Coding::codeId).toList();
  }

  @Test
  void aLemmaAndItsWrittenFormCountOnce() {
    List<Coding> once = code(lemmas("baffle", "baffling"), "The papers were baffling.");
    assertEquals(1, once.size());
    assertEquals(1, once.get(0).evidence().size());
    assertEquals(0.35, once.get(0).confidence());
  }

  @Test
  void aPhraseAndAWordInsideItCountOnce() {
    DetectionRules rules = DetectionRules.of(List.of("system"), List.of("the finance system"));
    List<Coding> codings = code(rules, "It was the finance system that held it up.");
    assertEquals(
        List.of("phrase \"the finance system\""),
        codings.get(0).evidence().stream().map(Evidence::rule).toList());
  }

  @Test
  void negationReachesOverAuxiliariesToAPhrase() {
    DetectionRules rules = DetectionRules.of(List.of(), List.of("good enough"));
    assertTrue(code(rules, "That is not going to be good enough for the families.").isEmpty());
    assertEquals(1, code(rules, "In the end it was good enough for the families.").size());
  }

  @Test
  void proceduralTalkIsNeverCoded() {
    DetectionRules rules = DetectionRules.of(List.of("exclude", "acknowledge"), List.of());
    assertTrue(
        code(
                rules,
                "In accordance with Standing Order 34.19, the public are excluded from the"
                    + " meeting.")
            .isEmpty());
    assertTrue(code(rules, "I acknowledge my honourable colleague's point.").isEmpty());
    assertEquals(1, code(rules, "The young people felt we had excluded them.").size());
  }

  private static DetectionRules patterns(String... patterns) {
    return new DetectionRules(
        List.of(),
        List.of(),
        List.of(patterns),
        List.of(),
        List.of(),
        3,
        DetectionRules.Weights.DEFAULT,
        List.of());
  }

  @Test
  void aPatternThatRunsOverItsBudgetIsStoppedAndNamed() {
    String catastrophic = "[{word:/(.*a){25}/}]";
    RuleCoder coder = new RuleCoder(book(patterns(catastrophic)), java.time.Duration.ofMillis(300));
    RuleFailure failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            RuleFailure.class,
            () ->
                coder.code(
                    Annotated.segment(
                        "They said aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab again.")));
    assertTrue(failure.getMessage().contains("the pattern \"" + catastrophic + "\""));
    assertTrue(failure.getMessage().contains("of the code top/c took more than 300 ms"));
    assertTrue(TokenPatterns.riskOf(catastrophic) != null, "validate warns about it");
  }

  @Test
  void aPatternThatOverflowsTheStackIsNamed() {
    String nested = "( []* )*";
    RuleFailure failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            RuleFailure.class,
            () -> new RuleCoder(book(patterns(nested))).code(Annotated.segment(longSentence())));
    assertTrue(failure.getMessage().contains("\"" + nested + "\" of the code top/c"));
    assertTrue(TokenPatterns.riskOf(nested) != null);
    assertTrue(
        TokenPatterns.riskOf("[{lemma:pay}] []{0,3} [{lemma:/contributor|member/}]") == null);
  }

  private static String longSentence() {
    return "We talked and talked about it. ".repeat(200);
  }
}
