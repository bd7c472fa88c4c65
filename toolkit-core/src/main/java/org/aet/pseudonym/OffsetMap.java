package org.aet.pseudonym;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aet.model.Span;

/**
 * Where positions in a text moved to when names in it were replaced: a span that covered a name
 * covers its pseudonym, and a span next to one shifts by the difference in length, so codings and
 * evidence stay on the same words.
 */
final class OffsetMap {
  static final OffsetMap IDENTITY = new OffsetMap(new int[0][]);

  /** Replaced ranges, in order: old begin, old end, new begin, new end. */
  private final int[][] edits;

  private OffsetMap(int[][] edits) {
    this.edits = edits;
  }

  /** Where {@code span} of the old text stands in the new text. */
  Span map(Span span) {
    int begin = mapBegin(span.begin());
    return new Span(begin, Math.max(begin, mapEnd(span.end())));
  }

  private int mapBegin(int position) {
    int k = last(position, true);
    if (k < 0) {
      return position;
    }
    int[] e = edits[k];
    return position < e[1] ? e[2] : position + e[3] - e[1];
  }

  private int mapEnd(int position) {
    int k = last(position, false);
    if (k < 0) {
      return position;
    }
    int[] e = edits[k];
    return position <= e[1] ? e[3] : position + e[3] - e[1];
  }

  /** The last edit starting at or before (or, for an end, strictly before) {@code position}. */
  private int last(int position, boolean atOrBefore) {
    int low = 0;
    int high = edits.length - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int begin = edits[mid][0];
      if (atOrBefore ? begin <= position : begin < position) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  static final class Builder {
    private final List<int[]> edits = new ArrayList<>();

    void add(int oldBegin, int oldEnd, int newBegin, int newEnd) {
      edits.add(new int[] {oldBegin, oldEnd, newBegin, newEnd});
    }

    OffsetMap build() {
      return new OffsetMap(edits.toArray(int[][]::new));
    }
  }

  @Override
  public String toString() {
    return Arrays.deepToString(edits);
  }
}
