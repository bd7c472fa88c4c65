package org.aet.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.aet.io.Registry;
import org.aet.model.Indicator;
import org.aet.model.Indicators;
import org.aet.model.Span;
import org.aet.model.Token;
import org.junit.jupiter.api.Test;

/** The indicators come from the registry, in the order listed, each with its own class. */
class IndicatorRegistryTest {
  @Test
  void everyIndicatorIsRegisteredOnceInExportOrder() {
    List<String> standard =
        List.of(
            "words",
            "i_words",
            "we_words",
            "they_words",
            "institution_words",
            "obligation_words",
            "ideal_words",
            "hedge_words",
            "practice_phrases",
            "acronyms",
            "acronym_density",
            "jargon_density",
            "readability");
    assertEquals(standard, Indicators.standard());
    assertEquals(List.of("people", "organisations", "places", "sentiment"), Indicators.optional());
    assertEquals(
        List.of("people", "organisations", "places"),
        Indicators.available(Set.of(Indicator.Needs.ENTITIES)).subList(standard.size(), 16));
    for (Indicator indicator : Indicators.registry().all()) {
      assertFalse(indicator.description().isBlank(), indicator.name());
      assertEquals(indicator, Indicators.registry().get(indicator.name()));
    }
  }

  @Test
  void anIndicatorIsOneClassThatComputesFromTokens() {
    Indicator exclamations =
        new Indicator() {
          @Override
          public String name() {
            return "exclamations";
          }

          @Override
          public String description() {
            return "Exclamation marks.";
          }

          @Override
          public double compute(List<Token> tokens) {
            return tokens.stream().filter(t -> t.word().equals("!")).count();
          }
        };
    Registry<Indicator> registry =
        Registry.of("linguistic indicator", List.of(new WordCount(), exclamations));
    assertEquals(List.of("exclamations", "words"), registry.names());
    assertThrows(
        IllegalStateException.class,
        () -> Registry.of("linguistic indicator", List.of(new WordCount(), new WordCount())),
        "two indicators cannot claim one name");
  }

  @Test
  void syllablesAndAcronyms() {
    assertEquals(5, Words.syllables("methodology"), "me-tho-do-lo-gy");
    assertEquals(1, Words.syllables("trust"));
    assertEquals(1, Words.syllables("made"));
    assertTrue(Words.isAcronym("CLAHRCs"));
    assertFalse(Words.isAcronym("OK"));
    assertFalse(Words.isAcronym("Nhs"));
  }

  @Test
  void optionalIndicatorsAreNotANumberWithoutTheirAnnotation() {
    Token plain = new Token("Anil", "Anil", "NNP", new Span(0, 4));
    assertTrue(Double.isNaN(new People().compute(List.of(plain))));
    assertTrue(Double.isNaN(new Sentiment().compute(List.of(plain))));
    assertEquals(1, new WordCount().compute(List.of(plain)));
  }
}
