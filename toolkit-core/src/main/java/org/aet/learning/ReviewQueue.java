package org.aet.learning;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.aet.export.SpreadsheetText;
import org.aet.io.AtomicOutput;
import org.aet.model.Segment;

/**
 * The segments a team's judgement teaches the model most about: every (segment, code) the model
 * scored, ranked by uncertainty, {@code 1 - |2p - 1|}, which is 1 where the model cannot tell (p =
 * 0.5) and 0 where it is sure. Reviewing from the top of the list and training again improves the
 * model fastest (uncertainty sampling). Thread-safe: coders on several threads add to one queue.
 */
public final class ReviewQueue {
  /** One scored (segment, code). */
  public record Entry(
      String segmentId,
      String transcriptId,
      String speaker,
      String text,
      String code,
      double probability) {
    public double uncertainty() {
      return 1 - Math.abs(2 * probability - 1);
    }
  }

  private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

  void add(Segment segment, String code, double probability) {
    entries.add(
        new Entry(
            segment.id(),
            segment.transcriptId(),
            segment.speaker(),
            segment.text(),
            code,
            probability));
  }

  /**
   * Every entry, most uncertain first (ties in segment and code order, so the ranking is
   * reproducible).
   */
  public List<Entry> ranked() {
    List<Entry> ranked = new ArrayList<>(entries);
    ranked.sort(
        Comparator.comparingDouble(Entry::uncertainty)
            .reversed()
            .thenComparing(Entry::segmentId)
            .thenComparing(Entry::code));
    return ranked;
  }

  /**
   * Writes the ranked queue as CSV: rank, uncertainty, probability, code, segment id, transcript,
   * speaker, text.
   */
  public void write(Path target) throws IOException {
    try (AtomicOutput output = new AtomicOutput(target)) {
      try (BufferedWriter out =
          Files.newBufferedWriter(output.temporary(), StandardCharsets.UTF_8)) {
        out.write(
            SpreadsheetText.CSV_BOM
                + SpreadsheetText.csvRow(
                    List.of(
                        "rank",
                        "uncertainty",
                        "probability",
                        "code",
                        "segment_id",
                        "transcript",
                        "speaker",
                        "text")));
        int rank = 1;
        for (Entry entry : ranked()) {
          out.write(
              SpreadsheetText.csvRow(
                  List.of(
                      rank++,
                      String.format(Locale.ROOT, "%.3f", entry.uncertainty()),
                      String.format(Locale.ROOT, "%.3f", entry.probability()),
                      entry.code(),
                      entry.segmentId(),
                      entry.transcriptId(),
                      entry.speaker(),
                      entry.text())));
        }
      }
      output.commit();
    }
  }
}
