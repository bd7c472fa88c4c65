package org.aet.project;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookJson;
import org.aet.diagnostics.AetException;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.project.ProjectStore.Run;
import org.aet.project.ProjectStore.Suggested;
import org.aet.segment.SegmentUnit;

/**
 * The project's codebooks and coding runs with their suggestions. Part of {@link ProjectStore},
 * which opens, locks and checks the file.
 */
final class RunRecords {
  private final Database db;

  RunRecords(Database db) {
    this.db = db;
  }

  /** Stores a codebook (once per version). */
  void addCodebook(Codebook codebook) throws AetException {
    db.transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO codebooks (version, name, json, added_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, codebook.version());
            insert.setString(2, codebook.name());
            insert.setString(3, CodebookJson.write(codebook));
            insert.setString(4, Instant.now().toString());
            insert.executeUpdate();
          }
        });
  }

  /**
   * Stores a coding run: its segments (once each, by their stable id) and its codings as new rows
   * under {@code runId}. Earlier runs stay.
   */
  void addRun(
      String runId,
      List<Segment> segments,
      SegmentUnit unit,
      List<Coding> codings,
      Codebook codebook,
      Map<String, String> method)
      throws AetException {
    db.transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO segments (id, transcript_id, unit,"
                      + " turn_index, speaker, role, start_ms, char_begin, char_end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Segment s : segments) {
              insert.setString(1, s.id());
              insert.setString(2, s.transcriptId());
              insert.setString(3, unit.label());
              insert.setInt(4, s.turnIndex());
              insert.setString(5, s.speaker());
              insert.setString(6, s.role());
              if (s.start() == null) {
                insert.setNull(7, java.sql.Types.INTEGER);
              } else {
                insert.setLong(7, s.start().toMillis());
              }
              insert.setInt(8, s.span().begin());
              insert.setInt(9, s.span().end());
              insert.setString(10, s.text());
              insert.addBatch();
            }
            insert.executeBatch();
          }
          String now = Instant.now().toString();
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO runs (run_id, codebook_version, unit, created_at, method)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, codebook.version());
            insert.setString(3, unit.label());
            insert.setString(4, now);
            insert.setString(5, Database.json(method));
            insert.executeUpdate();
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO codings (segment_id, code_id, code_path, source,"
                      + " confidence, evidence, status, codebook_version, run_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Coding coding : codings) {
              insert.setString(1, coding.segmentId());
              insert.setString(2, coding.codeId());
              insert.setString(3, codebook.path(coding.codeId()));
              insert.setString(4, coding.source());
              insert.setDouble(5, coding.confidence());
              insert.setString(
                  6,
                  Database.json(
                      coding.evidence().stream()
                          .map(e -> List.of(e.text(), e.span().begin(), e.span().end(), e.rule()))
                          .toList()));
              insert.setString(7, coding.status().label());
              insert.setString(8, coding.codebookVersion());
              insert.setString(9, runId);
              insert.setString(10, now);
              insert.addBatch();
            }
            insert.executeBatch();
          }
        });
  }

  /** Every coding run, oldest first. */
  List<Run> runs() throws AetException {
    List<Run> runs = new ArrayList<>();
    try (Statement s = db.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT run_id, codebook_version, unit, created_at, method FROM runs ORDER BY rowid")) {
      while (r.next()) {
        runs.add(
            new Run(
                r.getString(1),
                r.getString(2),
                SegmentUnit.of(r.getString(3)),
                Instant.parse(r.getString(4)),
                Database.JSON.readValue(
                    r.getString(5), new TypeReference<LinkedHashMap<String, String>>() {})));
      }
    } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw db.failure(e);
    }
    return runs;
  }

  /**
   * The latest coding run.
   *
   * @throws AetException telling how to code the project when it has no run yet
   */
  Run latestRun() throws AetException {
    List<Run> runs = runs();
    if (runs.isEmpty()) {
      throw AetException.naming(
          "%s has not been coded yet: run \"aet code %s {codebook} NAME\" first",
          db.file(), db.file());
    }
    return runs.get(runs.size() - 1);
  }

  /** The run {@code id}, or null when the project has none by that id. */
  Run run(String id) throws AetException {
    return runs().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }

  /** The machine's suggestions of the run {@code runId}, as code paths per segment. */
  Map<String, List<String>> suggestions(String runId) throws AetException {
    Map<String, List<String>> suggestions = new LinkedHashMap<>();
    try (PreparedStatement q =
        db.connection()
            .prepareStatement(
                "SELECT segment_id, code_path FROM codings WHERE run_id = ? ORDER BY id")) {
      q.setString(1, runId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          List<String> codes = suggestions.computeIfAbsent(r.getString(1), k -> new ArrayList<>());
          if (!codes.contains(r.getString(2))) {
            codes.add(r.getString(2));
          }
        }
      }
    } catch (SQLException e) {
      throw db.failure(e);
    }
    return suggestions;
  }

  /** The machine's suggestions of the run {@code runId} per segment, with their evidence. */
  Map<String, List<Suggested>> suggestedCodings(String runId) throws AetException {
    Map<String, List<Suggested>> suggestions = new LinkedHashMap<>();
    try (PreparedStatement q =
        db.connection()
            .prepareStatement(
                "SELECT segment_id, code_path, source, confidence, evidence FROM codings"
                    + " WHERE run_id = ? ORDER BY id")) {
      q.setString(1, runId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          List<Span> evidence = new ArrayList<>();
          for (List<Object> e :
              Database.JSON.readValue(
                  r.getString(5),
                  new com.fasterxml.jackson.core.type.TypeReference<List<List<Object>>>() {})) {
            evidence.add(new Span(((Number) e.get(1)).intValue(), ((Number) e.get(2)).intValue()));
          }
          suggestions
              .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
              .add(new Suggested(r.getString(2), r.getString(3), r.getDouble(4), evidence));
        }
      }
    } catch (SQLException | java.io.IOException e) {
      throw db.failure(e);
    }
    return suggestions;
  }

  /** The codebook stored under {@code version}. */
  Codebook codebook(String version) throws AetException {
    String json = codebookJson(version);
    if (json == null) {
      throw new AetException(db.file() + " has no codebook version " + version);
    }
    return org.aet.codebook.Codebooks.fromJson(json, version, db.file());
  }

  /** The codebook stored under {@code version}, as JSON text, or null. */
  String codebookJson(String version) throws AetException {
    try (PreparedStatement q =
        db.connection().prepareStatement("SELECT json FROM codebooks WHERE version = ?")) {
      q.setString(1, version);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    } catch (SQLException e) {
      throw db.failure(e);
    }
  }

  /** Every codebook version in the project, oldest first, as name by version. */
  Map<String, String> codebookNames() throws AetException {
    Map<String, String> names = new LinkedHashMap<>();
    try (Statement s = db.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT version, name FROM codebooks ORDER BY rowid")) {
      while (r.next()) {
        names.put(r.getString(1), r.getString(2));
      }
    } catch (SQLException e) {
      throw db.failure(e);
    }
    return names;
  }
}
