package org.aet.project;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.CodebookTable;
import org.aet.export.ReviewSheets;
import org.aet.export.SpreadsheetText;
import org.aet.ingest.Timestamps;
import org.aet.io.AtomicOutput;
import org.aet.io.ZipGuard;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The spreadsheet round trip of review: a workbook per coder with one row per segment, the
 * machine's suggestions (hidden when coding blind), a decision column with a dropdown (accept,
 * reject, recode), a column for codes to add, and a memo; the codebook on its own sheet.
 * Identifying columns are locked. Import checks everything first and applies nothing unless all of
 * it is valid, then records every decision under the coder's name in one transaction.
 *
 * <p>What a row means: <b>accept</b> keeps the suggested codes and adds any in "Codes to add";
 * <b>reject</b> drops the suggestions (keeping only codes to add, so with none it says "no code
 * applies"); <b>recode</b> uses only the codes to add; no decision with codes to add means those
 * codes; a row with neither was not reviewed.
 */
public final class ReviewWorkbook {
  static final String REVIEW_SHEET = "Review";
  static final String CODEBOOK_SHEET = "Codebook";
  static final String META_SHEET = "aet";
  static final List<String> HEADERS =
      List.of(
          "Segment id",
          "Transcript",
          "Case",
          "Speaker",
          "Role",
          "Start",
          "Segment text",
          "Suggested codes",
          "Decision",
          "Codes to add",
          "Memo");
  static final List<String> DECISIONS = List.of("accept", "reject", "recode");
  private static final int ID = 0;
  private static final int TEXT = 6;
  private static final int SUGGESTED = 7;
  private static final int DECISION = 8;
  private static final int ADD = 9;
  private static final int MEMO = 10;

  /** What kind of workbook: one coder's review, or the team's consensus. */
  public enum Kind {
    REVIEW,
    CONSENSUS;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String label) {
      return label.equals(CONSENSUS.label()) ? CONSENSUS : REVIEW;
    }
  }

  private ReviewWorkbook() {}

  /** What an export wrote: for whom, how many rows, against which codebook and run. */
  public record Exported(String coder, int rows, Codebook codebook, String exportId) {}

  /**
   * Writes the workbook for {@code coder} from the project's latest coding run. Blind workbooks
   * show no suggestions; consensus workbooks show every coder's latest codes instead of the
   * machine's. Rows the coder has decided before come filled in with that decision, so clearing one
   * withdraws it. The export is recorded in the project, so that its import can be checked against
   * exactly what it showed.
   */
  public static Exported export(
      ProjectStore store, String coder, boolean blind, Kind kind, Path target) throws AetException {
    return export(store, coder, blind, kind, target, null);
  }

  /**
   * Writes the workbook with only the segments {@code only}, in that order (a ranked review round);
   * null for every segment of the latest run in text order.
   */
  public static Exported export(
      ProjectStore store, String coder, boolean blind, Kind kind, Path target, List<String> only)
      throws AetException {
    String name =
        kind == Kind.CONSENSUS ? ProjectAgreement.CONSENSUS : CoderNames.check(store, coder);
    ProjectStore.Run run = store.latestRun();
    Codebook codebook = store.codebook(run.codebookVersion());
    List<ProjectStore.StoredSegment> segments = store.segments(run.unit());
    if (only != null) {
      Map<String, ProjectStore.StoredSegment> byId = new HashMap<>();
      segments.forEach(s -> byId.put(s.id(), s));
      segments = only.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
    if (segments.isEmpty()) {
      throw new AetException(
          store.file()
              + " has no coded segments yet: run \"aet code "
              + store.file()
              + " --codebook NAME\" first");
    }
    Map<String, List<String>> suggested =
        kind == Kind.CONSENSUS || blind ? Map.of() : store.suggestions(run.id());
    Map<String, String> shown = kind == Kind.CONSENSUS ? codersCodes(store) : joined(suggested);
    Map<String, ProjectStore.Decision> current = current(store, name);
    String exportId = UUID.randomUUID().toString();
    Instant exportedAt = Instant.now();
    try (AtomicOutput output = new AtomicOutput(target);
        XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet(REVIEW_SHEET);
      CellStyle header = ReviewSheets.header(workbook);
      CellStyle locked = ReviewSheets.body(workbook, true, false);
      CellStyle lockedWrap = ReviewSheets.body(workbook, true, true);
      CellStyle open = ReviewSheets.body(workbook, false, true);
      int[] widths = {36, 26, 14, 16, 14, 9, 70, 30, 12, 30, 40};
      List<String> titles = new java.util.ArrayList<>(HEADERS);
      if (kind == Kind.CONSENSUS) {
        titles.set(SUGGESTED, "Coders' codes");
      } else if (blind) {
        titles.set(SUGGESTED, "Suggested codes (hidden: blind coding)");
      }
      ReviewSheets.headerRow(sheet, titles, widths, header);
      int r = 1;
      for (ProjectStore.StoredSegment segment : segments) {
        Row row = sheet.createRow(r++);
        String[] decided =
            prefill(current.get(segment.id()), suggested.getOrDefault(segment.id(), List.of()));
        String[] values = {
          segment.id(),
          segment.transcriptId(),
          segment.caseName(),
          segment.speaker(),
          segment.role(),
          Timestamps.format(segment.start()),
          segment.text(),
          shown.getOrDefault(segment.id(), ""),
          decided[0],
          decided[1],
          decided[2]
        };
        for (int c = 0; c < values.length; c++) {
          Cell cell = row.createCell(c);
          cell.setCellValue(SpreadsheetText.fitCell(values[c]));
          cell.setCellStyle(
              c >= DECISION ? open : (c == TEXT || c == SUGGESTED ? lockedWrap : locked));
        }
        row.setHeightInPoints(
            Math.min(409, 15f * Math.max(1, (int) Math.ceil(segment.text().length() * 1.1 / 70))));
      }
      ReviewSheets.dropdown(
          sheet,
          DECISIONS,
          r - 1,
          DECISION,
          "Decision",
          "Choose accept, reject or recode (or leave it empty).");
      ReviewSheets.finish(sheet, HEADERS.size(), r - 1);
      writeCodebook(workbook, codebook, header);
      String[][] facts = {
        {"project_id", store.projectId()},
        {"coder", name},
        {"kind", kind.label()},
        {"blind", Boolean.toString(blind)},
        {"codebook_version", codebook.version()},
        {"exported_at", exportedAt.toString()},
        {"export_id", exportId},
        {"run_id", run.id()},
        {"note", "Written by aet; do not edit this sheet."}
      };
      writeMeta(workbook, facts);
      try (OutputStream out = Files.newOutputStream(output.temporary())) {
        workbook.write(out);
      }
      store.addWorkbook(
          new ProjectStore.Workbook(
              exportId,
              name,
              kind.label(),
              blind,
              run.id(),
              codebook.version(),
              segments.stream().map(ProjectStore.StoredSegment::id).toList(),
              exportedAt,
              null));
      output.commit();
    } catch (IOException e) {
      throw new AetException(target + ": cannot write: " + e.getMessage(), e);
    }
    return new Exported(name, segments.size(), codebook, exportId);
  }

  /**
   * Decision, codes to add and memo cells showing {@code decision} again, so that a workbook
   * imported unchanged changes nothing.
   */
  private static String[] prefill(ProjectStore.Decision decision, List<String> suggested) {
    if (decision == null || decision.decision().equals(ProjectStore.Decision.WITHDRAWN)) {
      return new String[] {"", "", ""};
    }
    List<String> codes = decision.codes();
    String memo = decision.memo();
    if (!decision.isCoding()) {
      return new String[] {"", "", memo};
    }
    if (decision.decision().equals("accept")
        && !suggested.isEmpty()
        && codes.containsAll(suggested)) {
      List<String> added = codes.stream().filter(c -> !suggested.contains(c)).toList();
      return new String[] {"accept", String.join("; ", added), memo};
    }
    if (codes.isEmpty()) {
      return new String[] {"reject", "", memo};
    }
    String label = decision.decision().equals("code") ? "" : "recode";
    return new String[] {label, String.join("; ", codes), memo};
  }

  /** The latest entry of {@code coder} on each segment, withdrawn ones included. */
  private static Map<String, ProjectStore.Decision> current(ProjectStore store, String coder)
      throws AetException {
    Map<String, ProjectStore.Decision> current = new HashMap<>();
    for (ProjectStore.Decision d : store.latestEntries()) {
      if (d.coder().equals(coder)) {
        current.put(d.segmentId(), d);
      }
    }
    return current;
  }

  /**
   * What an import did: decisions recorded (new or changed), rows unchanged since the last import,
   * decisions withdrawn by clearing their row, and rows nobody has decided.
   */
  public record Imported(
      String coder,
      Kind kind,
      int recorded,
      int unchanged,
      int withdrawn,
      int unreviewed,
      Codebook codebook) {}

  /**
   * Checks the workbook completely against the project and the record of its export, then records
   * what changed in one transaction.
   *
   * @param force import even when the coder has since imported a workbook exported later (which
   *     would otherwise make older decisions current again)
   * @throws InputException listing every problem with its sheet and cell; nothing is recorded then
   */
  public static Imported importWorkbook(
      ProjectStore store, Path file, boolean force, Runnable afterEachDecision)
      throws AetException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
      ZipGuard.check(bytes);
    } catch (IOException e) {
      throw new InputException(
          Diagnostic.fileError(file, "cannot read this workbook: " + e.getMessage()));
    }
    List<Diagnostic> problems = new ArrayList<>();
    List<ProjectStore.Decision> decisions = new ArrayList<>();
    int unchanged = 0;
    int withdrawn = 0;
    int unreviewed = 0;
    ProjectStore.Workbook exported;
    Codebook codebook;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Map<String, MetaCell> meta = readMeta(workbook);
      exported = exportRecord(store, file, meta);
      Kind kind = Kind.of(exported.kind());
      codebook = store.codebook(exported.codebookVersion());
      if (!force) {
        refuseIfStale(store, file, exported);
      }
      Sheet sheet = workbook.getSheet(REVIEW_SHEET);
      if (sheet == null) {
        throw new InputException(
            problem(file, REVIEW_SHEET, "A1", "the sheet \"Review\" is missing"));
      }
      DataFormatter format = new DataFormatter();
      Row head = sheet.getRow(0);
      for (int c : new int[] {ID, TEXT, DECISION, ADD, MEMO}) {
        String found = head == null ? "" : format.formatCellValue(head.getCell(c));
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
      Map<String, ProjectStore.StoredSegment> known = new HashMap<>();
      ProjectStore.Run run = store.run(exported.runId());
      if (run == null) {
        throw new InputException(
            problem(
                file,
                META_SHEET,
                meta.get("run_id").ref(),
                "the coding run this workbook shows is not in the project"));
      }
      store.segments(run.unit()).forEach(s -> known.put(s.id(), s));
      Set<String> inWorkbook = new HashSet<>(exported.segmentIds());
      Map<String, List<String>> suggested =
          kind == Kind.CONSENSUS || exported.blind() ? Map.of() : store.suggestions(run.id());
      Map<String, ProjectStore.Decision> current = current(store, exported.coder());
      Map<String, Integer> seen = new HashMap<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        int before = problems.size();
        String id = plain(file, row, r, ID, problems);
        String decision = plain(file, row, r, DECISION, problems);
        String added = plain(file, row, r, ADD, problems);
        String memo = typed(row.getCell(MEMO));
        if (problems.size() > before) {
          continue;
        }
        decision = decision.strip().toLowerCase(Locale.ROOT);
        added = added.strip();
        id = id.strip();
        if (id.isEmpty()) {
          if (!decision.isEmpty() || !added.isEmpty() || !memo.isBlank()) {
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
        if (!lockedCellsMatch(file, row, r, segment, kind, suggested, problems)) {
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
        for (String label : added.split("[;,\\n]")) {
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
        if (decision.equals("accept") && suggestions.isEmpty()) {
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
        if (decision.equals("recode") && codes.isEmpty()) {
          problems.add(
              problem(
                  file,
                  REVIEW_SHEET,
                  cell(r, ADD),
                  "\"recode\" needs the codes to use instead here"));
          continue;
        }
        ProjectStore.Decision previous = current.get(id);
        boolean decidedBefore =
            previous != null && !previous.decision().equals(ProjectStore.Decision.WITHDRAWN);
        String entry;
        List<String> result = new ArrayList<>();
        if (decision.isEmpty() && codes.isEmpty()) {
          if (memo.isBlank()) {
            if (decidedBefore) {
              entry = ProjectStore.Decision.WITHDRAWN;
              memo = "";
            } else {
              unreviewed++;
              continue;
            }
          } else {
            entry = ProjectStore.Decision.MEMO;
          }
        } else {
          entry = decision.isEmpty() ? "code" : decision;
          if (decision.equals("accept")) {
            result.addAll(suggestions);
          }
          codes.stream().filter(c -> !result.contains(c)).forEach(result::add);
        }
        ProjectStore.Decision next =
            new ProjectStore.Decision(
                id,
                exported.coder(),
                kind.label(),
                entry,
                result,
                memo,
                file.getFileName().toString(),
                codebook.version(),
                exported.exportId());
        if (decidedBefore && sameMeaning(previous, next)) {
          unchanged++;
        } else if (!decidedBefore && entry.equals(ProjectStore.Decision.WITHDRAWN)) {
          unreviewed++;
        } else {
          if (entry.equals(ProjectStore.Decision.WITHDRAWN)) {
            withdrawn++;
          }
          decisions.add(next);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          Diagnostic.fileError(file, "cannot read this workbook: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    store.addDecisions(decisions, exported.exportId(), afterEachDecision);
    return new Imported(
        exported.coder(),
        Kind.of(exported.kind()),
        decisions.size() - withdrawn,
        unchanged,
        withdrawn,
        unreviewed,
        codebook);
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
      {"kind", record.kind()},
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
   * Whether the locked cells of row {@code r} still show what was exported: the segment's text, and
   * the suggestions (of a review workbook) its decision refers to.
   */
  private static boolean lockedCellsMatch(
      Path file,
      Row row,
      int r,
      ProjectStore.StoredSegment segment,
      Kind kind,
      Map<String, List<String>> suggested,
      List<Diagnostic> problems) {
    String text = typed(row.getCell(TEXT));
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
    if (kind == Kind.REVIEW) {
      String shown = typed(row.getCell(SUGGESTED));
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

  private static Map<String, String> joined(Map<String, List<String>> codes) {
    Map<String, String> shown = new LinkedHashMap<>();
    codes.forEach((id, paths) -> shown.put(id, String.join("; ", paths)));
    return shown;
  }

  /** Each segment's latest codes from every coder: "alice: power/reciprocity | bob: (nothing)". */
  private static Map<String, String> codersCodes(ProjectStore store) throws AetException {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    for (ProjectStore.Decision d : store.latestDecisions()) {
      if (d.kind().equals("review")) {
        parts
            .computeIfAbsent(d.segmentId(), k -> new ArrayList<>())
            .add(
                d.coder()
                    + ": "
                    + (!d.isCoding()
                        ? "(memo only)"
                        : d.codes().isEmpty() ? "(nothing)" : String.join("; ", d.codes()))
                    + (d.memo().isEmpty() ? "" : " [memo: " + d.memo() + "]"));
      }
    }
    return parts.entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> String.join(" | ", e.getValue()),
                (a, b) -> a,
                LinkedHashMap::new));
  }

  private static void writeCodebook(XSSFWorkbook workbook, Codebook codebook, CellStyle header) {
    Sheet sheet = workbook.createSheet(CODEBOOK_SHEET);
    var columns = CodebookTable.columns(codebook);
    Row head = sheet.createRow(0);
    CellStyle wrap = ReviewSheets.body(workbook, true, true);
    for (int c = 0; c < columns.size(); c++) {
      Cell cell = head.createCell(c);
      cell.setCellValue(columns.get(c).header());
      cell.setCellStyle(header);
      sheet.setColumnWidth(c, columns.get(c).width() * 256);
    }
    int r = 1;
    for (Code code : codebook.codes()) {
      Row row = sheet.createRow(r++);
      for (int c = 0; c < columns.size(); c++) {
        Cell cell = row.createCell(c);
        cell.setCellValue(
            SpreadsheetText.fitCell(String.valueOf(columns.get(c).value().apply(code))));
        cell.setCellStyle(wrap);
      }
    }
    sheet.createFreezePane(0, 1);
  }

  private static void writeMeta(XSSFWorkbook workbook, String[][] facts) {
    Sheet sheet = workbook.createSheet(META_SHEET);
    for (int r = 0; r < facts.length; r++) {
      Row row = sheet.createRow(r);
      row.createCell(0).setCellValue(facts[r][0]);
      row.createCell(1).setCellValue(facts[r][1]);
    }
    sheet.protectSheet("");
    workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
  }

  /** A value of the hidden sheet and the cell it is in, for messages. */
  private record MetaCell(String value, String ref) {
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

  private static String cell(int row, int column) {
    return new org.apache.poi.ss.util.CellReference(row, column).formatAsString();
  }

  private static Diagnostic problem(Path file, String sheet, String cell, String message) {
    return Diagnostic.error(file, 0, 0, sheet + "!" + cell + ": " + message, "");
  }
}
