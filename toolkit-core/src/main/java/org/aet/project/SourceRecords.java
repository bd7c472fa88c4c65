package org.aet.project;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.AetException;
import org.aet.model.Participant;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.aet.project.ProjectStore.Added;
import org.aet.project.ProjectStore.StoredSegment;
import org.aet.segment.SegmentUnit;

/**
 * The project's transcripts and their segments. Part of {@link ProjectStore}, which opens, locks
 * and checks the file.
 */
final class SourceRecords {
  private final Database db;

  SourceRecords(Database db) {
    this.db = db;
  }

  /**
   * Adds a transcript. One already in the project with the same content is left as it is; one with
   * changed content is refused, since its codings and decisions point at the old text; the same
   * content under another id is not added twice.
   */
  Added addTranscript(Transcript transcript, String contentHash) throws AetException {
    Added[] result = new Added[1];
    db.transaction(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT transcript_id FROM sources WHERE content_hash = ? AND transcript_id <> ?")) {
            q.setString(1, contentHash);
            q.setString(2, transcript.id());
            try (ResultSet r = q.executeQuery()) {
              if (r.next()) {
                result[0] = new Added(Added.Outcome.SAME_CONTENT, r.getString(1));
                return;
              }
            }
          }
          try (PreparedStatement q =
              c.prepareStatement("SELECT content_hash FROM sources WHERE transcript_id = ?")) {
            q.setString(1, transcript.id());
            try (ResultSet r = q.executeQuery()) {
              if (r.next()) {
                if (!r.getString(1).equals(contentHash)) {
                  throw new AetException(
                      transcript.source()
                          + ": the project already has a transcript \""
                          + transcript.id()
                          + "\" with different content; its codings refer to the old text, so the new one"
                          + " is not added (rename the file to add it as a new transcript)");
                }
                result[0] = new Added(Added.Outcome.UNCHANGED, transcript.id());
                return;
              }
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO sources (transcript_id, path, format,"
                      + " content_hash, case_name, attributes, participants, text, turns, added_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, transcript.id());
            insert.setString(2, transcript.source().toString());
            insert.setString(3, transcript.format());
            insert.setString(4, contentHash);
            insert.setString(5, transcript.caseName());
            insert.setString(6, Database.json(transcript.attributes()));
            insert.setString(
                7,
                Database.json(
                    transcript.participants().stream()
                        .map(p -> List.of(p.name(), p.role()))
                        .toList()));
            insert.setString(8, transcript.text());
            insert.setString(
                9, Database.json(transcript.turns().stream().map(SourceRecords::turnRow).toList()));
            insert.setString(10, Instant.now().toString());
            insert.executeUpdate();
          }
          result[0] = new Added(Added.Outcome.NEW, transcript.id());
        });
    return result[0];
  }

  /** Every transcript in the project, in the order added. */
  List<Transcript> transcripts() throws AetException {
    List<Transcript> transcripts = new ArrayList<>();
    try (Statement s = db.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT transcript_id, path, format, case_name, attributes, participants,"
                    + " text, turns FROM sources ORDER BY rowid")) {
      while (r.next()) {
        Map<String, String> attributes =
            Database.JSON.readValue(
                r.getString(5), new TypeReference<LinkedHashMap<String, String>>() {});
        List<List<String>> people =
            Database.JSON.readValue(r.getString(6), new TypeReference<List<List<String>>>() {});
        List<Map<String, Object>> rows =
            Database.JSON.readValue(
                r.getString(8), new TypeReference<List<Map<String, Object>>>() {});
        List<Turn> turns = new ArrayList<>();
        String text = r.getString(7);
        for (Map<String, Object> row : rows) {
          int begin = ((Number) row.get("begin")).intValue();
          int end = ((Number) row.get("end")).intValue();
          turns.add(
              new Turn(
                  turns.size(),
                  (String) row.get("speaker"),
                  millis(row.get("start")),
                  millis(row.get("end_ms")),
                  text.substring(begin, end),
                  new Span(begin, end),
                  ((Number) row.get("line")).intValue()));
        }
        transcripts.add(
            new Transcript(
                r.getString(1),
                Path.of(r.getString(2)),
                r.getString(3),
                r.getString(4),
                attributes,
                people.stream().map(p -> new Participant(p.get(0), p.get(1))).toList(),
                text,
                turns));
      }
    } catch (SQLException | IOException e) {
      throw db.failure(e);
    }
    return transcripts;
  }

  /** Every segment of the project of {@code unit}, in text order. */
  List<StoredSegment> segments(SegmentUnit unit) throws AetException {
    List<StoredSegment> segments = new ArrayList<>();
    try (PreparedStatement q =
        db.connection()
            .prepareStatement(
                "SELECT g.id, g.transcript_id, s.case_name, g.speaker, g.role, g.start_ms,"
                    + " g.text, g.char_begin, g.char_end FROM segments g JOIN sources s ON s.transcript_id = g.transcript_id"
                    + " WHERE g.unit = ? ORDER BY s.rowid, g.char_begin, g.char_end")) {
      q.setString(1, unit.label());
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          long start = r.getLong(6);
          Duration time = r.wasNull() ? null : Duration.ofMillis(start);
          segments.add(
              new StoredSegment(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  time,
                  new Span(r.getInt(8), r.getInt(9)),
                  r.getString(7)));
        }
      }
    } catch (SQLException e) {
      throw db.failure(e);
    }
    return segments;
  }

  private static Map<String, Object> turnRow(Turn turn) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("speaker", turn.speaker());
    row.put("start", turn.start() == null ? null : turn.start().toMillis());
    row.put("end_ms", turn.end() == null ? null : turn.end().toMillis());
    row.put("begin", turn.span().begin());
    row.put("end", turn.span().end());
    row.put("line", turn.line());
    return row;
  }

  private static Duration millis(Object value) {
    return value == null ? null : Duration.ofMillis(((Number) value).longValue());
  }
}
