package org.aet.refiqda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.aet.project.ExchangeRecords.Block;

/**
 * A source's own plain text and where aet's text of it lies inside, as {@link Block}s: the map that
 * turns a selection in one into a span of the other. aet's text holds only the words of the turns;
 * a source's text also holds speaker labels and times, as a researcher reads it in NVivo.
 *
 * @param text the source's own plain text
 * @param blocks where aet's text lies in it, in order
 */
record TextLayout(String text, List<Block> blocks) {

  /**
   * The plain text aet writes for {@code transcript}: each turn as {@code [hh:mm:ss] Speaker:
   * words}, turns apart by a blank line, which aet's text reader reads back into the same turns.
   */
  static TextLayout of(Transcript transcript) {
    StringBuilder text = new StringBuilder();
    List<Block> blocks = new ArrayList<>();
    for (Turn turn : transcript.turns()) {
      if (text.length() > 0) {
        text.append("\n\n");
      }
      if (turn.start() != null) {
        text.append('[').append(clock(turn.start())).append("] ");
      }
      text.append(turn.speaker()).append(": ");
      blocks.add(new Block(turn.span().begin(), text.length(), turn.span().length()));
      text.append(turn.text());
    }
    return new TextLayout(text.toString(), blocks);
  }

  /**
   * Where the turns of {@code transcript}, read from {@code text}, lie in it: a turn found as it is
   * is one block; a turn whose spacing was tidied when read is found word by word.
   */
  static TextLayout align(Transcript transcript, String text) {
    List<Block> blocks = new ArrayList<>();
    int cursor = 0;
    for (Turn turn : transcript.turns()) {
      int at = text.indexOf(turn.text(), cursor);
      if (at >= 0) {
        blocks.add(new Block(turn.span().begin(), at, turn.span().length()));
        cursor = at + turn.text().length();
        continue;
      }
      String words = turn.text();
      for (int i = 0; i < words.length(); ) {
        if (Character.isWhitespace(words.charAt(i))) {
          i++;
          continue;
        }
        int end = i;
        while (end < words.length() && !Character.isWhitespace(words.charAt(end))) {
          end++;
        }
        int found = text.indexOf(words.substring(i, end), cursor);
        if (found >= 0) {
          blocks.add(new Block(turn.span().begin() + i, found, end - i));
          cursor = found + end - i;
        }
        i = end;
      }
    }
    return new TextLayout(text, blocks);
  }

  /**
   * The span of aet's text that the source's {@code [begin, end)} covers, or null when it covers
   * none of the words (a selection of a speaker label alone, say).
   */
  Span toAet(int begin, int end) {
    int from = Integer.MAX_VALUE;
    int to = -1;
    for (Block b : blocks) {
      int lo = Math.max(begin, b.sourceBegin());
      int hi = Math.min(end, b.sourceBegin() + b.length());
      if (lo < hi) {
        from = Math.min(from, b.aetBegin() + lo - b.sourceBegin());
        to = Math.max(to, b.aetBegin() + hi - b.sourceBegin());
      }
    }
    return to < 0 ? null : new Span(from, to);
  }

  /** Where aet's {@code span} lies in the source's text. */
  Span toSource(Span span) {
    int from = -1;
    int to = -1;
    for (Block b : blocks) {
      int lo = Math.max(span.begin(), b.aetBegin());
      int hi = Math.min(span.end(), b.aetBegin() + b.length());
      if (lo < hi) {
        if (from < 0) {
          from = b.sourceBegin() + lo - b.aetBegin();
        }
        to = b.sourceBegin() + hi - b.aetBegin();
      }
    }
    return from < 0 ? null : new Span(from, to);
  }

  private static String clock(Duration time) {
    String clock =
        String.format("%02d:%02d:%02d", time.toHours(), time.toMinutesPart(), time.toSecondsPart());
    return time.toMillisPart() == 0 ? clock : clock + String.format(".%03d", time.toMillisPart());
  }
}
