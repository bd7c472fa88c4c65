package org.aet.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.ingest.Timestamps;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.Evidence;
import org.aet.model.Indicators;
import org.aet.model.Review;
import org.aet.model.Segment;
import org.aet.model.Transcript;

/**
 * The two tables every export is made of, defined once so the xlsx, csv and jsonl files always
 * agree: the coded segments (one row per coding) and the segments (one row per segment, coded or
 * not). For people's decisions both say, per segment, whether it was coded, decided with no code,
 * or not reviewed, who decided it, and every memo on it with who wrote it.
 */
public final class CodingTable {
  private CodingTable() {}

  /**
   * One coding with everything needed to describe it, or with {@code coding} null a segment that
   * got none; {@code reviews} are the segment's.
   */
  public record CodingRow(
      Transcript transcript,
      Segment segment,
      Coding coding,
      Codebook codebook,
      List<Review> reviews) {
    public CodingRow {
      reviews = List.copyOf(reviews);
    }

    Code code() {
      return codebook.code(coding.codeId());
    }
  }

  /** One segment, the codings made on it and its reviews. */
  public record SegmentRow(
      Transcript transcript,
      Segment segment,
      List<Coding> codings,
      Codebook codebook,
      Indicators indicators,
      List<Review> reviews) {
    public SegmentRow {
      codings = List.copyOf(codings);
      reviews = List.copyOf(reviews);
    }
  }

  /** What the people's decisions say about one segment, in every export of them. */
  public enum ReviewStatus {
    /** Someone decided which codes apply, and some do. */
    CODED("coded"),
    /** Someone decided it and chose no code. */
    NO_CODE("no code applies"),
    /** Nobody decided it (a memo alone is not a decision). */
    NOT_REVIEWED("not reviewed");

    private final String label;

    ReviewStatus(String label) {
      this.label = label;
    }

    /** The words in exports: "coded", "no code applies", "not reviewed". */
    public String label() {
      return label;
    }

    /** The state of a segment with or without codings ({@code coded}) and these reviews. */
    public static ReviewStatus of(boolean coded, List<Review> reviews) {
      return coded ? CODED : reviews.stream().anyMatch(Review::decided) ? NO_CODE : NOT_REVIEWED;
    }
  }

  /** The keys of the columns that describe a coding: empty on a row of a segment without one. */
  static final java.util.Set<String> CODING_KEYS =
      java.util.Set.of(
          "code_name",
          "tension",
          "code_path",
          "source",
          "confidence",
          "status",
          "evidence",
          "memo",
          "codebook");

  /** Who decided a segment, each once, in order ("alice", "bob", "consensus"). */
  public static List<String> reviewers(List<Review> reviews) {
    return reviews.stream().filter(Review::decided).map(Review::reviewer).distinct().toList();
  }

  /** The memos on a segment as people read them: {@code alice: text; bob: text}. */
  public static String memos(List<Review> reviews) {
    return reviews.stream()
        .filter(r -> !r.memo().isBlank())
        .map(r -> r.reviewer() + ": " + r.memo())
        .collect(Collectors.joining("; "));
  }

  /** The value of {@code column} on {@code row}: null for a coding's column on a row without. */
  static Object value(Column<CodingRow> column, CodingRow row) {
    return row.coding() == null && CODING_KEYS.contains(column.key())
        ? null
        : column.value().apply(row);
  }

  /**
   * A column: its machine key (used in jsonl and as the csv header), the header people see in xlsx,
   * a width in characters, whether its text is long (wrapped), and how to get its value (a String
   * or a Number).
   */
  public record Column<R>(
      String key, String header, int width, boolean longText, Function<R, Object> value) {}

  /**
   * The columns that say which segment a row is about (transcript, case, speaker, role, start,
   * text), the same in every table.
   */
  private static <R> List<Column<R>> segmentColumns(
      Function<R, Transcript> transcript, Function<R, Segment> segment, int textWidth) {
    return List.of(
        new Column<>("transcript", "Transcript", 22, false, r -> transcript.apply(r).id()),
        new Column<>("case", "Case", 18, false, r -> transcript.apply(r).caseName()),
        new Column<>("speaker", "Speaker", 18, false, r -> segment.apply(r).speaker()),
        new Column<>("role", "Role", 16, false, r -> segment.apply(r).role()),
        new Column<>("start", "Start", 10, false, r -> Timestamps.format(segment.apply(r).start())),
        new Column<>("text", "Segment text", textWidth, true, r -> segment.apply(r).text()));
  }

  private static <R> Column<R> segmentIdColumn(Function<R, Segment> segment) {
    return new Column<>("segment_id", "Segment id", 26, false, r -> segment.apply(r).id());
  }

  private static final List<Column<CodingRow>> CODING_COLUMNS =
      concat(
          segmentColumns(CodingRow::transcript, CodingRow::segment, 70),
          List.of(
              new Column<>("code_name", "Code", 26, false, r -> r.code().name()),
              new Column<>(
                  "tension",
                  "Tension",
                  30,
                  false,
                  r -> r.codebook().root(r.coding().codeId()).name()),
              new Column<>(
                  "code_path", "Code path", 26, false, r -> r.codebook().path(r.coding().codeId())),
              new Column<>("source", "Source", 9, false, r -> r.coding().source()),
              new Column<>("confidence", "Confidence", 11, false, r -> r.coding().confidence()),
              new Column<>("status", "Status", 11, false, r -> r.coding().status().label()),
              new Column<>("evidence", "Evidence", 50, true, r -> describe(r.coding().evidence())),
              segmentIdColumn(CodingRow::segment),
              new Column<>(
                  "codebook",
                  "Codebook",
                  22,
                  false,
                  r -> r.codebook().name() + "@" + r.coding().codebookVersion())));

  private static final List<Column<SegmentRow>> SEGMENT_COLUMNS =
      concat(
          segmentColumns(SegmentRow::transcript, SegmentRow::segment, 80),
          List.of(
              new Column<>(
                  "codes",
                  "Suggested codes",
                  40,
                  true,
                  r ->
                      r.codings().stream()
                          .map(c -> r.codebook().path(c.codeId()))
                          .distinct()
                          .collect(Collectors.joining("; "))),
              segmentIdColumn(SegmentRow::segment)));

  /**
   * The columns that say what people decided about a row's segment: its {@link ReviewStatus}, who
   * decided it and every memo on it, with who wrote it.
   */
  private static <R> List<Column<R>> reviewColumns(
      java.util.function.Predicate<R> coded, Function<R, List<Review>> reviews) {
    return List.of(
        new Column<>(
            "review",
            "Review",
            16,
            false,
            r -> ReviewStatus.of(coded.test(r), reviews.apply(r)).label()),
        new Column<>(
            "reviewed_by",
            "Reviewed by",
            16,
            false,
            r -> String.join("; ", reviewers(reviews.apply(r)))),
        new Column<>("memos", "Memos", 40, true, r -> memos(reviews.apply(r))));
  }

  private static <R> List<Column<R>> concat(List<Column<R>> first, List<Column<R>> second) {
    List<Column<R>> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  private static Column<SegmentRow> indicatorColumn(String name) {
    return new Column<>(
        name,
        name.replace('_', ' '),
        11,
        false,
        r -> {
          double value = r.indicators().get(name);
          return Double.isNaN(value) ? "" : Indicators.asNumber(value);
        });
  }

  /**
   * The coded-segments columns, with a column for each of {@code attributes} after the case; for
   * people's decisions ({@code decided}) the source is headed "Decided by" and a memo column
   * follows the evidence.
   */
  public static List<Column<CodingRow>> codingColumns(List<String> attributes, boolean decided) {
    List<Column<CodingRow>> columns = new ArrayList<>(CODING_COLUMNS);
    if (decided) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).key().equals("source")) {
          columns.set(i, new Column<>("source", "Decided by", 14, false, r -> r.coding().source()));
        }
        if (columns.get(i).key().equals("evidence")) {
          columns.add(++i, new Column<>("memo", "Memo", 40, true, r -> r.coding().memo()));
          columns.addAll(++i, reviewColumns(r -> r.coding() != null, CodingRow::reviews));
        }
      }
    }
    return withAttributes(columns, attributes, CodingRow::transcript);
  }

  /**
   * The segments columns, with a column for each of {@code attributes} after the case and one for
   * each of {@code indicators} at the end (and the named actors, when named entities were
   * computed); the codes are headed "Final codes" for people's decisions ({@code decided}).
   */
  public static List<Column<SegmentRow>> segmentColumns(
      List<String> attributes, List<String> indicators, boolean decided) {
    List<Column<SegmentRow>> columns =
        new ArrayList<>(withAttributes(SEGMENT_COLUMNS, attributes, SegmentRow::transcript));
    if (decided) {
      for (int i = 0; i < columns.size(); i++) {
        Column<SegmentRow> column = columns.get(i);
        if (column.key().equals("codes")) {
          columns.set(
              i,
              new Column<>(
                  "codes", "Final codes", column.width(), column.longText(), column.value()));
          columns.addAll(i + 1, reviewColumns(r -> !r.codings().isEmpty(), SegmentRow::reviews));
        }
      }
    }
    indicators.forEach(name -> columns.add(indicatorColumn(name)));
    if (indicators.contains("people")) {
      columns.add(
          new Column<>(
              "named_actors",
              "Named actors",
              40,
              true,
              r -> String.join("; ", Indicators.actors(r.segment().tokens()))));
    }
    return List.copyOf(columns);
  }

  private static <R> List<Column<R>> withAttributes(
      List<Column<R>> base, List<String> attributes, Function<R, Transcript> transcript) {
    List<Column<R>> columns = new ArrayList<>(base);
    int at = 2;
    for (String attribute : attributes) {
      boolean taken = columns.stream().anyMatch(c -> c.key().equalsIgnoreCase(attribute));
      if (!taken) {
        columns.add(
            at++,
            new Column<>(
                attribute,
                attribute,
                16,
                false,
                r -> transcript.apply(r).attributes().getOrDefault(attribute, "")));
      }
    }
    return List.copyOf(columns);
  }

  /** The coding rows of {@code coded}, in segment order. */
  public static List<CodingRow> codingRows(CodedTranscript coded, Codebook codebook) {
    Map<String, Segment> segments = new HashMap<>();
    coded.segments().forEach(s -> segments.put(s.id(), s));
    Map<String, List<Review>> reviews = reviewsBySegment(coded);
    List<CodingRow> rows = new ArrayList<>(coded.codings().size());
    for (Coding coding : coded.codings()) {
      rows.add(
          new CodingRow(
              coded.transcript(),
              segments.get(coding.segmentId()),
              coding,
              codebook,
              reviews.getOrDefault(coding.segmentId(), List.of())));
    }
    return rows;
  }

  /**
   * The coding rows of {@code coded} segment by segment, with a row without a coding for each
   * segment that got none, so that every segment is in the table.
   */
  public static List<CodingRow> everySegmentRows(CodedTranscript coded, Codebook codebook) {
    Map<String, List<CodingRow>> bySegment = new HashMap<>();
    for (CodingRow row : codingRows(coded, codebook)) {
      bySegment.computeIfAbsent(row.segment().id(), k -> new ArrayList<>()).add(row);
    }
    Map<String, List<Review>> reviews = reviewsBySegment(coded);
    List<CodingRow> rows = new ArrayList<>();
    for (Segment segment : coded.segments()) {
      rows.addAll(
          bySegment.getOrDefault(
              segment.id(),
              List.of(
                  new CodingRow(
                      coded.transcript(),
                      segment,
                      null,
                      codebook,
                      reviews.getOrDefault(segment.id(), List.of())))));
    }
    return rows;
  }

  private static Map<String, List<Review>> reviewsBySegment(CodedTranscript coded) {
    return coded.reviews().stream().collect(Collectors.groupingBy(Review::segmentId));
  }

  /** One row per segment of {@code coded}, coded or not. */
  public static List<SegmentRow> segmentRows(CodedTranscript coded, Codebook codebook) {
    Map<String, List<Coding>> bySegment =
        coded.codings().stream().collect(Collectors.groupingBy(Coding::segmentId));
    Map<String, List<Review>> reviews = reviewsBySegment(coded);
    return coded.segments().stream()
        .map(
            s ->
                new SegmentRow(
                    coded.transcript(),
                    s,
                    bySegment.getOrDefault(s.id(), List.of()),
                    codebook,
                    s.indicators(),
                    reviews.getOrDefault(s.id(), List.of())))
        .toList();
  }

  /**
   * Evidence as people read it: {@code "tick box" (phrase "tick box"); "token" (lemma "token")}.
   */
  public static String describe(List<Evidence> evidence) {
    return evidence.stream().map(Evidence::describe).collect(Collectors.joining("; "));
  }
}
