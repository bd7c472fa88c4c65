package org.aet.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.CodingStatus;
import org.aet.model.Evidence;
import org.aet.model.Participant;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.junit.jupiter.api.Test;

/** Counts, residuals, co-occurrence and exemplars on small corpora worked out by hand. */
class TabulationTest {
  private static final String RECIPROCITY = "reciprocity";
  private static final String JARGON = "excluding-language";

  private static Codebook codebook() throws Exception {
    return Codebooks.load("four-tensions");
  }

  /**
   * A transcript of case {@code caseName} with {@code segments} one-word turns, the first {@code
   * coded} of them coded with {@code code}, spoken in turn by {@code speakers}.
   */
  private static CodedTranscript transcript(
      String caseName, int segments, int coded, String code, String... speakers) {
    StringBuilder text = new StringBuilder();
    List<Turn> turns = new ArrayList<>();
    List<Segment> segs = new ArrayList<>();
    List<Coding> codings = new ArrayList<>();
    for (int i = 0; i < segments; i++) {
      if (i > 0) {
        text.append("\n\n");
      }
      String words = "turn number " + i + " about paying people";
      Span span = new Span(text.length(), text.length() + words.length());
      text.append(words);
      String speaker = speakers[i % speakers.length];
      turns.add(new Turn(i, speaker, null, null, words, span, i + 1));
      String id = caseName + "@" + span.begin() + "-" + span.end();
      segs.add(new Segment(id, caseName, i, speaker, "leader", null, span, words, List.of()));
      if (i < coded) {
        Span evidence = new Span(span.end() - 6, span.end());
        codings.add(
            new Coding(
                id,
                code,
                "rule",
                0.5 + i / 100.0,
                List.of(new Evidence("people", evidence, "lemma")),
                CodingStatus.SUGGESTED,
                "v1"));
      }
    }
    List<Participant> people = new ArrayList<>();
    for (String s : new java.util.LinkedHashSet<>(List.of(speakers))) {
      people.add(new Participant(s, "leader"));
    }
    Transcript t =
        new Transcript(
            caseName,
            Path.of(caseName + ".txt"),
            "txt",
            caseName,
            Map.of(),
            people,
            text.toString(),
            turns);
    return new CodedTranscript(t, segs, codings);
  }

  @Test
  void residualsMatchTheFormulaWorkedByHand() throws Exception {
    Tabulation tab = new Tabulation(codebook(), 3);
    tab.add(transcript("A", 10, 6, RECIPROCITY, "Ann"));
    tab.add(transcript("B", 20, 2, RECIPROCITY, "Bob"));
    tab.add(transcript("C", 5, 1, RECIPROCITY, "Cat"));
    CodeTable table = tab.byCase();
    assertEquals(List.of("A", "B", "C"), table.groups());
    assertEquals(35, table.segments());
    assertEquals(9, table.count(RECIPROCITY));
    assertEquals(0.6, table.share(RECIPROCITY, "A"), 1e-12);
    // N = 35 segments, R = 9 with the code; A: C = 10, O = 6, E = 9 * 10 / 35 = 2.5714;
    // (6 - 2.5714) / sqrt(2.5714 * (1 - 9/35) * (1 - 10/35)) = 2.9352.
    assertEquals(2.9352, table.residual(RECIPROCITY, "A"), 1e-4);
    assertEquals(-2.4562, table.residual(RECIPROCITY, "B"), 1e-4);
    assertEquals(-0.3158, table.residual(RECIPROCITY, "C"), 1e-4);
    // The parent tension counts the segments of its codes.
    assertEquals(6, table.count("power", "A"));
    assertTrue(Double.isNaN(table.residual(JARGON, "A")), "a code on no segment has no residual");
  }

  @Test
  void withTwoCasesTheSquaredResidualIsTheChiSquareOfTheTwoByTwoTable() throws Exception {
    Tabulation tab = new Tabulation(codebook(), 3);
    tab.add(transcript("A", 10, 6, RECIPROCITY, "Ann"));
    tab.add(transcript("B", 10, 1, RECIPROCITY, "Bob"));
    // chi-square = N (ad - bc)^2 / (row and column totals) = 20 * (6*9 - 4*1)^2 / (7*13*10*10)
    double chiSquare = 20.0 * Math.pow(6 * 9 - 4 * 1, 2) / (7 * 13 * 10 * 10);
    double residual = tab.byCase().residual(RECIPROCITY, "A");
    assertEquals(chiSquare, residual * residual, 1e-9);
    assertEquals(-residual, tab.byCase().residual(RECIPROCITY, "B"), 1e-9);
  }

  @Test
  void rejectedCodingsDoNotCountAndCodesThatShareSegmentsAreCounted() throws Exception {
    CodedTranscript base = transcript("A", 4, 3, RECIPROCITY, "Ann");
    List<Coding> codings = new ArrayList<>(base.codings());
    Segment first = base.segments().get(0);
    Segment second = base.segments().get(1);
    codings.add(
        new Coding(first.id(), JARGON, "rule", 0.9, List.of(), CodingStatus.ACCEPTED, "v1"));
    codings.add(
        new Coding(second.id(), JARGON, "alice", 1, List.of(), CodingStatus.REJECTED, "v1"));
    Tabulation tab = new Tabulation(codebook(), 3);
    tab.add(new CodedTranscript(base.transcript(), base.segments(), codings));
    CoOccurrence co = tab.coOccurrence();
    assertEquals(3, co.count(RECIPROCITY));
    assertEquals(1, co.count(JARGON), "the rejected coding is left out");
    assertEquals(1, co.count(RECIPROCITY, JARGON));
    assertEquals(1, co.count("power", "language"), "tensions share the segment too");
    assertEquals(1 / 3.0, co.overlap(RECIPROCITY, JARGON), 1e-12);
    assertEquals(5, tab.byStatus().values().stream().mapToInt(i -> i).sum());
  }

  @Test
  void quotesAreTheMostConfidentOnePerSpeakerFirstWithTheirEvidence() throws Exception {
    Tabulation tab = new Tabulation(codebook(), 3);
    // Six coded turns, alternating Ann and Bob; confidence rises with the turn number.
    tab.add(transcript("A", 8, 6, RECIPROCITY, "Ann", "Bob", "Ann", "Ann", "Ann", "Cat"));
    List<Quote> quotes = tab.exemplars().of(RECIPROCITY, "A");
    assertEquals(3, quotes.size());
    // Turns 0-5: Ann, Bob, Ann, Ann, Ann, Cat; the most confident is Cat's turn 5, then Ann's
    // turn 4, then Bob's turn 1 (before Ann's turn 3, as Ann already has a quote).
    assertEquals(List.of("Cat", "Ann", "Bob"), quotes.stream().map(Quote::speaker).toList());
    assertEquals(0.55, quotes.get(0).confidence(), 1e-12);
    Quote q = quotes.get(0);
    Span evidence = q.evidence().get(0);
    assertEquals("people", q.text().substring(evidence.begin(), evidence.end()));
    assertTrue(tab.exemplars().of(RECIPROCITY, "B").isEmpty());
  }
}
