package org.aet.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.InputException;
import org.aet.model.Span;
import org.aet.pseudonym.PseudonymKey.Decision;
import org.aet.pseudonym.PseudonymKey.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameMatcherTest {
  private static NameMatcher matcher(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return new NameMatcher(map);
  }

  @Test
  void eMailAddressesAndPhoneNumbersAreReplacedWithContactsOnly() {
    Map<String, String> names = Map.of("Priya Patel", "Participant 2", "Priya", "Participant 2");
    String said =
        "Priya Patel said: write to priya.patel@nhs.net or Priya.Patel@nhs.net, ring 07700 900123,"
            + " +44 7700 900123 or (0161) 496 0000. In 2019-2020 we met 12 times at 10:30, 0.5 of"
            + " the budget, 100 000 people, room 0 and page 0 12.";
    NameMatcher.Rewrite rewrite = NameMatcher.withContacts(names).rewrite(said);
    assertEquals(
        "Participant 2 said: write to [e-mail address] or [e-mail address], ring [phone number],"
            + " [phone number] or [phone number]. In 2019-2020 we met 12 times at 10:30, 0.5 of"
            + " the budget, 100 000 people, room 0 and page 0 12.",
        rewrite.text());
    assertEquals(
        List.of(), NameMatcher.withContacts(names).find(rewrite.text()), "read back: none left");
    assertTrue(
        new NameMatcher(names)
            .find(said).stream().noneMatch(m -> m.name().equals(NameMatcher.EMAIL)),
        "only a matcher with contacts looks for them");
  }

  @Test
  void caseAndApostrophesDoNotMatter() {
    NameMatcher m = matcher("Sarah O'Connor", "Participant 3", "Sarah", "Participant 3");
    assertEquals(
        "Participant 3, Participant 3, Participant 3 and Participant 3's office; Participant 3"
            + " and Participant 3 too, but sarah alone is a word.",
        m.rewrite(
                "sarah oconnor, SARAH O'CONNOR, Sarah O\u2019Connor and Sarah OConnor's office;"
                    + " SARAH and Sarah too, but sarah alone is a word.")
            .text());
    assertEquals(
        "Sarah O'Connor", m.find("sarah o\u2019connor").get(0).name(), "the name as listed");
    // Two spellings of one name in the key: the one written as in the text wins.
    NameMatcher two = matcher("John Smith", "Participant 3", "JOHN SMITH", "[Person 3]");
    assertEquals("JOHN SMITH", two.find("JOHN SMITH").get(0).name());
    assertEquals("John Smith", two.find("john smith").get(0).name());
  }

  @Test
  void replacesWholeNamesLongestFirstAndNothingInsideOtherWords() {
    NameMatcher m = matcher("Helen Ward", "Participant 1", "Helen", "Participant 1", "Ward", "P1");
    assertEquals(
        "Participant 1 met Participant 1's team; the Wardrobe and helen stay.",
        m.rewrite("Helen Ward met Helen's team; the Wardrobe and helen stay.").text());
  }

  @Test
  void findsNamesWrappedOverLinesAndInCapitals() {
    NameMatcher m = matcher("Helen Ward", "Participant 1");
    assertEquals(
        "Participant 1: hello, said Participant 1.",
        m.rewrite("HELEN WARD: hello, said Helen\n  Ward.").text());
  }

  @Test
  void spansMoveWithTheTextAndCoverAWholePseudonym() {
    String text = "I met Helen Ward in Leeds today.";
    NameMatcher.Rewrite r =
        matcher("Helen Ward", "Participant 12", "Leeds", "[Place 1]").rewrite(text);
    assertEquals("I met Participant 12 in [Place 1] today.", r.text());
    // A span before any name stays; a span after shifts; one over a name covers its pseudonym.
    assertEquals(new Span(0, 5), r.offsets().map(new Span(0, 5)));
    assertEquals("today", r.offsets().map(new Span(26, 31)).of(r.text()));
    assertEquals("Participant 12", r.offsets().map(new Span(6, 16)).of(r.text()));
    assertEquals("Participant 12", r.offsets().map(new Span(12, 16)).of(r.text()));
    assertEquals("met Participant 12 in", r.offsets().map(new Span(2, 19)).of(r.text()));
    assertEquals("[Place 1] today.", r.offsets().map(new Span(20, 32)).of(r.text()));
    assertEquals(new Span(5, 5), r.offsets().map(new Span(5, 5)));
  }

  @Test
  void pseudonymsFollowTheirKindsForm() {
    assertEquals("Participant 3", NameKind.SPEAKER.pseudonym(3));
    assertEquals("[Organisation B]", NameKind.ORGANISATION.pseudonym(2));
    assertEquals("[Organisation AA]", NameKind.ORGANISATION.pseudonym(27));
    assertEquals(27, NameKind.ORGANISATION.numberIn("[Organisation AA]"));
    assertEquals(4, NameKind.PLACE.numberIn("[Place 4]"));
    assertEquals(0, NameKind.PLACE.numberIn("[Person 4]"));
  }

  @Test
  void keySurvivesARoundTripAndGuardsFormulas(@TempDir Path dir) throws Exception {
    PseudonymKey key =
        new PseudonymKey(
            List.of(
                new Entry(
                    "Siân Gwenllian, AM",
                    "Participant 1",
                    NameKind.SPEAKER,
                    "speaker label",
                    Double.NaN,
                    Decision.ACCEPTED,
                    3,
                    "a; b"),
                new Entry(
                    "=HYPERLINK(\"x\")",
                    "[Name 1]",
                    NameKind.OTHER,
                    "your list",
                    0.5,
                    Decision.PROPOSED,
                    0,
                    "")));
    Path file = dir.resolve("key.csv");
    key.save(file);
    assertTrue(Files.readString(file).contains("'=HYPERLINK"));
    assertEquals(key, PseudonymKey.load(file));
    assertEquals("[Name 2]", key.next(NameKind.OTHER, List.of()));
  }

  @Test
  void aBrokenKeyIsRefusedWithItsLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("key.csv");
    Files.writeString(
        file,
        "original,pseudonym,kind,decision\n"
            + "Helen Ward,Participant 1,speaker,accepted\n"
            + "Helen Ward,Participant 2,speaker,accepted\n"
            + "Leeds,[Place 1],town,accepted\n"
            + "Tom,Tom's friend,person,accepted\n");
    InputException e = assertThrows(InputException.class, () -> PseudonymKey.load(file));
    String message = e.getMessage();
    assertTrue(message.contains("key.csv:3:1") && message.contains("twice"), message);
    assertTrue(
        message.contains("key.csv:4:3") && message.contains("unknown kind \"town\""), message);
    assertTrue(message.contains("contains the real name \"Tom\""), message);
  }
}
