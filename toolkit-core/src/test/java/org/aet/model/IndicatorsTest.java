package org.aet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aet.testing.Annotated;
import org.junit.jupiter.api.Test;

/** Indicator values on crafted sentences, with real CoreNLP tokens, counted by hand. */
class IndicatorsTest {
  private static Indicators of(String text) {
    return Indicators.of(Annotated.segment(text).tokens());
  }

  @Test
  void whoActsIndividualsUsOrThemAndInstitutions() {
    Indicators i =
        of(
            "I think we should tell them. My team and our university did; they never asked the NHS"
                + " trust.");
    assertEquals(2, i.get("i_words"), "I, My");
    assertEquals(2, i.get("we_words"), "we, our");
    assertEquals(2, i.get("they_words"), "them, they");
    assertEquals(3, i.get("institution_words"), "university, NHS, trust");
  }

  @Test
  void obligationIdealsHedgesAndPractice() {
    Indicators i =
        of(
            "Ideally we must involve everyone, and we need to pay them; perhaps we might,"
                + " but in practice we could not. Realistically it was genuine work.");
    assertEquals(2, i.get("obligation_words"), "must, need to");
    assertEquals(2, i.get("ideal_words"), "Ideally, genuine");
    assertEquals(3, i.get("hedge_words"), "perhaps, might, could");
    assertEquals(2, i.get("practice_phrases"), "in practice, Realistically");
  }

  @Test
  void acronymsJargonAndReadability() {
    Indicators i = of("The NIHR CLAHRC dissemination protocol used PPI methodology.");
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("words", 8.0);
    expected.put("acronyms", 3.0);
    expected.put("acronym_density", 37.5);
    expected.put("jargon_density", 75.0);
    expected.forEach((name, value) -> assertEquals(value, i.get(name), name));
    assertEquals(0.0, of("I am.").get("acronyms"), "I is not an acronym");
    assertEquals(Indicators.standard(), java.util.List.copyOf(i.values().keySet()));
    double easy = of("We sat down. We had tea. We talked.").get("readability");
    double hard =
        of("Institutional infrastructural considerations necessitated organisational reconfiguration.")
            .get("readability");
    assertEquals(true, easy > 90 && hard < 0, easy + " vs " + hard);
  }

  @Test
  void namedActorsAndSentimentWhenAskedFor() {
    var annotator =
        org.aet.nlp.CoreNlpAnnotator.shared(new org.aet.nlp.CoreNlpAnnotator.Options(true, true));
    String text =
        "Anil Mehta of Oxford University met the trust in Manchester. It was a wonderful, happy meeting.";
    var tokens = annotator.annotate(text).tokens();
    Indicators i = Indicators.of(tokens);
    assertEquals(1, i.get("people"), "Anil Mehta");
    assertEquals(1, i.get("organisations"), "Oxford University");
    assertEquals(1, i.get("places"), "Manchester");
    assertEquals(
        java.util.List.of("Anil Mehta (person)", "Oxford University (organisation)"),
        Indicators.actors(tokens));
    double happy = i.get("sentiment");
    double sad =
        Indicators.of(annotator.annotate("It was a terrible, miserable failure.").tokens())
            .get("sentiment");
    assertEquals(true, happy > sad && sad < 0, happy + " vs " + sad);
    assertEquals(
        true, Double.isNaN(of("Plain text.").get("sentiment")), "not computed unless asked for");
  }
}
