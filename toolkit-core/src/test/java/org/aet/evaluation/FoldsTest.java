package org.aet.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldsTest {
  /** Transcript "t0" has 3 segments, "t1" 4, ... interleaved as a labelled file may list them. */
  private static List<String> transcripts(int count) {
    List<String> transcripts = new ArrayList<>();
    for (int round = 0; round < count + 3; round++) {
      for (int t = 0; t < count; t++) {
        if (round < t + 3) {
          transcripts.add("t" + t);
        }
      }
    }
    return transcripts;
  }

  private static void assertNoTranscriptSplit(List<String> transcripts, Folds folds) {
    Map<String, Integer> foldOf = new HashMap<>();
    for (int i = 0; i < transcripts.size(); i++) {
      Integer before = foldOf.putIfAbsent(transcripts.get(i), folds.of(i));
      assertTrue(
          before == null || before == folds.of(i), transcripts.get(i) + " is split between folds");
    }
  }

  @Test
  void aTranscriptIdIsThePartOfASegmentIdBeforeTheAt() {
    assertEquals("education_11", Folds.transcriptOf("education_11@23644-24322"));
    assertEquals("a@b", Folds.transcriptOf("a@b@1-2"), "the last @ starts the span");
    assertEquals("pay-3", Folds.transcriptOf("pay-3"), "no @: a transcript of its own");
  }

  @Test
  void fewTranscriptsAreLeftOutOneByOne() {
    List<String> transcripts = transcripts(3);
    Folds folds = Folds.byTranscript(transcripts, 5, 42);
    assertEquals(Folds.Scheme.LEAVE_ONE_TRANSCRIPT_OUT, folds.scheme());
    assertEquals(3, folds.count());
    assertNoTranscriptSplit(transcripts, folds);
    assertFalse(folds.leaks());
    assertTrue(folds.description().startsWith("leave-one-transcript-out over 3"));
  }

  @Test
  void manyTranscriptsAreDealtWholeIntoBalancedFoldsTheSameWayForASeed() {
    List<String> transcripts = transcripts(12);
    Folds folds = Folds.byTranscript(transcripts, 5, 42);
    assertEquals(Folds.Scheme.BY_TRANSCRIPT, folds.scheme());
    assertEquals(5, folds.count());
    assertNoTranscriptSplit(transcripts, folds);
    int[] sizes = new int[5];
    for (int f : folds.foldOf()) {
      sizes[f]++;
    }
    for (int size : sizes) {
      assertTrue(size >= 17 && size <= 24, "roughly a fifth of 102 segments each: " + size);
    }
    assertArrayEquals(folds.foldOf(), Folds.byTranscript(transcripts, 5, 42).foldOf());
  }

  @Test
  void oneTranscriptCannotBeCrossValidatedByTranscript() {
    Folds folds = Folds.byTranscript(List.of("t", "t", "t"), 5, 42);
    assertEquals(1, folds.count());
    assertTrue(folds.description().startsWith("no cross-validation"));
  }

  @Test
  void dealingSegmentsSplitsTranscriptsAndSaysItLeaks() {
    List<String> transcripts = transcripts(3);
    Folds folds = Folds.bySegment(transcripts, 5, 42);
    assertTrue(folds.leaks());
    assertTrue(folds.description().contains("LEAK"));
    boolean split = false;
    for (int i = 1; i < transcripts.size(); i++) {
      for (int j = 0; j < i; j++) {
        split |= transcripts.get(i).equals(transcripts.get(j)) && folds.of(i) != folds.of(j);
      }
    }
    assertTrue(split);
  }
}
