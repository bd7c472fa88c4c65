package org.aet.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * How labelled segments are dealt into cross-validation folds. By default all the segments of one
 * transcript (or case) go into one fold, so a model is always judged on conversations it has not
 * seen: the turns of one hearing share speakers, topics and words, and a model judged on other
 * turns of a hearing it learned from is judged on that hearing's topic words as much as on the
 * codes. With no more transcripts than folds each transcript is a fold of its own
 * (leave-one-transcript-out); with more, whole transcripts are dealt into the folds. Dealing single
 * segments remains as an option, and says that it leaks.
 *
 * @param foldOf which fold each segment is in
 * @param count how many folds there are (1: no cross-validation was possible)
 * @param scheme how the segments were dealt
 * @param transcripts how many transcripts the segments come from
 */
public record Folds(int[] foldOf, int count, Scheme scheme, int transcripts) {
  /** How segments are dealt. */
  public enum Scheme {
    /** Each transcript a fold of its own. */
    LEAVE_ONE_TRANSCRIPT_OUT,
    /** Whole transcripts dealt into k folds. */
    BY_TRANSCRIPT,
    /** Single segments dealt into k folds: turns of one transcript on both sides. */
    BY_SEGMENT
  }

  public Folds {
    foldOf = foldOf.clone();
  }

  @Override
  public int[] foldOf() {
    return foldOf.clone();
  }

  /** The fold segment {@code i} is in. */
  public int of(int i) {
    return foldOf[i];
  }

  /** Whether the folds put turns of one transcript on both sides, so that the figures leak. */
  public boolean leaks() {
    return scheme == Scheme.BY_SEGMENT && count > 1;
  }

  /**
   * The transcript a segment belongs to: the part of its id before {@code @} (aet's segment ids are
   * {@code transcript@begin-end}); an id without one is a transcript of its own.
   */
  public static String transcriptOf(String segmentId) {
    int at = segmentId.lastIndexOf('@');
    return at < 0 ? segmentId : segmentId.substring(0, at);
  }

  /**
   * Folds that keep each transcript whole: leave-one-transcript-out when there are no more
   * transcripts than {@code k}, otherwise the transcripts, shuffled by {@code seed} and then taken
   * largest first, each go to the fold with the fewest segments so far. One transcript gives one
   * fold: it cannot be judged on a transcript it has not seen.
   *
   * @param transcripts each segment's transcript (or case)
   */
  public static Folds byTranscript(List<String> transcripts, int k, long seed) {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (String t : new TreeSet<>(transcripts)) {
      sizes.put(t, 0);
    }
    transcripts.forEach(t -> sizes.merge(t, 1, Integer::sum));
    int n = sizes.size();
    Map<String, Integer> foldOfTranscript = new LinkedHashMap<>();
    Scheme scheme;
    int count;
    if (k < 2) {
      return new Folds(new int[transcripts.size()], 1, Scheme.BY_TRANSCRIPT, n);
    }
    if (n <= k) {
      scheme = Scheme.LEAVE_ONE_TRANSCRIPT_OUT;
      count = n <= 1 ? 1 : n;
      for (String t : sizes.keySet()) {
        foldOfTranscript.put(t, n <= 1 ? 0 : foldOfTranscript.size());
      }
    } else {
      scheme = Scheme.BY_TRANSCRIPT;
      count = k;
      List<String> order = new ArrayList<>(sizes.keySet());
      Collections.shuffle(order, new Random(seed));
      order.sort((a, b) -> Integer.compare(sizes.get(b), sizes.get(a)));
      int[] filled = new int[k];
      for (String t : order) {
        int emptiest = 0;
        for (int f = 1; f < k; f++) {
          emptiest = filled[f] < filled[emptiest] ? f : emptiest;
        }
        foldOfTranscript.put(t, emptiest);
        filled[emptiest] += sizes.get(t);
      }
    }
    int[] foldOf = new int[transcripts.size()];
    for (int i = 0; i < foldOf.length; i++) {
      foldOf[i] = foldOfTranscript.get(transcripts.get(i));
    }
    return new Folds(foldOf, count, scheme, n);
  }

  /**
   * Folds that deal single segments, shuffled by {@code seed}: turns of one transcript end up on
   * both sides, so the figures they give are optimistic ({@link #leaks()}).
   */
  public static Folds bySegment(List<String> transcripts, int k, long seed) {
    int size = transcripts.size();
    int count = Math.max(1, Math.min(k, size));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int[] foldOf = new int[size];
    for (int position = 0; position < size; position++) {
      foldOf[order.get(position)] = position % count;
    }
    return new Folds(foldOf, count, Scheme.BY_SEGMENT, new TreeSet<>(transcripts).size());
  }

  /** How the folds were made, in words for a report ("leave-one-transcript-out over 7 ..."). */
  public String description() {
    if (count <= 1) {
      return transcripts <= 1
          ? "no cross-validation: the segments come from one transcript, and a model cannot be"
              + " judged on a transcript it has not seen"
          : "no cross-validation";
    }
    return switch (scheme) {
      case LEAVE_ONE_TRANSCRIPT_OUT ->
          "leave-one-transcript-out over " + transcripts + " transcripts";
      case BY_TRANSCRIPT ->
          count
              + "-fold by transcript over "
              + transcripts
              + " transcripts (a transcript's turns"
              + " are never split)";
      case BY_SEGMENT ->
          count
              + "-fold by segment: turns of one transcript are split between training and"
              + " judging, so these figures LEAK (a transcript's topic words give its codes away)"
              + " and are optimistic for transcripts not yet coded";
    };
  }
}
