package org.aet.project;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.aet.diagnostics.AetException;

/**
 * The project file's schema: every migration in order, and bringing a file up to date. A migration
 * that has shipped is never edited; a change is a new migration.
 */
final class ProjectSchema {
  private ProjectSchema() {}

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
      """,
          """
      ALTER TABLE runs ADD COLUMN method TEXT NOT NULL DEFAULT '{}';
      """,
          """
      CREATE TABLE queue_marks (
        coder TEXT NOT NULL, segment_id TEXT NOT NULL, mark TEXT NOT NULL, marked_at TEXT NOT NULL,
        PRIMARY KEY (coder, segment_id));
      """);

  /**
   * SQLite's application id for aet projects (the bytes "aet1"): written into every project's file
   * header, so aet can tell its own projects from any other database before it changes anything.
   */
  static final int APPLICATION_ID = 0x61657431;

  /** Brings the schema to {@code target} (tests use an earlier target to make old projects). */
  static void migrate(Database db, Path file, int target) throws AetException {
    int version = version(db);
    if (version > MIGRATIONS.size()) {
      throw new AetException(
          file + " was made by a newer aet (schema " + version + "); update aet to open it");
    }
    for (int v = version; v < target; v++) {
      int next = v + 1;
      String script = MIGRATIONS.get(v);
      db.transaction(
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

  /** The schema version the file is at. */
  static int version(Database db) throws AetException {
    try (Statement s = db.connection().createStatement();
        ResultSet r = s.executeQuery("PRAGMA user_version")) {
      return r.getInt(1);
    } catch (SQLException e) {
      throw db.failure(e);
    }
  }
}
