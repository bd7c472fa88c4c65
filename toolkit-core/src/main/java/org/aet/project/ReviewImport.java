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
    DecisionKind kind = exported.kind();
    Codebook codebook = store.codebook(exported.codebookVersion());
    if (!force) {
      refuseIfStale(store, file, exported);
    }
    if (!filled.hasReviewSheet()) {
      throw new InputException(
          problem(file, REVIEW_SHEET, "A1", "the sheet \"Review\" is missing"));
    }
    List<Diagnostic> problems = new ArrayList<>(filled.problems());
    for (int c : new int[] {ID, TEXT, DECISION, ADD, MEMO}) {
      String found = filled.headers().get(c);
      if (!found.equals(HEADERS.get(c))) {
        problems.add(
            problem(
                file,
                REVIEW_SHEET,
                cell(0, c),
                "expected the column \""
                    + HEADERS.get(c)
                    + "\" here, found \""
                    + found
                    + "\": columns must stay as exported"));
      }
    }
    ProjectStore.Run run = store.run(exported.runId());
    if (run == null) {
      throw new InputException(
          problem(
              file,
              META_SHEET,
              filled.meta().get("run_id").ref(),
              "the coding run this workbook shows is not in the project"));
    }
    Map<String, ProjectStore.StoredSegment> known = new HashMap<>();
    store.segments(run.unit()).forEach(s -> known.put(s.id(), s));
    Set<String> inWorkbook = new HashSet<>(exported.segmentIds());
    Map<String, List<String>> suggested =
        kind == DecisionKind.CONSENSUS || exported.blind() ? Map.of() : store.suggestions(run.id());
    Map<String, ProjectStore.Decision> current = ReviewWorkbook.current(store, exported.coder());
    // what this workbook showed as the coder's own when it was exported: a row still showing it
    // was not touched, so it neither withdraws nor overrides what the coder decided since elsewhere
    Map<String, ProjectStore.Decision> shown =
        store.entriesAt(exported.coder(), exported.exportedAt());
    Map<String, Integer> seen = new HashMap<>();
    List<ProjectStore.Decision> decisions = new ArrayList<>();
    int unchanged = 0;
    int withdrawn = 0;
    int unreviewed = 0;
    for (Entry row : filled.entries()) {
      if (!row.readable()) {
        continue;
      }
      int r = row.row();
      String id = row.id();
      String decision = row.decision();
      Verdict verdict = DECISIONS.contains(decision) ? Verdict.of(decision) : null;
      String memo = row.memo();
      if (id.isEmpty()) {
        if (!decision.isEmpty() || !row.added().isEmpty() || !memo.isBlank()) {
          problems.add(
              problem(
                  file, REVIEW_SHEET, cell(r, ID), "this row has a decision but no segment id"));
        }
        continue;
      }
      ProjectStore.StoredSegment segment = known.get(id);
      if (segment == null || !inWorkbook.contains(id)) {
        problems.add(
            problem(
                file,
                REVIEW_SHEET,
                cell(r, ID),
                "segment id \""
                    + id
                    + "\" was not in this workbook when it was exported: the id was edited, or"
                    + " the row was copied from another workbook"));
        continue;
      }
      Integer first = seen.putIfAbsent(id, r);
      if (first != null) {
        problems.add(
            problem(
                file,
                REVIEW_SHEET,
                cell(r, ID),
                "segment \"" + id + "\" appears twice (first in row " + (first + 1) + ")"));
        continue;
      }
      if (!lockedCellsMatch(file, row, segment, kind, suggested, problems)) {
        continue;
      }
      if (!decision.isEmpty() && !DECISIONS.contains(decision)) {
        problems.add(
            problem(
                file,
                REVIEW_SHEET,
                cell(r, DECISION),
                "\""
                    + decision
                    + "\" is not a decision: use "
                    + String.join(", ", DECISIONS)
                    + ", or leave it empty"));
        continue;
      }
      List<String> codes = new ArrayList<>();
      for (String label : row.added().split("[;,\\n]")) {
        if (label.isBlank()) {
          continue;
        }
        String path = pathOf(codebook, label.strip());
        if (path == null) {
          problems.add(
              problem(
                  file,
                  REVIEW_SHEET,
                  cell(r, ADD),
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
      List<String> suggestions = suggested.getOrDefault(id, List.of());
      if (verdict == Verdict.ACCEPT && suggestions.isEmpty()) {
        problems.add(
            problem(
                file,
                REVIEW_SHEET,
                cell(r, DECISION),
                exported.blind()
                    ? "\"accept\" needs suggestions, and this workbook is blind: put your codes in \"Codes to add\""
                    : "\"accept\" needs suggestions, and this segment has none: put codes in \"Codes to add\""));
        continue;
      }
      if (verdict == Verdict.RECODE && codes.isEmpty()) {
        problems.add(
            problem(
                file,
                REVIEW_SHEET,
                cell(r, ADD),
                "\"recode\" needs the codes to use instead here"));
        continue;
      }
      ProjectStore.Decision previous = current.get(id);
      boolean decidedBefore = previous != null && previous.decision() != Verdict.WITHDRAWN;
      ProjectStore.Decision atExport = shown.get(id);
      boolean shownDecided = atExport != null && atExport.decision() != Verdict.WITHDRAWN;
      Verdict entry;
      List<String> result = new ArrayList<>();
      if (decision.isEmpty() && codes.isEmpty()) {
        if (memo.isBlank()) {
          if (decidedBefore && shownDecided) {
            entry = Verdict.WITHDRAWN;
            memo = "";
          } else {
            unreviewed++;
            continue;
          }
        } else {
          entry = Verdict.MEMO;
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
              kind,
              entry,
              result,
              memo,
              file.getFileName().toString(),
              codebook.version(),
              exported.exportId());
      if (decidedBefore && sameMeaning(previous, next)) {
        unchanged++;
      } else if (shownDecided && sameMeaning(atExport, next)) {
        unchanged++; // as exported: a later decision made elsewhere stands
      } else if (!decidedBefore && entry == Verdict.WITHDRAWN) {
        unreviewed++;
      } else {
        if (entry == Verdict.WITHDRAWN) {
          withdrawn++;
        }
        decisions.add(next);
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new Checked(file, exported, codebook, decisions, unchanged, withdrawn, unreviewed);
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

  /** The code path a label names, by path or id; null when neither. */
  private static String pathOf(Codebook codebook, String label) {
    for (Code code : codebook.codes()) {
      String path = codebook.path(code.id());
      if (path.equalsIgnoreCase(label) || code.id().equalsIgnoreCase(label)) {
        return path;
      }
    }
    return null;
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
