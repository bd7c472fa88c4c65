package org.aet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aet.nlp.CoreNlpAnnotator;
import org.junit.jupiter.api.Test;

class MarkupTest {
  private static final String SAID =
      "So {disfmarker} we paid them {vocalsound} for their time [inaudible 00:12:03] and"
          + " (laughs) it worked [crosstalk]. [The partnership] met (in 2019) {gap}.";

  @Test
  void markupInBracesAndNonSpeechInBracketsIsFoundAndWordsInBracketsAreNot() {
    List<String> found = Markup.find(SAID).stream().map(s -> s.of(SAID)).toList();
    assertEquals(
        List.of(
            "{disfmarker}",
            "{vocalsound}",
            "[inaudible 00:12:03]",
            "(laughs)",
            "[crosstalk]",
            "{gap}"),
        found);
  }

  @Test
  void maskingKeepsEveryOffsetAndDroppingTidiesTheSpaces() {
    String masked = Markup.mask(SAID);
    assertEquals(SAID.length(), masked.length());
    assertTrue(masked.startsWith("So              we paid them"), masked);
    assertEquals(
        "So we paid them for their time and it worked. [The partnership] met (in 2019).",
        Markup.drop(SAID));
    assertEquals("Nothing to drop here.", Markup.drop("Nothing to drop here."));
  }

  @Test
  void theLanguageModelsNeverSeeMarkupAsWords() {
    TextAnnotation annotation = CoreNlpAnnotator.shared().annotate(SAID);
    List<String> words = annotation.tokens().stream().map(Token::word).toList();
    for (String noise : List.of("disfmarker", "vocalsound", "inaudible", "laughs", "crosstalk")) {
      assertTrue(words.stream().noneMatch(w -> w.contains(noise)), noise + " in " + words);
    }
    assertTrue(words.contains("partnership"), "words in brackets are words");
    for (Token token : annotation.tokens()) {
      assertEquals(token.word(), token.span().of(SAID), "spans point into the stored text");
    }
  }
}
