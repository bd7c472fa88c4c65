package org.aet.project;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.AetException;

/**
 * What a project keeps of a REFI-QDA project it imported, so that exporting it again gives the
 * other tool back its own sources, GUIDs and selections: each source's own text with the map from
 * it to aet's text, each coding as it was selected there, and the users' GUIDs. Projects that never
 * imported one keep nothing here.
 */
public final class ExchangeRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database db;

  /** The records of the project {@code db} is the file of; see {@link ProjectStore#exchange()}. */
  ExchangeRecords(Database db) {
    this.db = db;
  }

  /**
   * A run of characters that reads the same in a source's own text and in aet's text of it.
   *
   * @param aetBegin where it starts in aet's text
   * @param sourceBegin where it starts in the source's own text
   * @param length how many characters (UTF-16 units) it has
   */
  public record Block(int aetBegin, int sourceBegin, int length) {}

  /**
   * A source as the other tool had it.
   *
   * @param transcriptId the transcript aet made of it
   * @param guid its GUID there
   * @param name its name there
   * @param plainText its own plain text, to which selections' offsets refer
   * @param blocks where aet's text lies in it, in order
   */
  public record Source(
      String transcriptId, String guid, String name, String plainText, List<Block> blocks) {
    public Source {
      blocks = List.copyOf(blocks);
    }
  }

  /** A memo attached to a selection, with its GUID there. */
  public record Note(String guid, String text) {}

  /**
   * One coding of one selection, as the other tool had it.
   *
   * @param importId the import it came in with (also the export id of the decisions made of it)
   * @param start where the selection starts in the source's own text (UTF-16 units)
   * @param end where it ends (exclusive)
   * @param codingGuid the coding's GUID, or "" for a selection that only carries notes
   * @param codeGuid the code's GUID, or "" likewise
   * @param segmentIds the segments it was mapped onto for agreement and training
   */
  public record Selection(
      String importId,
      String transcriptId,
      String guid,
      String name,
      int start,
      int end,
      String coder,
      String codingGuid,
      String codeGuid,
      List<Note> notes,
      List<String> segmentIds) {
    public Selection {
      notes = List.copyOf(notes);
      segmentIds = List.copyOf(segmentIds);
    }
  }

  /** Keeps the sources, selections and user GUIDs of one import, all or none. */
  public void add(List<Source> sources, List<Selection> selections, Map<String, String> users)
      throws AetException {
    db.transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO exchange_sources (transcript_id, guid, name, plain_text,"
                      + " blocks) VALUES (?, ?, ?, ?, ?)")) {
            for (Source s : sources) {
              insert.setString(1, s.transcriptId());
              insert.setString(2, s.guid());
              insert.setString(3, s.name());
              insert.setString(4, s.plainText());
              insert.setString(
                  5,
                  Database.json(
                      s.blocks().stream()
                          .map(b -> List.of(b.aetBegin(), b.sourceBegin(), b.length()))
                          .toList()));
              insert.executeUpdate();
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO exchange_selections (import_id, transcript_id, guid, name, start, end,"
                      + " coder, coding_guid, code_guid, notes, segment_ids)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Selection s : selections) {
              insert.setString(1, s.importId());
              insert.setString(2, s.transcriptId());
              insert.setString(3, s.guid());
              insert.setString(4, s.name());
              insert.setInt(5, s.start());
              insert.setInt(6, s.end());
              insert.setString(7, s.coder());
              insert.setString(8, s.codingGuid());
              insert.setString(9, s.codeGuid());
              insert.setString(
                  10,
                  Database.json(s.notes().stream().map(n -> List.of(n.guid(), n.text())).toList()));
              insert.setString(11, Database.json(s.segmentIds()));
              insert.addBatch();
            }
            insert.executeBatch();
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO exchange_users (name, guid) VALUES (?, ?)")) {
            for (Map.Entry<String, String> user : users.entrySet()) {
              insert.setString(1, user.getKey());
              insert.setString(2, user.getValue());
              insert.executeUpdate();
            }
          }
        });
  }

  /** The imported sources, by transcript id. */
  public Map<String, Source> sources() throws AetException {
    Map<String, Source> sources = new LinkedHashMap<>();
    try (Statement s = db.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT transcript_id, guid, name, plain_text, blocks FROM exchange_sources"
                    + " ORDER BY rowid")) {
      while (r.next()) {
        List<List<Integer>> rows =
            JSON.readValue(r.getString(5), new TypeReference<List<List<Integer>>>() {});
        sources.put(
            r.getString(1),
            new Source(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                rows.stream().map(b -> new Block(b.get(0), b.get(1), b.get(2))).toList()));
      }
    } catch (SQLException | IOException e) {
      throw new AetException(db.file() + ": cannot read imported sources: " + e.getMessage(), e);
    }
    return sources;
  }

  /** Every imported selection, in the order imported. */
  public List<Selection> selections() throws AetException {
    List<Selection> selections = new ArrayList<>();
    try (Statement s = db.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT import_id, transcript_id, guid, name, start, end, coder, coding_guid,"
                    + " code_guid, notes, segment_ids FROM exchange_selections ORDER BY id")) {
      while (r.next()) {
        List<List<String>> notes =
            JSON.readValue(r.getString(10), new TypeReference<List<List<String>>>() {});
        selections.add(
            new Selection(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getInt(5),
                r.getInt(6),
                r.getString(7),
                r.getString(8),
                r.getString(9),
                notes.stream().map(n -> new Note(n.get(0), n.get(1))).toList(),
                JSON.readValue(r.getString(11), new TypeReference<List<String>>() {})));
      }
    } catch (SQLException | IOException e) {
      throw new AetException(db.file() + ": cannot read imported selections: " + e.getMessage(), e);
    }
    return selections;
  }

  /** The GUIDs imported users had, by name. */
  public Map<String, String> users() throws AetException {
    Map<String, String> users = new LinkedHashMap<>();
    try (Statement s = db.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT name, guid FROM exchange_users ORDER BY rowid")) {
      while (r.next()) {
        users.put(r.getString(1), r.getString(2));
      }
    } catch (SQLException e) {
      throw new AetException(db.file() + ": cannot read imported users: " + e.getMessage(), e);
    }
    return users;
  }
}
