package org.aet.project;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.pipeline.ProgressListener;
import org.aet.segment.SegmentUnit;
import org.sqlite.SQLiteConfig;

/**
 * A project: one SQLite file holding a study's transcripts (with their content hash), codebooks,
 * segments, every coding with its provenance, and every review decision with the coder's name.
 * History is never overwritten: a changed decision is a new row, and the latest one counts. Every
 * change runs in one transaction, so a crash leaves the project as it was before the change.
 *
 * <p>The schema is versioned ({@code PRAGMA user_version}) and migrated forward on open; see {@link
 * ProjectSchema}.
 */
public final class ProjectStore implements AutoCloseable {

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

  private final Path file;
  private final Connection connection;
  private final ProjectLock lock;

  private final Database db;
  private final SourceRecords sources;
  private final RunRecords runs;
  private final DecisionRecords decisions;
  private final RankingRecords rankings;
  private final QueueRecords queue;

  private ProjectStore(Path file, Connection connection, ProjectLock lock) {
    this.file = file;
    this.connection = connection;
    this.lock = lock;
    this.db = new Database(file, connection);
    this.sources = new SourceRecords(db);
    this.runs = new RunRecords(db);
    this.decisions = new DecisionRecords(db);
    this.rankings = new RankingRecords(db);
    this.queue = new QueueRecords(db);
  }

  /** Creates a new, empty project file. */
  public static ProjectStore create(Path file) throws AetException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new AetException(file + " already exists; a new project needs a new file name");
    }
    ProjectLock lock = ProjectLock.acquire(file, DEFAULT_WAIT);
    ProjectStore store = connect(file, Access.WRITE, lock);
    store.db.transaction(
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

  /** Whether {@code file} is named as a project is: {@code study.aet}. */
  public static boolean isProjectFile(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().endsWith(".aet");
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
    if (header.userVersion() > ProjectSchema.MIGRATIONS.size()) {
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
    if (access == Access.READ && header.userVersion() < ProjectSchema.MIGRATIONS.size()) {
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
    if (header.applicationId() != ProjectSchema.APPLICATION_ID && header.applicationId() != 0) {
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
      int code = e.getErrorCode() & 0xff;
      if (code == 11 || code == 26) { // SQLITE_CORRUPT, SQLITE_NOTADB: the schema itself is hit
        throw new AetException(
            file + " is damaged (SQLite cannot read its tables: " + e.getMessage() + ")" + RESTORE,
            e);
      }
      throw db.failure(e);
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
      throw new AetException(file + ": cannot open the project: " + Database.busyOr(e), e);
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
        ProjectSchema.migrate(store.db, file, ProjectSchema.MIGRATIONS.size());
        // Written only when missing: setting it, even to the same value, rewrites the header
        // (SQLite's change counter), and opening a project must not change its bytes.
        try (var id = s.executeQuery("PRAGMA application_id")) {
          if (!id.next() || id.getInt(1) != ProjectSchema.APPLICATION_ID) {
            s.execute("PRAGMA application_id = " + ProjectSchema.APPLICATION_ID);
          }
        }
      } catch (SQLException | AetException e) {
        store.close();
        throw e instanceof AetException aet
            ? aet
            : new AetException(
                file + ": cannot open the project: " + Database.busyOr((SQLException) e), e);
      }
    }
    return new ProjectStore(file, connection, lock);
  }

  /** The version of the file's schema (the number of migrations applied). */
  public int schemaVersion() throws AetException {
    return ProjectSchema.version(db);
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
      throw db.failure(e);
    }
  }

  /** The latest entry of each coder on each segment, withdrawn ones included. */
  List<Decision> latestEntries() throws AetException {
    return this.decisions.latestEntries();
  }

  /** The latest entry of {@code coder} on each segment as it stood at {@code at}, by segment id. */
  Map<String, Decision> entriesAt(String coder, Instant at) throws AetException {
    return this.decisions.entriesAt(coder, at);
  }

  /** What the project keeps of a REFI-QDA project it imported, to export it back. */
  public ExchangeRecords exchange() {
    return new ExchangeRecords(db);
  }

  /** "ok" when SQLite finds the file sound. */
  public String integrityCheck() throws AetException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      return r.getString(1);
    } catch (SQLException e) {
      throw db.failure(e);
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

  /**
   * One coding run: which codebook it coded against, what a segment was, and how its suggestions
   * were made.
   *
   * @param method how the suggestions were made, item by item ({@code CodingJob.method()}); empty
   *     for runs stored before aet kept it, and for imports
   */
  public record Run(
      String id,
      String codebookVersion,
      SegmentUnit unit,
      Instant createdAt,
      Map<String, String> method) {
    public Run {
      method = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(method));
    }
  }

  /**
   * One suggestion of a run as stored: the code's path, who suggested it, how sure, and where its
   * evidence lies in the transcript's text.
   */
  public record Suggested(String codePath, String source, double confidence, List<Span> evidence) {
    public Suggested {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * One entry in a coder's history of a segment.
   *
   * @param kind a coder's own review or the team's consensus
   * @param decision what the row said: a coding decision, only a memo, or withdrawn
   * @param codes the code paths the decision applies (none: no code applies)
   * @param workbook the workbook's file name, as the coder saw it
   * @param exportId the id of the exported workbook it came from
   */
  public record Decision(
      String segmentId,
      String coder,
      DecisionKind kind,
      Verdict decision,
      List<String> codes,
      String memo,
      String workbook,
      String codebookVersion,
      String exportId) {
    /**
     * The workbook column of decisions made in the browser workspace ({@code aet serve}): they have
     * no export id, and they review the run that was the latest when they were made.
     */
    public static final String WORKSPACE = "browser workspace";

    public Decision {
      codes = List.copyOf(codes);
    }

    /** Whether this decision says which codes apply (not only a memo, not withdrawn). */
    public boolean isCoding() {
      return decision.isCoding();
    }
  }

  /**
   * A review workbook as exported: whose it is, what it showed, and when it was exported and last
   * imported. Imports are checked against it.
   */
  public record Workbook(
      String exportId,
      String coder,
      DecisionKind kind,
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

  /**
   * One fit of the ranked review's model: what it was trained on and what it estimated.
   *
   * @param version a hash of the reviewed segments and their labels it was fitted to
   * @param basis "codebook" (or "learned model", when a model learned elsewhere ranks the first
   *     rounds) before the team has coded both kinds of segment, then "model"
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

  @Override
  public void close() throws AetException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw db.failure(e);
    } finally {
      if (lock != null) {
        lock.release();
      }
    }
  }

  /**
   * Adds a transcript. One already in the project with the same content is left as it is; one with
   * changed content is refused, since its codings and decisions point at the old text; the same
   * content under another id is not added twice.
   */
  public Added addTranscript(Transcript transcript, String contentHash) throws AetException {
    return this.sources.addTranscript(transcript, contentHash);
  }

  /** Every transcript in the project, in the order added. */
  public List<Transcript> transcripts() throws AetException {
    return this.sources.transcripts();
  }

  /** Every segment of the project of {@code unit} ("turn" or "sentence"), in text order. */
  public List<StoredSegment> segments(SegmentUnit unit) throws AetException {
    return this.sources.segments(unit);
  }

  /** Stores a codebook (once per version). */
  public void addCodebook(Codebook codebook) throws AetException {
    this.runs.addCodebook(codebook);
  }

  /**
   * Stores a coding run: its segments (once each, by their stable id) and its codings as new rows
   * under {@code runId}. Earlier runs stay.
   */
  public void addRun(
      String runId,
      List<Segment> segments,
      SegmentUnit unit,
      List<Coding> codings,
      Codebook codebook)
      throws AetException {
    addRun(runId, segments, unit, codings, codebook, Map.of());
  }

  /** Stores a coding run with how its suggestions were made ({@code CodingJob.method()}). */
  public void addRun(
      String runId,
      List<Segment> segments,
      SegmentUnit unit,
      List<Coding> codings,
      Codebook codebook,
      Map<String, String> method)
      throws AetException {
    this.runs.addRun(runId, segments, unit, codings, codebook, method);
  }

  /** Every coding run, oldest first. */
  public List<Run> runs() throws AetException {
    return this.runs.runs();
  }

  /**
   * The latest coding run.
   *
   * @throws AetException telling how to code the project when it has no run yet
   */
  public Run latestRun() throws AetException {
    return this.runs.latestRun();
  }

  /** The run {@code id}, or null when the project has none by that id. */
  public Run run(String id) throws AetException {
    return this.runs.run(id);
  }

  /** The machine's suggestions of the run {@code runId}, as code paths per segment. */
  public Map<String, List<String>> suggestions(String runId) throws AetException {
    return this.runs.suggestions(runId);
  }

  /** The machine's suggestions of the run {@code runId} per segment: code, source, evidence. */
  public Map<String, List<Suggested>> suggestedCodings(String runId) throws AetException {
    return runs.suggestedCodings(runId);
  }

  /** The codebook stored under {@code version}. */
  public Codebook codebook(String version) throws AetException {
    return this.runs.codebook(version);
  }

  /** Every codebook version in the project, oldest first, as name by version. */
  public Map<String, String> codebookNames() throws AetException {
    return this.runs.codebookNames();
  }

  /**
   * Records {@code decisions} and marks the workbook {@code exportId} imported, in one transaction;
   * {@code progress} hears each one recorded.
   */
  public void addDecisions(List<Decision> decisions, String exportId, ProgressListener progress)
      throws AetException {
    this.decisions.addDecisions(decisions, exportId, progress);
  }

  /**
   * The latest entry of each coder on each segment (earlier ones stay in the history), leaving out
   * rows the coder withdrew.
   */
  public List<Decision> latestDecisions() throws AetException {
    return this.decisions.latestDecisions();
  }

  /**
   * The name to record {@code coder}'s decisions under: as given, or as the project first spelt it
   * ("ALICE" is "alice").
   *
   * @throws AetException when it cannot be a coder's name: empty, "machine" or "consensus", or not
   *     one line of at most 64 characters
   */
  public String coderName(String coder) throws AetException {
    return CoderNames.check(this, coder);
  }

  /** Every coder name the project knows, from decisions and exported workbooks. */
  public List<String> coders() throws AetException {
    return this.decisions.coders();
  }

  /** Records an exported workbook. */
  public void addWorkbook(Workbook workbook) throws AetException {
    this.decisions.addWorkbook(workbook);
  }

  /** Every workbook exported from the project, oldest first. */
  public List<Workbook> workbooks() throws AetException {
    return this.decisions.workbooks();
  }

  /**
   * When each decision recorded with {@code workbook} in its workbook column was made ({@link
   * Decision#WORKSPACE}: those made in the browser).
   */
  public List<Instant> decisionTimes(String workbook) throws AetException {
    return this.decisions.times(workbook);
  }

  /** How many decisions the history holds, for reports and tests. */
  public int decisionCount() throws AetException {
    return this.decisions.decisionCount();
  }

  /** Records a fit of the ranked review's model. */
  public void addRanking(Ranking ranking) throws AetException {
    this.rankings.addRanking(ranking);
  }

  /** Every fit of the ranked review's model, oldest first. */
  public List<Ranking> rankings() throws AetException {
    return this.rankings.rankings();
  }

  /**
   * Marks a passage of the ranked queue as skipped or postponed by {@code coder}; a null {@code
   * mark} puts it back in its place.
   */
  public void markInQueue(String coder, String segmentId, QueueMark mark) throws AetException {
    this.queue.mark(coder, segmentId, mark);
  }

  /** Puts every passage {@code coder} skipped or postponed back in its place in the queue. */
  public void clearQueueMarks(String coder) throws AetException {
    this.queue.clear(coder);
  }

  /** The passages {@code coder} skipped or postponed in the ranked queue, by segment id. */
  public Map<String, QueueMark> queueMarks(String coder) throws AetException {
    return this.queue.marks(coder);
  }
}
