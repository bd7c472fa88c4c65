package org.aet.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.model.Coding;
import org.aet.model.Evidence;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.Transcript;

/**
 * A few quotes for every code in every case, chosen for confidence and variety: the most confident
 * codings first, but one per speaker before a second from the same speaker, so that one talkative
 * leader does not stand for a whole partnership. Only a bounded number of candidates is kept per
 * code and case, so memory does not grow with the corpus.
 */
public final class Exemplars {
  private static final int CANDIDATES_PER_CELL = 24;
  private static final Comparator<Quote> MOST_CONFIDENT =
      Comparator.comparingDouble(Quote::confidence).reversed();

  private final int perCell;
  private final Map<String, Map<String, List<Quote>>> byCodeAndCase = new LinkedHashMap<>();

  /** Exemplars with up to {@code perCell} quotes per code and case. */
  public Exemplars(int perCell) {
    this.perCell = perCell;
  }

  /** Offers {@code segment}, which got the {@code codings} of one code. */
  void add(Transcript transcript, Segment segment, String code, List<Coding> codings) {
    if (perCell == 0) {
      return;
    }
    List<Span> evidence = new ArrayList<>();
    double confidence = 0;
    String source = "";
    for (Coding coding : codings) {
      if (coding.confidence() >= confidence) {
        confidence = coding.confidence();
        source = coding.source();
      }
      for (Evidence e : coding.evidence()) {
        Span within = within(segment, e.span());
        if (within != null && evidence.stream().noneMatch(s -> overlaps(s, within))) {
          evidence.add(within);
        }
      }
    }
    evidence.sort(Comparator.comparingInt(Span::begin));
    Quote quote =
        new Quote(
            segment.id(),
            transcript.caseName(),
            segment.speaker(),
            segment.role(),
            segment.start(),
            segment.text(),
            evidence,
            confidence,
            source);
    List<Quote> cell =
        byCodeAndCase
            .computeIfAbsent(code, k -> new LinkedHashMap<>())
            .computeIfAbsent(group(transcript), k -> new ArrayList<>());
    cell.add(quote);
    if (cell.size() > CANDIDATES_PER_CELL * 2) {
      cell.sort(MOST_CONFIDENT);
      cell.subList(CANDIDATES_PER_CELL, cell.size()).clear();
    }
  }

  private static String group(Transcript transcript) {
    return transcript.caseName().isBlank() ? CodeTable.NONE : transcript.caseName();
  }

  /** The quotes for {@code code} in {@code caseName}, best first; empty when it has none. */
  public List<Quote> of(String code, String caseName) {
    List<Quote> candidates =
        new ArrayList<>(
            byCodeAndCase.getOrDefault(code, Map.of()).getOrDefault(caseName, List.of()));
    candidates.sort(MOST_CONFIDENT); // stable: equally confident quotes stay in transcript order
    List<Quote> chosen = new ArrayList<>();
    Set<String> speakers = new HashSet<>();
    for (Quote quote : candidates) {
      if (chosen.size() < perCell && speakers.add(quote.speaker())) {
        chosen.add(quote);
      }
    }
    for (Quote quote : candidates) {
      if (chosen.size() < perCell && !chosen.contains(quote)) {
        chosen.add(quote);
      }
    }
    chosen.sort(MOST_CONFIDENT);
    return chosen;
  }

  /** {@code span} of the transcript as a span of {@code segment}'s text, or null outside it. */
  private static Span within(Segment segment, Span span) {
    int begin = Math.max(span.begin(), segment.span().begin()) - segment.span().begin();
    int end = Math.min(span.end(), segment.span().end()) - segment.span().begin();
    return begin < end ? new Span(begin, end) : null;
  }

  private static boolean overlaps(Span a, Span b) {
    return a.begin() < b.end() && b.begin() < a.end();
  }
}
