package org.aet.project;

import static org.aet.project.ReviewWorkbook.ADD;
import static org.aet.project.ReviewWorkbook.DECISION;
import static org.aet.project.ReviewWorkbook.DECISIONS;
import static org.aet.project.ReviewWorkbook.HEADERS;
import static org.aet.project.ReviewWorkbook.ID;
import static org.aet.project.ReviewWorkbook.MEMO;
import static org.aet.project.ReviewWorkbook.META_SHEET;
import static org.aet.project.ReviewWorkbook.REVIEW_SHEET;
import static org.aet.project.ReviewWorkbook.SUGGESTED;
import static org.aet.project.ReviewWorkbook.TEXT;
import static org.aet.project.ReviewWorkbook.cell;
import static org.aet.project.ReviewWorkbook.problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.SpreadsheetText;
import org.aet.io.ZipGuard;
import org.aet.pipeline.ProgressListener;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Importing a filled-in review workbook ({@link ReviewWorkbook}) in three steps, so that any front
 * end does what {@code aet review import} does: {@link #read} the workbook as the coder left it,
 * {@link #validate} it completely against the project and the record of its export (every problem
 * at once, naming its cell), then {@link #apply} the decisions under the coder's name in one
 * transaction. Nothing is recorded unless everything is valid.
 */
public final class ReviewImport {
  private ReviewImport() {}

  /**
   * One row of the Review sheet as the coder left it; {@code readable} false when a cell that takes
   * plain text holds a formula.
   */
  public record Entry(
      int row,
      String id,
      String text,
      String suggested,
      String decision,
      String added,
      String memo,
      boolean readable) {}

  /**
   * A filled-in workbook as read.
   *
   * @param meta the hidden sheet's values, by key
   * @param headers the Review sheet's column headings (empty when it has no Review sheet)
   * @param entries its rows
   * @param problems what could not be read (formulas where plain text belongs)
   */
  public record Filled(
      Path file,
      Map<String, MetaCell> meta,
      boolean hasReviewSheet,
      List<String> headers,
      List<Entry> entries,
      List<Diagnostic> problems) {}

  /** A workbook checked against the project: the decisions to record and what the rest were. */
  public record Checked(
      Path file,
      ProjectStore.Workbook export,
      Codebook codebook,
      List<ProjectStore.Decision> decisions,
      int unchanged,
      int withdrawn,
      int unreviewed) {}

  /**
   * What an import did: decisions recorded (new or changed), rows unchanged since the last import,
   * decisions withdrawn by clearing their row, and rows nobody has decided.
   */
  public record Imported(
      String coder,
      DecisionKind kind,
      int recorded,
      int unchanged,
      int withdrawn,
      int unreviewed,
      Codebook codebook) {}

  /** Reads, validates and applies {@code file}: the whole import. */
  public static Imported run(
      ProjectStore store, Path file, boolean force, ProgressListener progress) throws AetException {
    return apply(store, validate(store, read(file), force), progress);
  }

  /**
   * Reads the workbook as the coder left it, after checking it as hostile input (zip bombs, paths
   * that leave the folder).
   *
   * @throws InputException when the file cannot be read as a workbook
   */
  public static Filled read(Path file) throws InputException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
      ZipGuard.check(bytes);
    } catch (IOException e) {
      throw new InputException(
          Diagnostic.fileError(file, "cannot read this workbook: " + e.getMessage()));
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Map<String, MetaCell> meta = readMeta(workbook);
      Sheet sheet = workbook.getSheet(REVIEW_SHEET);
      if (sheet == null) {
        return new Filled(file, meta, false, List.of(), List.of(), List.of());
      }
      DataFormatter format = new DataFormatter();
      Row head = sheet.getRow(0);
      List<String> headers = new ArrayList<>();
      for (int c = 0; c < HEADERS.size(); c++) {
        headers.add(head == null ? "" : format.formatCellValue(head.getCell(c)));
      }
      List<Diagnostic> problems = new ArrayList<>();
      List<Entry> entries = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        int before = problems.size();
        String id = plain(file, row, r, ID, problems);
        String decision = plain(file, row, r, DECISION, problems);
        String added = plain(file, row, r, ADD, problems);
        entries.add(
            new Entry(
                r,
                id.strip(),
                typed(row.getCell(TEXT)),
                typed(row.getCell(SUGGESTED)),
                decision.strip().toLowerCase(Locale.ROOT),
                added.strip(),
                typed(row.getCell(MEMO)),
                problems.size() == before));
      }
      return new Filled(file, meta, true, headers, entries, problems);
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          Diagnostic.fileError(file, "cannot read this workbook: " + e.getMessage()));
    }
  }

  /**
   * Checks {@code filled} completely against the project and the record of its export.
   *
   * @param force import even a workbook older than one of the same coder's already imported
   * @throws InputException listing every problem, each naming its sheet and cell
   */
  public static Checked validate(ProjectStore store, Filled filled, boolean force)
      throws AetException {
    Path file = filled.file();
    ProjectStore.Workbook exported = exportRecord(store, file, filled.meta());
    Codebook codebook = store.codebook(exported.codebookVersion());
    if (!force) {
      refuseIfStale(store, file, exported);
    }
    if (!filled.hasReviewSheet()) {
      throw new InputException(
          problem(file, REVIEW_SHEET, "A1", "the sheet \"Review\" is missing"));
    }
    List<Diagnostic> problems = new ArrayList<>(filled.problems());
    checkHeaders(filled, problems);
    Export export = Export.of(store, filled, exported, codebook);
    Tally tally = new Tally();
    Map<String, Integer> seen = new HashMap<>();
    for (Entry row : filled.entries()) {
      if (row.readable()) {
        checkRow(row, export, seen, tally, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new Checked(
        file,
        exported,
        codebook,
        tally.decisions,
        tally.unchanged,
        tally.withdrawn,
        tally.unreviewed);
  }

  /** The columns a coder fills in, and the segment's, must keep their exported headings. */
  private static void checkHeaders(Filled filled, List<Diagnostic> problems) {
    for (int c : new int[] {ID, TEXT, DECISION, ADD, MEMO}) {
      String found = filled.headers().get(c);
      if (!found.equals(HEADERS.get(c))) {
        problems.add(
            problem(
                filled.file(),
                REVIEW_SHEET,
                cell(0, c),
                "expected the column \""
                    + HEADERS.get(c)
                    + "\" here, found \""
                    + found
                    + "\": columns must stay as exported"));
      }
    }
  }

  /**
   * What a workbook's rows are checked against: the export's record, the segments of its run and
   * what it showed.
   *
   * @param known the run's segments, by id
   * @param inWorkbook the ids of the segments the workbook was exported with
   * @param suggested the suggestions shown, by segment id (none in a blind or consensus workbook)
   * @param current the coder's latest decision on each segment
   * @param shown the coder's entries as they stood at the export: a row still showing one was not
   *     touched, so it neither withdraws nor overrides what the coder decided since elsewhere
   */
  private record Export(
      Path file,
      ProjectStore.Workbook record,
      Codebook codebook,
      Map<String, ProjectStore.StoredSegment> known,
      Set<String> inWorkbook,
      Map<String, List<String>> suggested,
      Map<String, ProjectStore.Decision> current,
      Map<String, ProjectStore.Decision> shown) {
    static Export of(
        ProjectStore store, Filled filled, ProjectStore.Workbook exported, Codebook codebook)
        throws AetException {
      ProjectStore.Run run = store.run(exported.runId());
      if (run == null) {
        throw new InputException(
            problem(
                filled.file(),
                META_SHEET,
                filled.meta().get("run_id").ref(),
                "the coding run this workbook shows is not in the project"));
      }
      Map<String, ProjectStore.StoredSegment> known = new HashMap<>();
      store.segments(run.unit()).forEach(s -> known.put(s.id(), s));
      boolean showsSuggestions = exported.kind() != DecisionKind.CONSENSUS && !exported.blind();
      return new Export(
          filled.file(),
          exported,
          codebook,
          known,
          new HashSet<>(exported.segmentIds()),
          showsSuggestions ? store.suggestions(run.id()) : Map.of(),
          ReviewWorkbook.current(store, exported.coder()),
          store.entriesAt(exported.coder(), exported.exportedAt()));
    }
  }

  /** The decisions to record, and what the other rows were. */
  private static final class Tally {
    final List<ProjectStore.Decision> decisions = new ArrayList<>();
    int unchanged;
    int withdrawn;
    int unreviewed;
  }

  /**
   * Checks one row; a valid one is counted in {@code tally}, a problem added to {@code problems}.
   */
  private static void checkRow(
      Entry row, Export export, Map<String, Integer> seen, Tally tally, List<Diagnostic> problems) {
    ProjectStore.StoredSegment segment = segmentOf(row, export, seen, problems);
    if (segment == null
        || !lockedCellsMatch(
            export.file(), row, segment, export.record().kind(), export.suggested(), problems)) {
      return;
    }
    String decision = row.decision();
    if (!decision.isEmpty() && !DECISIONS.contains(decision)) {
      problems.add(
          problem(
              export.file(),
              REVIEW_SHEET,
              cell(row.row(), DECISION),
              "\""
                  + decision
                  + "\" is not a decision: use "
                  + String.join(", ", DECISIONS)
                  + ", or leave it empty"));
      return;
    }
    Verdict verdict = decision.isEmpty() ? null : Verdict.of(decision);
    List<String> codes = addedCodes(row, export, problems);
    List<String> suggestions = export.suggested().getOrDefault(row.id(), List.of());
    String needs = needs(verdict, codes, suggestions, export.record().blind());
    if (needs != null) {
      int column = verdict == Verdict.RECODE ? ADD : DECISION;
      problems.add(problem(export.file(), REVIEW_SHEET, cell(row.row(), column), needs));
      return;
    }
    count(row, verdict, codes, suggestions, export, tally);
  }

  /**
   * The segment a row is about, or null (with the problem added) when the row has no id, an id the
   * workbook was not exported with, or the id of an earlier row. A row without an id and without
   * anything filled in is skipped quietly.
   */
  private static ProjectStore.StoredSegment segmentOf(
      Entry row, Export export, Map<String, Integer> seen, List<Diagnostic> problems) {
    Path file = export.file();
    String id = row.id();
    String at = cell(row.row(), ID);
    if (id.isEmpty()) {
      if (!row.decision().isEmpty() || !row.added().isEmpty() || !row.memo().isBlank()) {
        problems.add(problem(file, REVIEW_SHEET, at, "this row has a decision but no segment id"));
      }
      return null;
    }
    ProjectStore.StoredSegment segment = export.known().get(id);
    if (segment == null || !export.inWorkbook().contains(id)) {
      problems.add(
          problem(
              file,
              REVIEW_SHEET,
              at,
              "segment id \""
                  + id
                  + "\" was not in this workbook when it was exported: the id was edited, or"
                  + " the row was copied from another workbook"));
      return null;
    }
    Integer first = seen.putIfAbsent(id, row.row());
    if (first != null) {
      problems.add(
          problem(
              file,
              REVIEW_SHEET,
              at,
              "segment \"" + id + "\" appears twice (first in row " + (first + 1) + ")"));
      return null;
    }
    return segment;
  }

  /** The code paths of the row's "Codes to add", each once; a label of no code is a problem. */
  private static List<String> addedCodes(Entry row, Export export, List<Diagnostic> problems) {
    Codebook codebook = export.codebook();
    List<String> codes = new ArrayList<>();
    for (String label : row.added().split("[;,\\n]")) {
      if (label.isBlank()) {
        continue;
      }
      String path = pathOf(codebook, label.strip());
      if (path == null) {
        problems.add(
            problem(
                export.file(),
                REVIEW_SHEET,
                cell(row.row(), ADD),
                "\""
                    + label.strip()
                    + "\" is not a code of "
                    + codebook.name()
                    + "; use a code path such as \""
                    + codebook.path(codebook.codes().get(codebook.codes().size() - 1).id())
                    + "\" (see the Codebook sheet)"));
      } else if (!codes.contains(path)) {
        codes.add(path);
      }
    }
    return codes;
  }

  /** What a decision lacks ("accept" without suggestions, "recode" without codes), or null. */
  private static String needs(
      Verdict verdict, List<String> codes, List<String> suggestions, boolean blind) {
    if (verdict == Verdict.ACCEPT && suggestions.isEmpty()) {
      return blind
          ? "\"accept\" needs suggestions, and this workbook is blind: put your codes in \"Codes to add\""
          : "\"accept\" needs suggestions, and this segment has none: put codes in \"Codes to add\"";
    }
    if (verdict == Verdict.RECODE && codes.isEmpty()) {
      return "\"recode\" needs the codes to use instead here";
    }
    return null;
  }

  /**
   * Counts a valid row: a new or changed decision to record (a withdrawal when a decided row was
   * cleared), a row unchanged since the coder's last decision or since the export, or a row nobody
   * has decided.
   */
  private static void count(
      Entry row,
      Verdict verdict,
      List<String> codes,
      List<String> suggestions,
      Export export,
      Tally tally) {
    String id = row.id();
    ProjectStore.Workbook exported = export.record();
    ProjectStore.Decision previous = export.current().get(id);
    boolean decidedBefore = previous != null && previous.decision() != Verdict.WITHDRAWN;
    ProjectStore.Decision atExport = export.shown().get(id);
    boolean shownDecided = atExport != null && atExport.decision() != Verdict.WITHDRAWN;
    String memo = row.memo();
    Verdict entry;
    List<String> result = new ArrayList<>();
    if (row.decision().isEmpty() && codes.isEmpty()) {
      if (!memo.isBlank()) {
        entry = Verdict.MEMO;
      } else if (decidedBefore && shownDecided) {
        entry = Verdict.WITHDRAWN;
        memo = "";
      } else {
        tally.unreviewed++;
        return;
      }
    } else {
      entry = verdict == null ? Verdict.CODE : verdict;
      if (verdict == Verdict.ACCEPT) {
        result.addAll(suggestions);
      }
      codes.stream().filter(c -> !result.contains(c)).forEach(result::add);
    }
    ProjectStore.Decision next =
        new ProjectStore.Decision(
            id,
            exported.coder(),
            exported.kind(),
            entry,
            result,
            memo,
            export.file().getFileName().toString(),
            export.codebook().version(),
            exported.exportId());
    if (decidedBefore && sameMeaning(previous, next)) {
      tally.unchanged++;
    } else if (shownDecided && sameMeaning(atExport, next)) {
      tally.unchanged++; // as exported: a later decision made elsewhere stands
    } else if (!decidedBefore && entry == Verdict.WITHDRAWN) {
      tally.unreviewed++;
    } else {
      if (entry == Verdict.WITHDRAWN) {
        tally.withdrawn++;
      }
      tally.decisions.add(next);
    }
  }

  /**
   * Records the checked decisions under the coder's name and marks the workbook imported, in one
   * transaction: all of them or, if anything fails, none.
   *
   * @param progress hears each decision recorded ("recording")
   */
  public static Imported apply(ProjectStore store, Checked checked, ProgressListener progress)
      throws AetException {
    ProjectStore.Workbook exported = checked.export();
    store.addDecisions(checked.decisions(), exported.exportId(), progress);
    return new Imported(
        exported.coder(),
        exported.kind(),
        checked.decisions().size() - checked.withdrawn(),
        checked.unchanged(),
        checked.withdrawn(),
        checked.unreviewed(),
        checked.codebook());
  }

  /** Two entries that say the same: both coding decisions or both memos, same codes, same memo. */
  private static boolean sameMeaning(ProjectStore.Decision a, ProjectStore.Decision b) {
    return a.isCoding() == b.isCoding()
        && new HashSet<>(a.codes()).equals(new HashSet<>(b.codes()))
        && a.memo().equals(b.memo());
  }

  /**
   * The project's record of the export this workbook came from, checked against the hidden sheet:
   * an edited project id, export id, coder, kind, blindness, codebook or run is an error naming its
   * cell.
   */
  private static ProjectStore.Workbook exportRecord(
      ProjectStore store, Path file, Map<String, MetaCell> meta) throws AetException {
    MetaCell project = meta.getOrDefault("project_id", MetaCell.MISSING);
    if (!store.projectId().equals(project.value())) {
      throw new InputException(
          problem(
              file,
              META_SHEET,
              project.ref(),
              "this workbook was exported from another project ("
                  + (project.value().isEmpty() ? "no project id" : project.value())
                  + "); export a new one from "
                  + store.file()));
    }
    MetaCell exportId = meta.getOrDefault("export_id", MetaCell.MISSING);
    ProjectStore.Workbook record =
        store.workbooks().stream()
            .filter(w -> w.exportId().equals(exportId.value()))
            .findFirst()
            .orElse(null);
    if (record == null) {
      throw new InputException(
          problem(
              file,
              META_SHEET,
              exportId.ref(),
              exportId.value().isEmpty()
                  ? "this workbook has no export id: it was made by an older aet, or its hidden"
                      + " sheet was edited; export a fresh workbook with \"aet review export\""
                  : "the project has no record of exporting this workbook (export id "
                      + exportId.value()
                      + "): its hidden sheet was edited, or it comes from a copy of the project"));
    }
    List<Diagnostic> problems = new ArrayList<>();
    String[][] expected = {
      {"coder", record.coder()},
      {"kind", record.kind().label()},
      {"blind", Boolean.toString(record.blind())},
      {"codebook_version", record.codebookVersion()},
      {"run_id", record.runId()}
    };
    for (String[] fact : expected) {
      MetaCell found = meta.getOrDefault(fact[0], MetaCell.MISSING);
      if (!found.value().equals(fact[1])) {
        problems.add(
            problem(
                file,
                META_SHEET,
                found.ref(),
                "the hidden sheet says "
                    + fact[0]
                    + " \""
                    + found.value()
                    + "\", but this workbook was exported with \""
                    + fact[1]
                    + "\": the sheet was edited; export a fresh workbook"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return record;
  }

  /**
   * Refuses a workbook exported before another of the same coder's that has since been imported:
   * importing it would make older decisions current again.
   */
  private static void refuseIfStale(ProjectStore store, Path file, ProjectStore.Workbook exported)
      throws AetException {
    for (ProjectStore.Workbook other : store.workbooks()) {
      if (!other.exportId().equals(exported.exportId())
          && other.coder().equals(exported.coder())
          && other.importedAt() != null
          && other.exportedAt().isAfter(exported.exportedAt())) {
        throw new InputException(
            problem(
                file,
                META_SHEET,
                "B6",
                "this workbook was exported at "
                    + exported.exportedAt()
                    + ", and "
                    + exported.coder()
                    + " has since imported a workbook exported later ("
                    + other.exportedAt()
                    + ", imported "
                    + other.importedAt()
                    + "). Importing this older one would make its decisions current again: add"
                    + " --force if that is what you want, or export a fresh workbook"));
      }
    }
  }

  /**
   * Whether the locked cells of the row still show what was exported: the segment's text, and the
   * suggestions (of a review workbook) its decision refers to.
   */
  private static boolean lockedCellsMatch(
      Path file,
      Entry entry,
      ProjectStore.StoredSegment segment,
      DecisionKind kind,
      Map<String, List<String>> suggested,
      List<Diagnostic> problems) {
    int r = entry.row();
    String text = entry.text();
    if (!text.equals(SpreadsheetText.fitCell(segment.text()))) {
      problems.add(
          problem(
              file,
              REVIEW_SHEET,
              cell(r, TEXT),
              "this is not the text of segment \""
                  + segment.id()
                  + "\": the row's text or its id was edited (the rows must stay as exported)"));
      return false;
    }
    if (kind == DecisionKind.REVIEW) {
      String shown = entry.suggested();
      String expected = String.join("; ", suggested.getOrDefault(segment.id(), List.of()));
      if (!shown.equals(SpreadsheetText.fitCell(expected))) {
        problems.add(
            problem(
                file,
                REVIEW_SHEET,
                cell(r, SUGGESTED),
                "the suggested codes were edited (exported: \""
                    + expected
                    + "\"); put your own codes in \"Codes to add\""));
        return false;
      }
    }
    return true;
  }

  /**
   * A cell's text as the coder typed it: a formula comes back with its {@code =}, numbers and dates
   * as shown.
   */
  private static String typed(Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.FORMULA) {
      return "=" + cell.getCellFormula();
    }
    return new DataFormatter().formatCellValue(cell);
  }

  /** A cell that must hold plain text: a formula there is an error naming the cell. */
  private static String plain(Path file, Row row, int r, int column, List<Diagnostic> problems) {
    Cell cell = row.getCell(column);
    if (cell != null && cell.getCellType() == CellType.FORMULA) {
      problems.add(
          problem(
              file,
              REVIEW_SHEET,
              cell(r, column),
              "holds a formula (="
                  + cell.getCellFormula()
                  + "); \""
                  + HEADERS.get(column)
                  + "\" takes plain text"));
      return "";
    }
    return typed(cell);
  }

  /** The code path a label names ({@link Codebook#find}); null when it names none. */
  private static String pathOf(Codebook codebook, String label) {
    Code code = codebook.find(label);
    return code == null ? null : codebook.path(code.id());
  }

  /** A value of the hidden sheet and the cell it is in, for messages. */
  public record MetaCell(String value, String ref) {
    static final MetaCell MISSING = new MetaCell("", "A1");
  }

  private static Map<String, MetaCell> readMeta(Workbook workbook) {
    Map<String, MetaCell> meta = new HashMap<>();
    Sheet sheet = workbook.getSheet(META_SHEET);
    if (sheet == null) {
      return meta;
    }
    for (Row row : sheet) {
      meta.put(
          typed(row.getCell(0)), new MetaCell(typed(row.getCell(1)), cell(row.getRowNum(), 1)));
    }
    return meta;
  }
}
