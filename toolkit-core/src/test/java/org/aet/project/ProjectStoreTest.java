package org.aet.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.aet.diagnostics.AetException;
import org.aet.ingest.PlainTextReader;
import org.aet.ingest.SourceText;
import org.aet.model.Transcript;
import org.aet.segment.SegmentUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a project file must be before aet uses it, and how it is kept whole. */
class ProjectStoreTest {
  /** Every file in {@code dir}, to show that nothing appeared beside a project. */
  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertRefusedUnchanged(Path file, String expected) throws Exception {
    byte[] before = Files.readAllBytes(file);
    List<String> around = files(file.getParent());
    for (ProjectStore.Access access : ProjectStore.Access.values()) {
      AetException e =
          assertThrows(
              AetException.class, () -> ProjectStore.open(file, access, Duration.ofSeconds(1)));
      assertTrue(e.getMessage().contains(expected), e.getMessage());
      assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
    }
    assertArrayEquals(before, Files.readAllBytes(file), "the file is exactly as it was");
    assertEquals(around, files(file.getParent()), "nothing was written beside it");
  }

  @Test
  void anythingButAnAetProjectIsRefusedUnchanged(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.aet"));
    assertRefusedUnchanged(empty, "is empty (0 bytes)");

    Path text = Files.writeString(dir.resolve("notes.aet"), "Ann: hello\n".repeat(20));
    assertRefusedUnchanged(text, "not a database file");

    Path other = dir.resolve("other.aet");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE people (name TEXT)");
      s.execute("INSERT INTO people VALUES ('Ann')");
    }
    assertRefusedUnchanged(other, "is an SQLite database but not an aet project");

    Path foreign = dir.resolve("foreign.aet");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE meta (key TEXT, value TEXT)");
      s.execute("PRAGMA application_id = 1234");
    }
    assertRefusedUnchanged(foreign, "a database of another program");
  }

  @Test
  void aProjectCarriesAetsApplicationIdInItsHeader(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.aet");
    ProjectStore.create(file).close();
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "r")) {
      raw.seek(68);
      assertEquals(ProjectSchema.APPLICATION_ID, raw.readInt());
    }
  }

  @Test
  void aDamagedProjectIsRefusedNotUsed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.aet");
    ProjectFixture.create(file).close();
    long size = Files.size(file);
    assertTrue(size > 8 * 4096, "the fixture spans several pages: " + size);
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      for (long at = 4096 * 2; at < size; at += 4096) {
        raw.seek(at);
        raw.write(new byte[] {13, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7, 7});
      }
    }
    AetException e = assertThrows(AetException.class, () -> ProjectStore.openForReading(file));
    assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
    assertTrue(e.getMessage().contains("Restore the project from a backup"), e.getMessage());
  }

  @Test
  void readingLeavesTheProjectAndItsFolderExactlyAsTheyWere(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.aet");
    ProjectFixture.create(file).close();
    byte[] before = Files.readAllBytes(file);
    List<String> around = files(dir);
    try (ProjectStore store = ProjectStore.openForReading(file)) {
      assertEquals(5, store.segments(SegmentUnit.TURN).size());
      assertEquals(List.of(), files(dir).stream().filter(n -> !around.contains(n)).toList());
    }
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(around, files(dir), "no -wal, -shm or -journal beside it");
  }

  @Test
  void aReadOnlyProjectOpensForReadingAndRefusesChanges(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.aet");
    ProjectFixture.create(file).close();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(file), "permissions do not bind this user (root)");
      try (ProjectStore store = ProjectStore.openForReading(file)) {
        assertEquals(5, store.segments(SegmentUnit.TURN).size());
      }
      AetException e = assertThrows(AetException.class, () -> ProjectStore.open(file));
      assertTrue(e.getMessage().contains("is read-only"), e.getMessage());
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  @Test
  void aSecondWriterWaitsAndThenSaysWhoHoldsTheProject(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.aet");
    try (ProjectStore first = ProjectFixture.create(file)) {
      AetException e =
          assertThrows(
              AetException.class,
              () -> ProjectStore.open(file, ProjectStore.Access.WRITE, Duration.ofMillis(300)));
      assertTrue(e.getMessage().contains("is being changed by another aet command (pid "));
      assertTrue(e.getMessage().contains("waited 0 s"), e.getMessage());
      try (ProjectStore reader = ProjectStore.openForReading(file)) {
        assertEquals(1, reader.transcripts().size(), "readers are not held up");
      }
    }
    try (ProjectStore again = ProjectStore.open(file, ProjectStore.Access.WRITE, Duration.ZERO)) {
      assertEquals("ok", again.integrityCheck(), "the lock went with the first writer");
    }
  }

  @Test
  void theSameTextUnderAnotherNameIsNotAddedTwice(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.aet");
    try (ProjectStore store = ProjectFixture.create(file)) {
      Transcript copy =
          new PlainTextReader()
              .read(
                  new SourceText(
                      Path.of("elsewhere/t.txt"), "elsewhere/t", "", ProjectFixture.TEXT, "UTF-8"))
              .transcript();
      ProjectStore.Added added = store.addTranscript(copy, "hash-1");
      assertEquals(ProjectStore.Added.Outcome.SAME_CONTENT, added.outcome());
      assertEquals("t", added.existingId());
      assertEquals(1, store.transcripts().size());
    }
  }

  /** The schema as aet 0.x wrote it (versions 1 and 2), frozen here as it was shipped. */
  private static final String SCHEMA_2 =
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
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, segment_id TEXT NOT NULL REFERENCES segments(id),
        coder TEXT NOT NULL, kind TEXT NOT NULL, decision TEXT NOT NULL, codes TEXT NOT NULL, memo TEXT NOT NULL,
        workbook TEXT NOT NULL, codebook_version TEXT NOT NULL, created_at TEXT NOT NULL);
      INSERT INTO meta VALUES ('project_id', 'old-project');
      INSERT INTO meta VALUES ('created_by', 'aet');
      INSERT INTO sources VALUES ('t', 't.txt', 'txt', 'h', 'Northbrook', '{}', '[]', 'Ann: hi', '[]', '2026-01-01T00:00:00Z');
      INSERT INTO codebooks VALUES ('v1', 'four-tensions', '{}', '2026-01-01T00:00:00Z');
      INSERT INTO segments VALUES ('t@0-7', 't', 'turn', 0, 'Ann', '', NULL, 0, 7, 'Ann: hi');
      INSERT INTO codings (segment_id, code_id, code_path, source, confidence, evidence, status, codebook_version, run_id, created_at)
        VALUES ('t@0-7', 'realistic', 'narratives/realistic', 'rule', 0.35, '[]', 'suggested', 'v1', 'run-a', '2026-01-02T00:00:00Z');
      INSERT INTO decisions (segment_id, coder, kind, decision, codes, memo, workbook, codebook_version, created_at)
        VALUES ('t@0-7', 'alice', 'review', 'accept', '["narratives/realistic"]', 'yes', 'r.xlsx', 'v1', '2026-01-03T00:00:00Z');
      PRAGMA journal_mode = WAL;
      PRAGMA user_version = 2
      """;

  /** The SHA-256 of each migration as it shipped: a shipped migration is never edited. */
  private static final List<String> SHIPPED =
      List.of(
          "c3b5aae07663fcf6b72014cf4259d59a8927b30e033250964049d91bfbea1ccf",
          "ef2ceabfcd2e4c807e0ac1709fd0925a3e43d8b6234843b6b1ec841e96ab5347",
          "35b10ae09706bd263f7d13dbad6d1ae6af31eca5e4d3bed97fdae251647d5fb1",
          "5fad12b82167b4e24dcaaa8ac8c457d0ad07817b9e8d286b9c554cdcf7dc9ecb",
          "aa3bb0cf4f1df2b27fbf76758c1fb17f30d8f5d593c7591925c235816040cd47",
          "efe367f6470d664e80a4fda3894df85fc528b6c13c834541df106ce7f42c5283",
          "613dd9168544a875e21694609846f868d3e2d74cdc73c7c3a133a47b8f225e4c");

  @Test
  void shippedMigrationsAreNeverEdited() {
    assertEquals(
        SHIPPED.size(),
        ProjectSchema.MIGRATIONS.size(),
        "every migration is pinned here once written: add the new one's hash to SHIPPED");
    for (int i = 0; i < SHIPPED.size(); i++) {
      assertEquals(
          SHIPPED.get(i),
          com.google.common.hash.Hashing.sha256()
              .hashString(ProjectSchema.MIGRATIONS.get(i), java.nio.charset.StandardCharsets.UTF_8)
              .toString(),
          "migration "
              + (i + 1)
              + " has shipped: add a new migration instead of editing it (CONTRIBUTING.md)");
    }
  }

  @Test
  void queueMarksAreKeptPerCoderAcrossOpeningsAndCanBeCleared(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.aet");
    ProjectFixture.create(file).close();
    try (ProjectStore store = ProjectStore.open(file)) {
      store.markInQueue("alice", "t@0-7", QueueMark.SKIP);
      store.markInQueue("alice", "t@8-9", QueueMark.POSTPONE);
      store.markInQueue("bob", "t@0-7", QueueMark.POSTPONE);
      store.markInQueue("alice", "t@8-9", QueueMark.SKIP);
    }
    try (ProjectStore store = ProjectStore.openForReading(file)) {
      assertEquals(
          java.util.Map.of("t@0-7", QueueMark.SKIP, "t@8-9", QueueMark.SKIP),
          store.queueMarks("alice"));
      assertEquals(java.util.Map.of("t@0-7", QueueMark.POSTPONE), store.queueMarks("bob"));
    }
    try (ProjectStore store = ProjectStore.open(file)) {
      store.markInQueue("alice", "t@0-7", null);
      assertEquals(java.util.Map.of("t@8-9", QueueMark.SKIP), store.queueMarks("alice"));
      assertEquals(java.util.Map.of(), store.queueMarks("carol"));
      store.clearQueueMarks("alice");
      assertEquals(java.util.Map.of(), store.queueMarks("alice"));
      assertEquals(java.util.Map.of("t@0-7", QueueMark.POSTPONE), store.queueMarks("bob"));
    }
  }

  @Test
  void aProjectOfTheSecondSchemaIsMigratedWithItsRunsAndDecisions(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("old.aet");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String sql : SCHEMA_2.split(";\n")) {
        s.execute(sql);
      }
    }
    try (ProjectStore store = ProjectStore.openForReading(file)) {
      assertEquals(ProjectSchema.MIGRATIONS.size(), store.schemaVersion());
      assertEquals("old-project", store.projectId());
      assertEquals(
          List.of(
              new ProjectStore.Run(
                  "run-a",
                  "v1",
                  SegmentUnit.TURN,
                  java.time.Instant.parse("2026-01-02T00:00:00Z"),
                  java.util.Map.of())),
          store.runs());
      assertEquals(List.of("narratives/realistic"), store.suggestions("run-a").get("t@0-7"));
      ProjectStore.Decision kept = store.latestDecisions().get(0);
      assertEquals("alice", kept.coder());
      assertEquals("yes", kept.memo());
      assertEquals(List.of("alice"), store.coders());
      assertEquals("ok", store.integrityCheck());
    }
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "r")) {
      raw.seek(68);
      assertEquals(ProjectSchema.APPLICATION_ID, raw.readInt(), "recognisable from now on");
      raw.seek(18);
      assertEquals(1, raw.read(), "a rollback journal instead of WAL");
    }
    assertFalse(Files.exists(dir.resolve("old.aet-wal")));
  }
}
