package org.aet.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.aet.model.Evidence;
import org.aet.model.Segment;
import org.aet.model.SentenceWindow;
import org.aet.model.Span;
import org.aet.semantic.Vectors;
import org.aet.testing.Annotated;
import org.junit.jupiter.api.Test;

/**
 * Passage-level learning on turns written for the test: the point a code stands for is one
 * direction of meaning, said in one window of a coded turn, the rest of every turn is other talk.
 */
class PassageModelTest {
  private static final String CODE = "motivation-structure/structural-issues";
  private static final int DIMENSIONS = 8;

  /** Other talk: meaning away from the point, much of it alike (hearings talk of the hearing). */
  private static float[] talk(Random random) {
    float[] v = new float[DIMENSIONS];
    for (int i = 1; i < DIMENSIONS; i++) {
      v[i] = (float) random.nextGaussian();
    }
    v[1] += 3;
    v[0] = (float) (0.2 * random.nextGaussian());
    return Vectors.normalised(v);
  }

  /** The point, said in a window of its own. */
  private static float[] point(Random random) {
    float[] v = talk(random);
    v[0] += 3;
    return Vectors.normalised(v);
  }

  private static PassageModel.Turn turn(
      String transcript, int n, int windows, int carrying, Random random) {
    List<PassageModel.Window> list = new ArrayList<>();
    for (int w = 0; w < windows; w++) {
      list.add(
          new PassageModel.Window(
              new Span(n * 1000 + w * 10, n * 1000 + w * 10 + 9),
              w == carrying ? point(random) : talk(random),
              List.of()));
    }
    String id = transcript + "@" + n * 1000 + "-" + (n * 1000 + windows * 10);
    return new PassageModel.Turn(id, transcript, list, carrying >= 0 ? Set.of(CODE) : Set.of());
  }

  private static List<PassageModel.Turn> coded(Random random) {
    List<PassageModel.Turn> turns = new ArrayList<>();
    for (String t : List.of("one", "two", "three")) {
      for (int n = 0; n < 40; n++) {
        boolean has = n % 5 == 0;
        turns.add(turn(t, n, 6, has ? n % 6 : -1, random));
      }
    }
    return turns;
  }

  @Test
  void theBestWindowCarriesTheScoreOfALongTurn() {
    Random random = new Random(11);
    PassageModel model =
        PassageModel.train(coded(random), List.of(CODE), 2, PassageModel.Options.ALL);
    PassageModel.Turn longTurn = turn("new", 1, 12, 7, random);
    PassageModel.Score score = model.score(CODE, longTurn);
    assertEquals(7, score.window(), "the window that makes the point");
    assertTrue(score.probability() > 0.5, "p = " + score.probability());
    assertNotEquals("new", score.nearest().transcript(), "like a passage coded elsewhere");
    assertTrue(score.nearest().segmentId().startsWith(score.nearest().transcript() + "@"));
    assertTrue(score.similarity() > 0.5, "similarity " + score.similarity());
    for (int n = 2; n < 30; n++) {
      PassageModel.Turn other = turn("new", n, 12, -1, random);
      assertTrue(
          model.score(CODE, other).probability() < score.probability(),
          "a turn of other talk scores below the one that makes the point");
    }
  }

  @Test
  void theTurnMeanDilutesThePointOfALongTurn() {
    Random random = new Random(12);
    List<PassageModel.Turn> training = coded(random);
    PassageModel windows =
        PassageModel.train(
            training, List.of(CODE), 2, new PassageModel.Options(true, true, false, false));
    PassageModel mean = PassageModel.train(training, List.of(CODE), 2, PassageModel.Options.TURN);
    int windowsFound = 0;
    int meanFound = 0;
    for (int n = 0; n < 40; n++) {
      PassageModel.Turn coded = turn("new", n, 24, n % 24, random);
      windowsFound += windows.score(CODE, coded).probability() > 0.5 ? 1 : 0;
      meanFound += mean.score(CODE, coded).probability() > 0.5 ? 1 : 0;
    }
    assertEquals(40, windowsFound, "the best window finds every long coded turn");
    assertTrue(meanFound < 20, "the mean of 24 windows misses most: found " + meanFound);
  }

  @Test
  void theEvidenceIsTheWindowThatCarriesTheScore() {
    Random random = new Random(13);
    PassageModel model =
        PassageModel.train(coded(random), List.of(CODE), 2, PassageModel.Options.ALL);
    String text =
        "Thank you for having us. We met the heads last week. There is no money left for staff.";
    Segment plain = Annotated.segment(text);
    int second = text.indexOf("We met");
    int third = text.indexOf("There is");
    Segment segment =
        plain.withWindows(
            List.of(
                new SentenceWindow(new Span(0, second - 1), talk(random)),
                new SentenceWindow(new Span(second, third - 1), talk(random)),
                new SentenceWindow(new Span(third, text.length()), point(random))));
    PassageModel.Score score = model.score(CODE, PassageModel.Turn.of(segment, "t", Set.of()));
    Evidence evidence = model.evidence(segment, score);
    assertEquals("There is no money left for staff.", evidence.text());
    assertEquals(new Span(third, text.length()), evidence.span());
    assertTrue(
        evidence.rule().contains("like the passage you coded in " + score.nearest().segmentId()),
        evidence.rule());
  }
}
