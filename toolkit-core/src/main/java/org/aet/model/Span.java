package org.aet.model;

/**
 * A half-open character range {@code [begin, end)} into a transcript's text. Every quotation aet
 * shows (a turn, a segment, a piece of evidence) carries one, so it can always be found again in
 * the text exactly as stored.
 */
public record Span(int begin, int end) {
  public Span {
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("invalid span [" + begin + ", " + end + ")");
    }
  }

  public int length() {
    return end - begin;
  }

  /** True when {@code other} lies wholly inside this span. */
  public boolean contains(Span other) {
    return other.begin >= begin && other.end <= end;
  }

  /** The text this span covers in {@code text}. */
  public String of(CharSequence text) {
    return text.subSequence(begin, end).toString();
  }
}
