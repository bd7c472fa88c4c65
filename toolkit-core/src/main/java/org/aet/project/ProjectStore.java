package org.aet.project;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.UUID;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookJson;
import org.aet.diagnostics.AetException;
import org.aet.model.Coding;
import org.aet.model.Participant;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.model.Turn;

/**
 * A project: one SQLite file holding a study's transcripts (with their content hash), codebooks,
 * segments, every coding with its provenance, and every review decision with the coder's name.
 * History is never overwritten: a changed decision is a new row, and the latest one counts. Every
 * change runs in one transaction, so a crash leaves the project as it was before the change.
 *
 * <p>The schema is versioned ({@code PRAGMA user_version}) and migrated forward on open; see {@link
 * #MIGRATIONS}.
 */
public final class ProjectStore implements AutoCloseable {
  /**
   * Schema migrations, in order: migration {@code i} takes the schema from version {@code i} to
   * {@code i + 1}.
   */
  static final List<String> MIGRATIONS =
      List.of(
          """
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE sources (
        transcript_id TEXT PRIMARY KEY, path TEXT NOT NULL, format TEXT NOT NULL, content_hash TEXT NOT NULL,
        case_name TEXT NOT NULL, attributes TEXT NOT NULL, participants TEXT NOT NULL, text TEXT NOT NULL,
        turns TEXT NOT NULL, added_at TEXT NOT NULL);
      CREATE TABLE codebooks (version TEXT PRIMARY KEY, name TEXT NOT NULL, json TEXT NOT NULL, added_at TEXT NOT NULL);
      CREATE TABLE segments (
        id TEXT PRIMARY KEY, transcript_id TEXT NOT NULL REFERENCES sources(transcript_id), unit TEXT NOT NULL,
        turn_index INTEGER NOT NULL, speaker TEXT NOT NULL, role TEXT NOT NULL, start_ms INTEGER,
        char_begin INTEGER NOT NULL, char_end INTEGER NOT NULL, text TEXT NOT NULL);
      CREATE TABLE codings (
        id INTEGER PRIMARY KEY AUTOINCREMENT, segment_id TEXT NOT NULL REFERENCES segments(id),
        code_id TEXT NOT NULL, code_path TEXT NOT NULL, source TEXT NOT NULL, confidence REAL NOT NULL,
        evidence TEXT NOT NULL, status TEXT NOT NULL, codebook_version TEXT NOT NULL, run_id TEXT NOT NULL,
        created_at TEXT NOT NULL);
      """,
          """
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, segment_id TEXT NOT NULL REFERENCES segments(id),
        coder TEXT NOT NULL, kind TEXT NOT NULL, decision TEXT NOT NULL, codes TEXT NOT NULL, memo TEXT NOT NULL,
        workbook TEXT NOT NULL, codebook_version TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE INDEX decisions_by_coder ON decisions (coder, segment_id);
      CREATE INDEX codings_by_segment ON codings (segment_id);
      """);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Connection connection;

  private ProjectStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Creates a new, empty project file. */
  public static ProjectStore create(Path file) throws AetException {
    if (Files.exists(file)) {
      throw new AetException(file + " already exists; a new project needs a new file name");
    }
    ProjectStore store = connect(file);
    store.transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)")) {
            for (String[] pair :
                new String[][] {
                  {"project_id", UUID.randomUUID().toString()},
                  {"created_at", Instant.now().toString()},
                  {"created_by", "aet"}
                }) {
              insert.setString(1, pair[0]);
              insert.setString(2, pair[1]);
              insert.executeUpdate();
            }
          }
        });
    return store;
  }

  /** Opens an existing project, migrating its schema forward if it was made by an older aet. */
  public static ProjectStore open(Path file) throws AetException {
    if (!Files.isRegularFile(file)) {
      throw new AetException(file + ": no such project; create one with \"aet init " + file + "\"");
    }
    ProjectStore store = connect(file);
    try {
      store.meta("project_id");
    } catch (AetException e) {
      store.close();
      throw new AetException(file + " is not an aet project (" + e.getMessage() + ")");
    }
    return store;
  }

  private static ProjectStore connect(Path file) throws AetException {
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA foreign_keys = ON");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
      }
      ProjectStore store = new ProjectStore(file, connection);
      store.migrate(MIGRATIONS.size());
      return store;
    } catch (SQLException e) {
      throw new AetException(file + ": cannot open the project: " + e.getMessage(), e);
    }
  }

  /** Brings the schema to {@code target} (tests use an earlier target to make old projects). */
  void migrate(int target) throws AetException {
    int version = schemaVersion();
    if (version > MIGRATIONS.size()) {
      throw new AetException(
          file + " was made by a newer aet (schema " + version + "); update aet to open it");
    }
    for (int v = version; v < target; v++) {
      int next = v + 1;
      String script = MIGRATIONS.get(v);
      transaction(
          c -> {
            try (Statement s = c.createStatement()) {
              for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                  s.execute(sql);
                }
              }
              s.execute("PRAGMA user_version = " + next);
            }
          });
    }
  }

  public int schemaVersion() throws AetException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA user_version")) {
      return r.getInt(1);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * The project's own id, written into every workbook it exports so that imports can check where
   * they belong.
   */
  public String projectId() throws AetException {
    return meta("project_id");
  }

  public Path file() {
    return file;
  }

  private String meta(String key) throws AetException {
    try (PreparedStatement q =
        connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      q.setString(1, key);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          throw new AetException("no " + key + " in the project");
        }
        return r.getString(1);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Work on the connection that either completes whole or leaves the project untouched. */
  public interface Work {
    void run(Connection connection) throws SQLException, AetException;
  }

  /** Runs {@code work} in one transaction: all of it is applied, or none. */
  public void transaction(Work work) throws AetException {
    try {
      connection.setAutoCommit(false);
      try {
        work.run(connection);
        connection.commit();
      } catch (SQLException | AetException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** "ok" when SQLite finds the file sound. */
  public String integrityCheck() throws AetException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      return r.getString(1);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** What adding a transcript did. */
  public enum Added {
    NEW,
    UNCHANGED
  }

  /**
   * Adds a transcript. One already in the project with the same content is left as it is; one with
   * changed content is refused, since its codings and decisions point at the old text.
   */
  public Added addTranscript(Transcript transcript, String contentHash) throws AetException {
    Added[] result = new Added[1];
    transaction(
        c -> {
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
                result[0] = Added.UNCHANGED;
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
            insert.setString(6, json(transcript.attributes()));
            insert.setString(
                7,
                json(
                    transcript.participants().stream()
                        .map(p -> List.of(p.name(), p.role()))
                        .toList()));
            insert.setString(8, transcript.text());
            insert.setString(
                9, json(transcript.turns().stream().map(ProjectStore::turnRow).toList()));
            insert.setString(10, Instant.now().toString());
            insert.executeUpdate();
          }
          result[0] = Added.NEW;
        });
    return result[0];
  }

  /** Every transcript in the project, in the order added. */
  public List<Transcript> transcripts() throws AetException {
    List<Transcript> transcripts = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT transcript_id, path, format, case_name, attributes, participants,"
                    + " text, turns FROM sources ORDER BY rowid")) {
      while (r.next()) {
        Map<String, String> attributes =
            JSON.readValue(r.getString(5), new TypeReference<LinkedHashMap<String, String>>() {});
        List<List<String>> people =
            JSON.readValue(r.getString(6), new TypeReference<List<List<String>>>() {});
        List<Map<String, Object>> rows =
            JSON.readValue(r.getString(8), new TypeReference<List<Map<String, Object>>>() {});
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
      throw failure(e);
    }
    return transcripts;
  }

  /** Stores a codebook (once per version). */
  public void addCodebook(Codebook codebook) throws AetException {
    transaction(
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
  public void addRun(
      String runId, List<Segment> segments, String unit, List<Coding> codings, Codebook codebook)
      throws AetException {
    transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO segments (id, transcript_id, unit,"
                      + " turn_index, speaker, role, start_ms, char_begin, char_end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Segment s : segments) {
              insert.setString(1, s.id());
              insert.setString(2, s.transcriptId());
              insert.setString(3, unit);
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
                  json(
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

  /** A stored segment, as review workbooks and agreement need it. */
  public record StoredSegment(
      String id,
      String transcriptId,
      String caseName,
      String speaker,
      String role,
      Duration start,
      String text) {}

  /** Every segment of the project, in transcript and text order. */
  public List<StoredSegment> segments() throws AetException {
    List<StoredSegment> segments = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT g.id, g.transcript_id, s.case_name, g.speaker, g.role, g.start_ms,"
                    + " g.text FROM segments g JOIN sources s ON s.transcript_id = g.transcript_id"
                    + " ORDER BY s.rowid, g.char_begin, g.char_end")) {
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
                r.getString(7)));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return segments;
  }

  /** The segment unit of the latest coding run ("turn" or "sentence"). */
  public String latestUnit() throws AetException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT unit FROM segments ORDER BY rowid DESC LIMIT 1")) {
      return r.next() ? r.getString(1) : "turn";
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** The machine's suggestions of the latest coding run, as code paths per segment. */
  public Map<String, List<String>> latestSuggestions() throws AetException {
    Map<String, List<String>> suggestions = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT segment_id, code_path FROM codings WHERE run_id ="
                    + " (SELECT run_id FROM codings ORDER BY id DESC LIMIT 1) ORDER BY id")) {
      while (r.next()) {
        List<String> codes = suggestions.computeIfAbsent(r.getString(1), k -> new ArrayList<>());
        if (!codes.contains(r.getString(2))) {
          codes.add(r.getString(2));
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return suggestions;
  }

  /** The codebook stored under {@code version}. */
  public Codebook codebook(String version) throws AetException {
    String json = codebookJson(version);
    if (json == null) {
      throw new AetException(file + " has no codebook version " + version);
    }
    return org.aet.codebook.Codebooks.fromJson(json, version, file);
  }

  /** The codebook of the latest coding run. */
  public Codebook latestCodebook() throws AetException {
    String version = latestCodebookVersion();
    if (version == null) {
      throw new AetException(
          file + " has not been coded yet: run \"aet code " + file + " --codebook NAME\" first");
    }
    return codebook(version);
  }

  /** The codebook stored under {@code version}, as JSON text, or null. */
  String codebookJson(String version) throws AetException {
    try (PreparedStatement q =
        connection.prepareStatement("SELECT json FROM codebooks WHERE version = ?")) {
      q.setString(1, version);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * The version of the codebook used by the latest coding run, or null when nothing was coded yet.
   */
  public String latestCodebookVersion() throws AetException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT version FROM codebooks ORDER BY rowid DESC LIMIT 1")) {
      return r.next() ? r.getString(1) : null;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** One review decision. */
  public record Decision(
      String segmentId,
      String coder,
      String kind,
      String decision,
      List<String> codes,
      String memo,
      String workbook,
      String codebookVersion) {}

  /**
   * Records {@code decisions} in one transaction; {@code afterEach} runs after each row (tests use
   * it).
   */
  public void addDecisions(List<Decision> decisions, Runnable afterEach) throws AetException {
    transaction(
        c -> {
          String now = Instant.now().toString();
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO decisions (segment_id, coder, kind, decision,"
                      + " codes, memo, workbook, codebook_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Decision d : decisions) {
              insert.setString(1, d.segmentId());
              insert.setString(2, d.coder());
              insert.setString(3, d.kind());
              insert.setString(4, d.decision());
              insert.setString(5, json(d.codes()));
              insert.setString(6, d.memo());
              insert.setString(7, d.workbook());
              insert.setString(8, d.codebookVersion());
              insert.setString(9, now);
              insert.executeUpdate();
              afterEach.run();
            }
          }
        });
  }

  /** The latest decision of each coder on each segment (earlier ones stay in the history). */
  public List<Decision> latestDecisions() throws AetException {
    List<Decision> decisions = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT segment_id, coder, kind, decision, codes, memo, workbook,"
                    + " codebook_version FROM decisions d WHERE id = (SELECT MAX(id) FROM decisions e"
                    + " WHERE e.segment_id = d.segment_id AND e.coder = d.coder) ORDER BY id")) {
      while (r.next()) {
        decisions.add(
            new Decision(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                JSON.readValue(r.getString(5), new TypeReference<List<String>>() {}),
                r.getString(6),
                r.getString(7),
                r.getString(8)));
      }
    } catch (SQLException | IOException e) {
      throw failure(e);
    }
    return decisions;
  }

  /** How many decisions the history holds, for reports and tests. */
  public int decisionCount() throws AetException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM decisions")) {
      return r.getInt(1);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void close() throws AetException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure(e);
    }
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

  private static String json(Object value) throws SQLException {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new SQLException(e);
    }
  }

  private AetException failure(Exception e) {
    return new AetException(file + ": project store error: " + e.getMessage(), e);
  }
}
