package org.aet.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aet.model.Participant;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.aet.model.Words;

/**
 * What a transcript holds, in numbers: what {@code aet inspect} shows so a researcher can check an
 * import before trusting it.
 *
 * @param turns number of turns
 * @param words number of words
 * @param duration from the first to the last time given, or null when the transcript has no times
 * @param speakers each speaker with role, turns and words, in order of first appearance
 */
public record TranscriptStats(
    int turns, int words, Duration duration, List<SpeakerStats> speakers) {
  /** One speaker's share of the conversation. */
  public record SpeakerStats(String name, String role, int turns, int words) {}

  public static TranscriptStats of(Transcript transcript) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Duration first = null;
    Duration last = null;
    for (Turn turn : transcript.turns()) {
      int[] count = counts.computeIfAbsent(turn.speaker(), s -> new int[2]);
      count[0]++;
      count[1] += Words.count(turn.text());
      for (Duration time : new Duration[] {turn.start(), turn.end()}) {
        if (time != null) {
          first = first == null || time.compareTo(first) < 0 ? time : first;
          last = last == null || time.compareTo(last) > 0 ? time : last;
        }
      }
    }
    List<SpeakerStats> speakers =
        transcript.participants().stream()
            .map(Participant::name)
            .map(
                name ->
                    new SpeakerStats(
                        name, transcript.roleOf(name), counts.get(name)[0], counts.get(name)[1]))
            .toList();
    return new TranscriptStats(
        transcript.turns().size(),
        transcript.wordCount(),
        first == null ? null : last.minus(first),
        speakers);
  }
}
