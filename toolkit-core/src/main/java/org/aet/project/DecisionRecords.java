package org.aet.project;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.AetException;
import org.aet.pipeline.ProgressListener;
import org.aet.project.ProjectStore.Decision;
import org.aet.project.ProjectStore.Workbook;

/**
 * The coders' decisions, with their whole history, and the review workbooks exported and imported.
 * Part of {@link ProjectStore}, which opens, locks and checks the file.
 */
final class DecisionRecords {
  private final Database db;

  DecisionRecords(Database db) {
    this.db = db;
  }

  /**
   * Records {@code decisions} and marks the workbook {@code exportId} imported, in one transaction;
   * {@code progress} hears each one recorded.
   */
  void addDecisions(List<Decision> decisions, String exportId, ProgressListener progress)
      throws AetException {
    db.transaction(
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
              insert.setString(3, d.kind().label());
              insert.setString(4, d.decision().label());
              insert.setString(5, Database.json(d.codes()));
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
  List<Decision> latestDecisions() throws AetException {
    return latest(false);
  }

  /** The latest entry of each coder on each segment, withdrawn ones included. */
  List<Decision> latestEntries() throws AetException {
    return latest(true);
  }

  private List<Decision> latest(boolean withdrawn) throws AetException {
    List<Decision> decisions = new ArrayList<>();
    try (Statement s = db.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT segment_id, coder, kind, decision, codes, memo, workbook,"
                    + " codebook_version, export_id FROM decisions d WHERE id = (SELECT MAX(id) FROM"
                    + " decisions e WHERE e.segment_id = d.segment_id AND e.coder = d.coder)"
                    + (withdrawn ? "" : " AND decision <> 'withdrawn'")
                    + " ORDER BY id")) {
      while (r.next()) {
        decisions.add(decision(r));
      }
    } catch (SQLException | IOException e) {
      throw db.failure(e);
    }
    return decisions;
  }

  /**
   * The latest entry of {@code coder} on each segment as it stood at {@code at}, withdrawn ones
   * included: what a workbook exported at that moment showed the coder as theirs.
   */
  Map<String, Decision> entriesAt(String coder, Instant at) throws AetException {
    Map<String, Decision> entries = new HashMap<>();
    try (PreparedStatement query =
        db.connection()
            .prepareStatement(
                "SELECT segment_id, coder, kind, decision, codes, memo, workbook, codebook_version,"
                    + " export_id, created_at FROM decisions WHERE coder = ? ORDER BY id")) {
      query.setString(1, coder);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          if (Instant.parse(r.getString(10)).isAfter(at)) {
            continue;
          }
          entries.put(r.getString(1), decision(r));
        }
      }
    } catch (SQLException | IOException e) {
      throw db.failure(e);
    }
    return entries;
  }

  /** A decision from a row whose first nine columns are those of {@link Decision}, in order. */
  private static Decision decision(ResultSet r) throws SQLException, IOException {
    return new Decision(
        r.getString(1),
        r.getString(2),
        DecisionKind.of(r.getString(3)),
        Verdict.of(r.getString(4)),
        Database.JSON.readValue(r.getString(5), new TypeReference<List<String>>() {}),
        r.getString(6),
        r.getString(7),
        r.getString(8),
        r.getString(9));
  }

  /** Every coder name the project knows, from decisions and exported workbooks. */
  List<String> coders() throws AetException {
    List<String> coders = new ArrayList<>();
    try (Statement s = db.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT coder FROM decisions UNION SELECT coder FROM workbooks ORDER BY 1")) {
      while (r.next()) {
        coders.add(r.getString(1));
      }
    } catch (SQLException e) {
      throw db.failure(e);
    }
    return coders;
  }

  /** Records an exported workbook. */
  void addWorkbook(Workbook workbook) throws AetException {
    db.transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO workbooks (export_id, coder, kind, blind, run_id, codebook_version,"
                      + " segment_ids, exported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, workbook.exportId());
            insert.setString(2, workbook.coder());
            insert.setString(3, workbook.kind().label());
            insert.setInt(4, workbook.blind() ? 1 : 0);
            insert.setString(5, workbook.runId());
            insert.setString(6, workbook.codebookVersion());
            insert.setString(7, Database.json(workbook.segmentIds()));
            insert.setString(8, workbook.exportedAt().toString());
            insert.executeUpdate();
          }
        });
  }

  /** Every workbook exported from the project, oldest first. */
  List<Workbook> workbooks() throws AetException {
    List<Workbook> workbooks = new ArrayList<>();
    try (Statement s = db.connection().createStatement();
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
                DecisionKind.of(r.getString(3)),
                r.getInt(4) == 1,
                r.getString(5),
                r.getString(6),
                Database.JSON.readValue(r.getString(7), new TypeReference<List<String>>() {}),
                Instant.parse(r.getString(8)),
                imported == null ? null : Instant.parse(imported)));
      }
    } catch (SQLException | IOException e) {
      throw db.failure(e);
    }
    return workbooks;
  }

  /** When each decision recorded with {@code workbook} in its workbook column was made. */
  List<Instant> times(String workbook) throws AetException {
    List<Instant> times = new ArrayList<>();
    try (PreparedStatement s =
        db.connection()
            .prepareStatement("SELECT DISTINCT created_at FROM decisions WHERE workbook = ?")) {
      s.setString(1, workbook);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          times.add(Instant.parse(r.getString(1)));
        }
      }
    } catch (SQLException e) {
      throw db.failure(e);
    }
    return times;
  }

  /** How many decisions the history holds, for reports and tests. */
  int decisionCount() throws AetException {
    try (Statement s = db.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM decisions")) {
      return r.getInt(1);
    } catch (SQLException e) {
      throw db.failure(e);
    }
  }
}
