package org.aet.project;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aet.diagnostics.AetException;
import org.aet.project.ProjectStore.Ranking;

/**
 * The review rankings fitted to the team's decisions. Part of {@link ProjectStore}, which opens,
 * locks and checks the file.
 */
final class RankingRecords {
  private final Database db;

  RankingRecords(Database db) {
    this.db = db;
  }

  /** Records a fit of the ranked review's model. */
  void addRanking(Ranking ranking) throws AetException {
    db.transaction(
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
  List<Ranking> rankings() throws AetException {
    List<Ranking> rankings = new ArrayList<>();
    try (Statement s = db.connection().createStatement();
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
      throw db.failure(e);
    }
    return rankings;
  }
}
