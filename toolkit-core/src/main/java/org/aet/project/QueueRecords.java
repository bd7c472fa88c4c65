package org.aet.project;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.aet.diagnostics.AetException;

/**
 * Each coder's skipped and postponed passages of the ranked queue (schema v7). Part of {@link
 * ProjectStore}, which opens, locks and checks the file.
 */
final class QueueRecords {
  private final Database db;

  QueueRecords(Database db) {
    this.db = db;
  }

  /** Marks {@code segmentId} for {@code coder}, or clears the mark when {@code mark} is null. */
  void mark(String coder, String segmentId, QueueMark mark) throws AetException {
    db.transaction(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM queue_marks WHERE coder = ? AND segment_id = ?")) {
            delete.setString(1, coder);
            delete.setString(2, segmentId);
            delete.executeUpdate();
          }
          if (mark == null) {
            return;
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO queue_marks (coder, segment_id, mark, marked_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, coder);
            insert.setString(2, segmentId);
            insert.setString(3, mark.label());
            insert.setString(4, Instant.now().toString());
            insert.executeUpdate();
          }
        });
  }

  /** Clears every mark of {@code coder}, in one transaction. */
  void clear(String coder) throws AetException {
    db.transaction(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM queue_marks WHERE coder = ?")) {
            delete.setString(1, coder);
            delete.executeUpdate();
          }
        });
  }

  /** The coder's marks by segment id; none in a project of an older schema opened only to read. */
  Map<String, QueueMark> marks(String coder) throws AetException {
    Map<String, QueueMark> marks = new TreeMap<>();
    if (ProjectSchema.version(db) < 7) {
      return marks;
    }
    try (PreparedStatement s =
        db.connection()
            .prepareStatement("SELECT segment_id, mark FROM queue_marks WHERE coder = ?")) {
      s.setString(1, coder);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          marks.put(r.getString(1), QueueMark.of(r.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw db.failure(e);
    }
    return marks;
  }
}
