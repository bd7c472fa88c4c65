package org.aet.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.aet.diagnostics.AetException;

/**
 * The project file's connection, with transactions and the error messages a researcher can act on.
 * Only the project's record keepers in this package use it; nothing outside gets the connection.
 */
final class Database {
  private final Path file;
  private final Connection connection;

  Database(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  Path file() {
    return file;
  }

  Connection connection() {
    return connection;
  }

  static final ObjectMapper JSON = new ObjectMapper();

  /** Work on the connection that either completes whole or leaves the project untouched. */
  interface Work {
    void run(Connection connection) throws SQLException, AetException;
  }

  /** Runs {@code work} in one transaction: all of it is applied, or none. */
  void transaction(Work work) throws AetException {
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

  /** {@code value} as JSON text for a column; shared with the project's other record keepers. */
  static String json(Object value) throws SQLException {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new SQLException(e);
    }
  }

  AetException failure(Exception e) {
    return new AetException(
        file
            + ": project store error: "
            + (e instanceof SQLException sql ? busyOr(sql) : e.getMessage()),
        e);
  }

  /** SQLite's message, or for a busy database what it means and what to do. */
  static String busyOr(SQLException e) {
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
