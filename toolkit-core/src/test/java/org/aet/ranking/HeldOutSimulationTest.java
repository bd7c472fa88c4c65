package org.aet.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.evaluation.LabelledSegment;
import org.aet.learning.LearnedModel;
import org.aet.learning.Trainer;
import org.aet.model.Segment;
import org.aet.model.SentenceWindow;
import org.aet.model.Span;
import org.aet.model.Token;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.semantic.Vectors;
import org.junit.jupiter.api.Test;

/**
 * Ranked review with first rounds ranked by a model learned elsewhere, and the held-out replay that
 * measures it, on segments written for the test where the answer is known.
 */
class HeldOutSimulationTest {
  private static final String CODE = "motivation-structure/structural-issues";

  /** A segment of {@code transcript} saying {@code text}, with real tokens and a random meaning. */
  private static Segment segment(String transcript, int i, String text, Random random) {
    List<Token> tokens =
        text.isEmpty() ? List.of() : CoreNlpAnnotator.shared().annotate(text).tokens();
    float[] meaning = new float[8];
    for (int j = 0; j < meaning.length; j++) {
      meaning[j] = (float) random.nextGaussian();
    }
    Span span = new Span(i * 1000, i * 1000 + text.length());
    return new Segment(
            Segment.idFor(transcript, span), transcript, i, "Speaker", "", null, span, text, tokens)
        .withWindows(List.of(new SentenceWindow(span, Vectors.normalised(meaning))));
  }

  private static final String[] FUNDED = {
    "The budget cuts left the service without enough staff.",
    "There is simply no funding for the posts we need.",
    "Our budget was cut again and the staff shortage is worse.",
    "Without funding the councils cannot keep enough staff."
  };
  private static final String[] PLAIN = {
    "Thank you, chair, for the question.",
    "We visited the school last week.",
    "The report was published in March.",
    "I agree with what was said earlier.",
    "Could you say more about the timetable?"
  };

  @Test
  void aPriorModelThatKnowsTheCodeRanksItsPassagesFirst() throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    List<LabelledSegment> elsewhere = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean coded = i % 4 == 0;
      String text = coded ? FUNDED[i / 4 % FUNDED.length] : PLAIN[i % PLAIN.length];
      elsewhere.add(
          new LabelledSegment(
              "other_" + (i % 3) + "@" + i * 100 + "-" + (i * 100 + 50),
              text,
              coded ? List.of(CODE) : List.of()));
    }
    List<Trainer.Example> examples =
        Trainer.examples(
            elsewhere,
            book,
            CoreNlpAnnotator.shared(),
            null,
            new ArrayList<>(),
            ProgressListener.SILENT);
    LearnedModel model =
        Trainer.train(book, examples, new Trainer.Options(Trainer.Algorithm.LOGISTIC, 0, 42, 2));
    Random random = new Random(5);
    List<Segment> project = new ArrayList<>();
    Set<String> relevant = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      boolean coded = i % 6 == 5;
      Segment s =
          segment("new", i, coded ? FUNDED[i % FUNDED.length] : PLAIN[i % PLAIN.length], random);
      project.add(s);
      if (coded) {
        relevant.add(s.id());
      }
    }
    ReviewTarget any = ReviewTarget.of(book).get(0);
    List<ReviewRanking.Item> items = new ArrayList<>();
    for (ScoredSegment s : ScoredSegment.of(project, Prior.model(model, book, "test"))) {
      items.add(new ReviewRanking.Item(s.id(), s.features(), any.prior(s.priorByCode())));
    }
    ReviewRanking.Ranked first = new ReviewRanking(items).rank(Map.of());
    assertEquals(ReviewRanking.Basis.CODEBOOK, first.basis(), "no team coding yet");
    assertEquals(
        relevant,
        new HashSet<>(first.segmentIds().subList(0, relevant.size())),
        "the model learned elsewhere puts the passages it knows first: " + first.segmentIds());
  }

  /** Three transcripts of 100 segments, 10 of each with the code, said with the word "funding". */
  private record Corpus(List<Segment> segments, Map<String, List<String>> gold) {
    static Corpus written(Random random) {
      List<Segment> segments = new ArrayList<>();
      Map<String, List<String>> gold = new LinkedHashMap<>();
      for (String t : List.of("alpha", "beta", "gamma")) {
        for (int i = 0; i < 100; i++) {
          boolean coded = i % 10 == 3;
          Segment s = segment(t, i, "", random);
          segments.add(coded ? withText(s, "funding") : s);
          gold.put(s.id(), coded ? List.of(CODE) : List.of());
        }
      }
      return new Corpus(segments, gold);
    }

    private static Segment withText(Segment s, String text) {
      return new Segment(
          s.id(),
          s.transcriptId(),
          s.turnIndex(),
          s.speaker(),
          s.role(),
          s.start(),
          s.span(),
          text,
          s.tokens(),
          s.indicators(),
          s.windows());
    }

    List<Trainer.Example> examples() {
      return segments.stream()
          .map(
              s ->
                  new Trainer.Example(
                      List.of(s.text()), null, Set.copyOf(gold.get(s.id())), s.transcriptId()))
          .toList();
    }
  }

  /** A prior that knows the code: 1 for a segment that says "funding". */
  private static final Prior KNOWS =
      new Prior() {
        @Override
        public Map<String, Double> byCode(Segment segment) {
          return Map.of("structural-issues", segment.text().contains("funding") ? 1.0 : 0.0);
        }

        @Override
        public String description() {
          return "knows";
        }
      };

  private static final Prior NOTHING =
      new Prior() {
        @Override
        public Map<String, Double> byCode(Segment segment) {
          return Map.of();
        }

        @Override
        public String description() {
          return "nothing";
        }
      };

  @Test
  void theHeldOutTranscriptIsNeverLearnedFrom() throws Exception {
    Corpus corpus = Corpus.written(new Random(6));
    List<Set<String>> learnedFrom = new ArrayList<>();
    List<HeldOutSimulation.Held> held =
        HeldOutSimulation.run(
            corpus.segments(),
            corpus.gold(),
            corpus.examples(),
            Codebooks.load("four-tensions"),
            NOTHING,
            others -> {
              learnedFrom.add(
                  new TreeSet<>(others.stream().map(Trainer.Example::transcript).toList()));
              return KNOWS;
            },
            10,
            7,
            ProgressListener.SILENT);
    assertEquals(
        List.of("alpha", "beta", "gamma"), held.stream().map(h -> h.transcript()).toList());
    assertEquals(
        List.of(Set.of("beta", "gamma"), Set.of("alpha", "gamma"), Set.of("alpha", "beta")),
        learnedFrom,
        "each prior learned from the other transcripts only");
    for (HeldOutSimulation.Held h : held) {
      for (HeldOutSimulation.Arm arm : HeldOutSimulation.Arm.values()) {
        ReviewSimulation.Outcome any = HeldOutSimulation.outcome(arm.of(h), ReviewTarget.ANY);
        assertEquals(100, any.segments(), "only the held-out transcript is replayed");
        assertEquals(10, any.relevant());
      }
    }
  }

  @Test
  void aKnowingPriorSavesReadingAndTheShuffledControlSavesAboutNothing() throws Exception {
    Corpus corpus = Corpus.written(new Random(8));
    List<HeldOutSimulation.Held> held =
        HeldOutSimulation.run(
            corpus.segments(),
            corpus.gold(),
            corpus.examples(),
            Codebooks.load("four-tensions"),
            NOTHING,
            others -> KNOWS,
            10,
            7,
            ProgressListener.SILENT);
    double learned =
        HeldOutSimulation.mean(
            held, HeldOutSimulation.Arm.LEARNED, ReviewTarget.ANY, o -> o.wss(0.95));
    double codebook =
        HeldOutSimulation.mean(
            held, HeldOutSimulation.Arm.CODEBOOK, ReviewTarget.ANY, o -> o.wss(0.95));
    double shuffled =
        HeldOutSimulation.mean(
            held, HeldOutSimulation.Arm.SHUFFLED, ReviewTarget.ANY, o -> o.wss(0.95));
    assertEquals((100 - 10) / 100.0 - 0.05, learned, 1e-9, "read the 10 first, then stop");
    assertTrue(codebook < learned - 0.3, "a prior that knows nothing: " + codebook);
    assertTrue(Math.abs(shuffled) < 0.2, "shuffled labels: " + shuffled);
    for (HeldOutSimulation.Held h : held) {
      HeldOutSimulation.Stop stop = HeldOutSimulation.stop(h.modelFirst());
      assertEquals(stop.relevant(), stop.found(), "stopping when the estimate falls below 1");
      assertFalse(stop.read() > 100);
    }
  }
}
