package org.aet.project;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
import org.aet.pipeline.ProgressListener;
import org.sqlite.SQLiteConfig;

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
      """,
          """
      CREATE TABLE runs (
        run_id TEXT PRIMARY KEY, codebook_version TEXT NOT NULL, unit TEXT NOT NULL, created_at TEXT NOT NULL);
      INSERT INTO runs (run_id, codebook_version, unit, created_at)
        SELECT run_id, MIN(codebook_version),
          COALESCE((SELECT unit FROM segments ORDER BY rowid DESC LIMIT 1), 'turn'), MIN(created_at)
        FROM codings GROUP BY run_id ORDER BY MIN(id);
      CREATE TABLE workbooks (
        export_id TEXT PRIMARY KEY, coder TEXT NOT NULL, kind TEXT NOT NULL, blind INTEGER NOT NULL,
        run_id TEXT, codebook_version TEXT NOT NULL, segment_ids TEXT NOT NULL, exported_at TEXT NOT NULL,
        imported_at TEXT);
      ALTER TABLE decisions ADD COLUMN export_id TEXT;
      CREATE INDEX sources_by_hash ON sources (content_hash);
      """,
          """
      CREATE TABLE rankings (
        version TEXT NOT NULL, run_id TEXT NOT NULL, basis TEXT NOT NULL, reviewed INTEGER NOT NULL,
        coded INTEGER NOT NULL, segments INTEGER NOT NULL, estimated_remaining REAL NOT NULL,
        created_at TEXT NOT NULL);
      """,
          """
      CREATE TABLE exchange_sources (
        transcript_id TEXT PRIMARY KEY REFERENCES sources(transcript_id), guid TEXT NOT NULL,
        name TEXT NOT NULL, plain_text TEXT NOT NULL, blocks TEXT NOT NULL);
      CREATE TABLE exchange_selections (
        id INTEGER PRIMARY KEY AUTOINCREMENT, import_id TEXT NOT NULL, transcript_id TEXT NOT NULL,
        guid TEXT NOT NULL, name TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        coder TEXT NOT NULL, coding_guid TEXT NOT NULL, code_guid TEXT NOT NULL, notes TEXT NOT NULL,
        segment_ids TEXT NOT NULL);
      CREATE TABLE exchange_users (name TEXT PRIMARY KEY, guid TEXT NOT NULL);
      """);

  /**
   * SQLite's application id for aet projects (the bytes "aet1"): written into every project's file
   * header, so aet can tell its own projects from any other database before it changes anything.
   */
  static final int APPLICATION_ID = 0x61657431;

  /** How long a command waits for another one to finish with the project. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  /** Whether a command only reads the project or also changes it. */
  public enum Access {
    READ,
    WRITE
  }

  /** The tables every aet project has. */
  private static final List<String> TABLES =
      List.of("meta", "sources", "codebooks", "segments", "codings", "decisions");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Connection connection;
  private final ProjectLock lock;

  private ProjectStore(Path file, Connection connection, ProjectLock lock) {
    this.file = file;
    this.connection = connection;
    this.lock = lock;
  }

  /** Creates a new, empty project file. */
  public static ProjectStore create(Path file) throws AetException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new AetException(file + " already exists; a new project needs a new file name");
    }
    ProjectLock lock = ProjectLock.acquire(file, DEFAULT_WAIT);
    ProjectStore store = connect(file, Access.WRITE, lock);
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

  /** Opens an existing project to change it, waiting up to {@link #DEFAULT_WAIT} for others. */
  public static ProjectStore open(Path file) throws AetException {
    return open(file, Access.WRITE, DEFAULT_WAIT);
  }

  /** Opens an existing project only to read it: nothing is written, not even beside it. */
  public static ProjectStore openForReading(Path file) throws AetException {
    return open(file, Access.READ, DEFAULT_WAIT);
  }

  /**
   * Opens an existing project. The file is recognised as an aet project before anything touches it
   * (its header's application id, or for projects from before aet wrote one, its tables), and
   * SQLite's quick check must find it sound; anything else is refused, unchanged. To write, the
   * command takes the project's lock, waiting up to {@code wait} for another aet command to finish
   * and then naming it; an older schema is migrated forward.
   */
  public static ProjectStore open(Path file, Access access, Duration wait) throws AetException {
    Header header = recognise(file);
    if (header.userVersion() > MIGRATIONS.size()) {
      throw new AetException(
          file
              + " was made by a newer aet (schema "
              + header.userVersion()
              + "); update aet to open it. Nothing was changed");
    }
    if (header.applicationId() == 0) {
      // From before aet wrote its application id: its tables must say it is aet's, read before
      // anything is written.
      try (ProjectStore legacy = connect(file, Access.READ, null)) {
        legacy.check(header, List.of("meta", "sources", "codings"));
      }
    }
    if (access == Access.READ && header.userVersion() < MIGRATIONS.size()) {
      if (!Files.isWritable(file)) {
        throw new AetException(
            file
                + " was made by an older aet and is read-only, so it cannot be brought up to date;"
                + " copy it somewhere you can write and open the copy");
      }
      open(file, Access.WRITE, wait).close();
    }
    if (access == Access.WRITE && !Files.isWritable(file)) {
      throw new AetException(
          file
              + " is read-only: this command changes the project. Check the file's permissions, or"
              + " work on a copy");
    }
    ProjectLock lock = access == Access.WRITE ? ProjectLock.acquire(file, wait) : null;
    ProjectStore store;
    try {
      store = connect(file, access, lock);
    } catch (AetException | RuntimeException e) {
      if (lock != null) {
        lock.release();
      }
      throw e;
    }
    try {
      store.check(header, TABLES);
    } catch (AetException | RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** What the first 100 bytes of an SQLite file say. */
  private record Header(int applicationId, int userVersion, boolean wal) {}

  /** Reads the file's header and refuses anything that cannot be an aet project. */
  private static Header recognise(Path file) throws AetException {
    if (!Files.isRegularFile(file)) {
      throw new AetException(file + ": no such project; create one with \"aet init " + file + "\"");
    }
    byte[] head = new byte[100];
    int read;
    try (var in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new AetException(file + ": cannot read the project: " + e.getMessage(), e);
    }
    String nothingChanged = "; nothing was changed. Create a project with \"aet init NEW.aet\"";
    if (read == 0) {
      throw new AetException(
          file + " is empty (0 bytes), so it is not an aet project" + nothingChanged);
    }
    if (read < head.length
        || !new String(head, 0, 16, StandardCharsets.ISO_8859_1).equals("SQLite format 3\0")) {
      throw new AetException(
          file + " is not an aet project (not a database file)" + nothingChanged);
    }
    ByteBuffer bytes = ByteBuffer.wrap(head);
    Header header = new Header(bytes.getInt(68), bytes.getInt(60), head[18] == 2 && head[19] == 2);
    if (header.applicationId() != APPLICATION_ID && header.applicationId() != 0) {
      throw new AetException(
          file
              + " is a database of another program (application id 0x"
              + Integer.toHexString(header.applicationId())
              + "), not an aet project"
              + nothingChanged);
    }
    return header;
  }

  /** The checks after connecting: aet's tables are there, and the file is sound. */
  private void check(Header header, List<String> tables) throws AetException {
    List<String> missing = new ArrayList<>(tables);
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (r.next()) {
        missing.remove(r.getString(1));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    if (!missing.isEmpty() || (header.applicationId() == 0 && !hasMeta("project_id"))) {
      throw new AetException(
          file
              + " is an SQLite database but not an aet project (it lacks aet's tables "
              + (missing.isEmpty() ? "[meta: project_id]" : missing)
              + "); nothing was changed");
    }
    String verdict;
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA quick_check")) {
      verdict = r.getString(1);
    } catch (SQLException e) {
      throw new AetException(
          file + " is damaged (SQLite cannot check it: " + e.getMessage() + ")" + RESTORE, e);
    }
    if (!"ok".equals(verdict)) {
      throw new AetException(file + " is damaged (SQLite's check says: " + verdict + ")" + RESTORE);
    }
  }

  private static final String RESTORE =
      ". Nothing was changed. Restore the project from a backup copy (copy project files only while"
          + " no aet command is working on them)";

  private boolean hasMeta(String key) {
    try {
      meta(key);
      return true;
    } catch (AetException e) {
      return false;
    }
  }

  private static ProjectStore connect(Path file, Access access, ProjectLock lock)
      throws AetException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, DEFAULT_WAIT.toMillis()));
    config.enforceForeignKeys(true);
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    if (access == Access.READ) {
      config.setReadOnly(true);
      Path folder = file.toAbsolutePath().getParent();
      if (!Files.isWritable(file) || folder == null || !Files.isWritable(folder)) {
        // Nothing may be created beside a read-only project (an older project's WAL files
        // included), and nobody can be changing it: SQLite may read it as it is.
        url = "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1";
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
      }
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection(url, config.toProperties());
    } catch (SQLException e) {
      throw new AetException(file + ": cannot open the project: " + busyOr(e), e);
    }
    // Migrated without the lock attached, so that a failure here closes only the connection and
    // the caller releases the lock it took.
    ProjectStore store = new ProjectStore(file, connection, null);
    if (access == Access.WRITE) {
      try (Statement s = connection.createStatement()) {
        // A rollback journal, not WAL: readers then never create files beside the project,
        // and a read-only project can be read.
        s.execute("PRAGMA journal_mode = DELETE");
        s.execute("PRAGMA synchronous = FULL");
        store.migrate(MIGRATIONS.size());
        s.execute("PRAGMA application_id = " + APPLICATION_ID);
      } catch (SQLException | AetException e) {
        store.close();
        throw e instanceof AetException aet
            ? aet
            : new AetException(file + ": cannot open the project: " + busyOr((SQLException) e), e);
      }
    }
    return new ProjectStore(file, connection, lock);
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

  /** The connection, for the project's other record keepers in this package. */
  Connection connection() {
    return connection;
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

  /**
   * What adding a transcript did: added it, found it there already, or found its very content there
   * under another name (the same file added from another folder, say).
   */
  public record Added(Outcome outcome, String existingId) {
    public enum Outcome {
      NEW,
      UNCHANGED,
      SAME_CONTENT
    }
  }

  /**
   * Adds a transcript. One already in the project with the same content is left as it is; one with
   * changed content is refused, since its codings and decisions point at the old text; the same
   * content under another id is not added twice.
   */
  public Added addTranscript(Transcript transcript, String contentHash) throws AetException {
    Added[] result = new Added[1];
    transaction(
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
          result[0] = new Added(Added.Outcome.NEW, transcript.id());
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
                  "INSERT INTO runs (run_id, codebook_version, unit, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, codebook.version());
            insert.setString(3, unit);
            insert.setString(4, now);
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
      Span span,
      String text) {}

  /** Every segment of the project of {@code unit} ("turn" or "sentence"), in text order. */
  public List<StoredSegment> segments(String unit) throws AetException {
    List<StoredSegment> segments = new ArrayList<>();
    try (PreparedStatement q =
        connection.prepareStatement(
            "SELECT g.id, g.transcript_id, s.case_name, g.speaker, g.role, g.start_ms,"
                + " g.text, g.char_begin, g.char_end FROM segments g JOIN sources s ON s.transcript_id = g.transcript_id"
                + " WHERE g.unit = ? ORDER BY s.rowid, g.char_begin, g.char_end")) {
      q.setString(1, unit);
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
      throw failure(e);
    }
    return segments;
  }

  /** One coding run: which codebook it coded against and what a segment was. */
  public record Run(String id, String codebookVersion, String unit, Instant createdAt) {}

  /** Every coding run, oldest first. */
  public List<Run> runs() throws AetException {
    List<Run> runs = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT run_id, codebook_version, unit, created_at FROM runs ORDER BY rowid")) {
      while (r.next()) {
        runs.add(
            new Run(r.getString(1), r.getString(2), r.getString(3), Instant.parse(r.getString(4))));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return runs;
  }

  /**
   * The latest coding run.
   *
   * @throws AetException telling how to code the project when it has no run yet
   */
  public Run latestRun() throws AetException {
    List<Run> runs = runs();
    if (runs.isEmpty()) {
      throw new AetException(
          file + " has not been coded yet: run \"aet code " + file + " --codebook NAME\" first");
    }
    return runs.get(runs.size() - 1);
  }

  /** The run {@code id}, or null when the project has none by that id. */
  public Run run(String id) throws AetException {
    return runs().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }

  /** The machine's suggestions of the run {@code runId}, as code paths per segment. */
  public Map<String, List<String>> suggestions(String runId) throws AetException {
    Map<String, List<String>> suggestions = new LinkedHashMap<>();
    try (PreparedStatement q =
        connection.prepareStatement(
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

  /** Every codebook version in the project, oldest first, as name by version. */
  public Map<String, String> codebookNames() throws AetException {
    Map<String, String> names = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT version, name FROM codebooks ORDER BY rowid")) {
      while (r.next()) {
        names.put(r.getString(1), r.getString(2));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return names;
  }

  /**
   * One entry in a coder's history of a segment.
   *
   * @param kind "review" (a coder's own) or "consensus" (the team's)
   * @param decision "accept", "reject", "recode" or "code" (codes typed without a decision): a
   *     coding decision; "memo": only a memo; "withdrawn": the coder cleared the row
   * @param codes the code paths the decision applies (none: no code applies)
   * @param workbook the workbook's file name, as the coder saw it
   * @param exportId the id of the exported workbook it came from
   */
  public record Decision(
      String segmentId,
      String coder,
      String kind,
      String decision,
      List<String> codes,
      String memo,
      String workbook,
      String codebookVersion,
      String exportId) {
    public static final String MEMO = "memo";
    public static final String WITHDRAWN = "withdrawn";

    public Decision {
      codes = List.copyOf(codes);
    }

    /** Whether this decision says which codes apply (not only a memo, not withdrawn). */
    public boolean isCoding() {
      return !decision.equals(MEMO) && !decision.equals(WITHDRAWN);
    }
  }

  /**
   * Records {@code decisions} and marks the workbook {@code exportId} imported, in one transaction;
   * {@code progress} hears each one recorded.
   */
  public void addDecisions(List<Decision> decisions, String exportId, ProgressListener progress)
      throws AetException {
    transaction(
        c -> {
          String now = Instant.now().toString();
          int[] recorded = {0};
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO decisions (segment_id, coder, kind, decision, codes, memo, workbook,"
                      + " codebook_version, created_at, export_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
              insert.setString(10, d.exportId());
              insert.executeUpdate();
              progress.progress("recording", ++recorded[0], decisions.size());
            }
          }
          try (PreparedStatement update =
              c.prepareStatement("UPDATE workbooks SET imported_at = ? WHERE export_id = ?")) {
            update.setString(1, now);
            update.setString(2, exportId);
            update.executeUpdate();
          }
        });
  }

  /**
   * The latest entry of each coder on each segment (earlier ones stay in the history), leaving out
   * rows the coder withdrew.
   */
  public List<Decision> latestDecisions() throws AetException {
    return latest(false);
  }

  /** The latest entry of each coder on each segment, withdrawn ones included. */
  List<Decision> latestEntries() throws AetException {
    return latest(true);
  }

  private List<Decision> latest(boolean withdrawn) throws AetException {
    List<Decision> decisions = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT segment_id, coder, kind, decision, codes, memo, workbook,"
                    + " codebook_version, export_id FROM decisions d WHERE id = (SELECT MAX(id) FROM"
                    + " decisions e WHERE e.segment_id = d.segment_id AND e.coder = d.coder)"
                    + (withdrawn ? "" : " AND decision <> 'withdrawn'")
                    + " ORDER BY id")) {
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
                r.getString(8),
                r.getString(9)));
      }
    } catch (SQLException | IOException e) {
      throw failure(e);
    }
    return decisions;
  }

  /** Every coder name the project knows, from decisions and exported workbooks. */
  public List<String> coders() throws AetException {
    List<String> coders = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT coder FROM decisions UNION SELECT coder FROM workbooks ORDER BY 1")) {
      while (r.next()) {
        coders.add(r.getString(1));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return coders;
  }

  /**
   * A review workbook as exported: whose it is, what it showed, and when it was exported and last
   * imported. Imports are checked against it.
   */
  public record Workbook(
      String exportId,
      String coder,
      String kind,
      boolean blind,
      String runId,
      String codebookVersion,
      List<String> segmentIds,
      Instant exportedAt,
      Instant importedAt) {
    public Workbook {
      segmentIds = List.copyOf(segmentIds);
    }
  }

  /** Records an exported workbook. */
  public void addWorkbook(Workbook workbook) throws AetException {
    transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO workbooks (export_id, coder, kind, blind, run_id, codebook_version,"
                      + " segment_ids, exported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, workbook.exportId());
            insert.setString(2, workbook.coder());
            insert.setString(3, workbook.kind());
            insert.setInt(4, workbook.blind() ? 1 : 0);
            insert.setString(5, workbook.runId());
            insert.setString(6, workbook.codebookVersion());
            insert.setString(7, json(workbook.segmentIds()));
            insert.setString(8, workbook.exportedAt().toString());
            insert.executeUpdate();
          }
        });
  }

  /** Every workbook exported from the project, oldest first. */
  public List<Workbook> workbooks() throws AetException {
    List<Workbook> workbooks = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT export_id, coder, kind, blind, run_id, codebook_version, segment_ids,"
                    + " exported_at, imported_at FROM workbooks ORDER BY rowid")) {
      while (r.next()) {
        String imported = r.getString(9);
        workbooks.add(
            new Workbook(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getInt(4) == 1,
                r.getString(5),
                r.getString(6),
                JSON.readValue(r.getString(7), new TypeReference<List<String>>() {}),
                Instant.parse(r.getString(8)),
                imported == null ? null : Instant.parse(imported)));
      }
    } catch (SQLException | IOException e) {
      throw failure(e);
    }
    return workbooks;
  }

  /**
   * One fit of the ranked review's model: what it was trained on and what it estimated.
   *
   * @param version a hash of the reviewed segments and their labels it was fitted to
   * @param basis "codebook" before the team has coded both kinds of segment, then "model"
   */
  public record Ranking(
      String version,
      String runId,
      String basis,
      int reviewed,
      int coded,
      int segments,
      double estimatedRemaining,
      Instant createdAt) {}

  /** Records a fit of the ranked review's model. */
  public void addRanking(Ranking ranking) throws AetException {
    transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO rankings (version, run_id, basis, reviewed, coded, segments,"
                      + " estimated_remaining, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, ranking.version());
            insert.setString(2, ranking.runId());
            insert.setString(3, ranking.basis());
            insert.setInt(4, ranking.reviewed());
            insert.setInt(5, ranking.coded());
            insert.setInt(6, ranking.segments());
            insert.setDouble(7, ranking.estimatedRemaining());
            insert.setString(8, ranking.createdAt().toString());
            insert.executeUpdate();
          }
        });
  }

  /** Every fit of the ranked review's model, oldest first. */
  public List<Ranking> rankings() throws AetException {
    List<Ranking> rankings = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT version, run_id, basis, reviewed, coded, segments, estimated_remaining,"
                    + " created_at FROM rankings ORDER BY rowid")) {
      while (r.next()) {
        rankings.add(
            new Ranking(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getInt(4),
                r.getInt(5),
                r.getInt(6),
                r.getDouble(7),
                Instant.parse(r.getString(8))));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return rankings;
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
    } finally {
      if (lock != null) {
        lock.release();
      }
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

  /** {@code value} as JSON text for a column; shared with the project's other record keepers. */
  static String json(Object value) throws SQLException {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new SQLException(e);
    }
  }

  private AetException failure(Exception e) {
    return new AetException(
        file
            + ": project store error: "
            + (e instanceof SQLException sql ? busyOr(sql) : e.getMessage()),
        e);
  }

  /** SQLite's message, or for a busy database what it means and what to do. */
  private static String busyOr(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    if (code == 5 || code == 6) {
      return "another program is using the project right now (SQLite reports it busy); wait until it"
          + " has finished and run the command again";
    }
    if (code == 8) {
      return "the project cannot be written (it, or its folder, is read-only)";
    }
    return e.getMessage();
  }
}
