package org.aet.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.export.CodebookTable;
import org.aet.export.ReviewSheets;
import org.aet.export.SpreadsheetText;
import org.aet.ingest.Timestamps;
import org.aet.io.AtomicOutput;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The spreadsheet round trip of review: a workbook per coder with one row per segment, the
 * machine's suggestions (hidden when coding blind), a decision column with a dropdown (accept,
 * reject, recode), a column for codes to add, and a memo; the codebook on its own sheet.
 * Identifying columns are locked. {@link ReviewImport} reads a filled-in workbook back.
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
  static final List<String> DECISIONS = Verdict.CHOICES.stream().map(Verdict::label).toList();
  static final int ID = 0;
  static final int TEXT = 6;
  static final int SUGGESTED = 7;
  static final int DECISION = 8;
  static final int ADD = 9;
  static final int MEMO = 10;

  /** What kind of workbook: one coder's review, or the team's consensus. */
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
      ProjectStore store, String coder, boolean blind, DecisionKind kind, Path target)
      throws AetException {
    return export(store, coder, blind, kind, target, null);
  }

  /**
   * Writes the workbook with only the segments {@code only}, in that order (a ranked review round);
   * null for every segment of the latest run in text order.
   */
  public static Exported export(
      ProjectStore store,
      String coder,
      boolean blind,
      DecisionKind kind,
      Path target,
      List<String> only)
      throws AetException {
    String name =
        kind == DecisionKind.CONSENSUS
            ? ProjectAgreement.CONSENSUS
            : CoderNames.check(store, coder);
    ProjectStore.Run run = store.latestRun();
    Codebook codebook = store.codebook(run.codebookVersion());
    List<ProjectStore.StoredSegment> segments = segments(store, run, only);
    Map<String, List<String>> suggested =
        kind == DecisionKind.CONSENSUS || blind ? Map.of() : store.suggestions(run.id());
    Rows rows =
        new Rows(
            segments,
            kind == DecisionKind.CONSENSUS ? codersCodes(store) : joined(suggested),
            suggested,
            current(store, name));
    ProjectStore.Workbook record =
        new ProjectStore.Workbook(
            UUID.randomUUID().toString(),
            name,
            kind,
            blind,
            run.id(),
            codebook.version(),
            segments.stream().map(ProjectStore.StoredSegment::id).toList(),
            Instant.now(),
            null);
    try (AtomicOutput output = new AtomicOutput(target);
        XSSFWorkbook workbook = new XSSFWorkbook()) {
      CellStyle header = ReviewSheets.header(workbook);
      writeReviewSheet(workbook, header, rows, kind, blind);
      writeCodebook(workbook, codebook, header);
      writeMeta(workbook, facts(store, record));
      try (OutputStream out = Files.newOutputStream(output.temporary())) {
        workbook.write(out);
      }
      store.addWorkbook(record);
      output.commit();
    } catch (IOException e) {
      throw new AetException(target + ": cannot write: " + e.getMessage(), e);
    }
    return new Exported(name, segments.size(), codebook, record.exportId());
  }

  /** The segments of {@code run} to show: all in text order, or {@code only} in its order. */
  private static List<ProjectStore.StoredSegment> segments(
      ProjectStore store, ProjectStore.Run run, List<String> only) throws AetException {
    List<ProjectStore.StoredSegment> segments = store.segments(run.unit());
    if (only != null) {
      Map<String, ProjectStore.StoredSegment> byId = new HashMap<>();
      segments.forEach(s -> byId.put(s.id(), s));
      segments = only.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
    if (segments.isEmpty()) {
      throw AetException.naming(
          "%s has no coded segments yet: run \"aet code %s {codebook} NAME\" first",
          store.file(), store.file());
    }
    return segments;
  }

  /**
   * What the Review sheet's rows show.
   *
   * @param shown the codes shown beside each segment: the suggestions, or the coders' codes
   * @param suggested the suggestions, by segment (none when blind or for a consensus)
   * @param current the coder's latest entry on each segment, shown filled in
   */
  private record Rows(
      List<ProjectStore.StoredSegment> segments,
      Map<String, String> shown,
      Map<String, List<String>> suggested,
      Map<String, ProjectStore.Decision> current) {}

  private static void writeReviewSheet(
      XSSFWorkbook workbook, CellStyle header, Rows rows, DecisionKind kind, boolean blind) {
    Sheet sheet = workbook.createSheet(REVIEW_SHEET);
    CellStyle[] styles = {
      ReviewSheets.body(workbook, true, false),
      ReviewSheets.body(workbook, true, true),
      ReviewSheets.body(workbook, false, true)
    };
    int[] widths = {36, 26, 14, 16, 14, 9, 70, 30, 12, 30, 40};
    List<String> titles = new java.util.ArrayList<>(HEADERS);
    if (kind == DecisionKind.CONSENSUS) {
      titles.set(SUGGESTED, "Coders' codes");
    } else if (blind) {
      titles.set(SUGGESTED, "Suggested codes (hidden: blind coding)");
    }
    ReviewSheets.headerRow(sheet, titles, widths, header);
    int r = 1;
    for (ProjectStore.StoredSegment segment : rows.segments()) {
      writeRow(sheet.createRow(r++), segment, rows, styles);
    }
    ReviewSheets.dropdown(
        sheet,
        DECISIONS,
        r - 1,
        DECISION,
        "Decision",
        "Choose accept, reject or recode (or leave it empty).");
    ReviewSheets.finish(sheet, HEADERS.size(), r - 1);
  }

  /**
   * One segment's row: its cells locked but for the decision, codes to add and memo ({@code
   * styles}: locked, locked and wrapped, open).
   */
  private static void writeRow(
      Row row, ProjectStore.StoredSegment segment, Rows rows, CellStyle[] styles) {
    String[] decided =
        prefill(
            rows.current().get(segment.id()),
            rows.suggested().getOrDefault(segment.id(), List.of()));
    String[] values = {
      segment.id(),
      segment.transcriptId(),
      segment.caseName(),
      segment.speaker(),
      segment.role(),
      Timestamps.format(segment.start()),
      segment.text(),
      rows.shown().getOrDefault(segment.id(), ""),
      decided[0],
      decided[1],
      decided[2]
    };
    for (int c = 0; c < values.length; c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(SpreadsheetText.fitCell(values[c]));
      cell.setCellStyle(
          c >= DECISION ? styles[2] : (c == TEXT || c == SUGGESTED ? styles[1] : styles[0]));
    }
    row.setHeightInPoints(
        Math.min(409, 15f * Math.max(1, (int) Math.ceil(segment.text().length() * 1.1 / 70))));
  }

  /** The hidden sheet's facts: what the import checks the workbook against. */
  private static String[][] facts(ProjectStore store, ProjectStore.Workbook record)
      throws AetException {
    return new String[][] {
      {"project_id", store.projectId()},
      {"coder", record.coder()},
      {"kind", record.kind().label()},
      {"blind", Boolean.toString(record.blind())},
      {"codebook_version", record.codebookVersion()},
      {"exported_at", record.exportedAt().toString()},
      {"export_id", record.exportId()},
      {"run_id", record.runId()},
      {"note", "Written by aet; do not edit this sheet."}
    };
  }

  /**
   * Decision, codes to add and memo cells showing {@code decision} again, so that a workbook
   * imported unchanged changes nothing.
   */
  private static String[] prefill(ProjectStore.Decision decision, List<String> suggested) {
    if (decision == null || decision.decision() == Verdict.WITHDRAWN) {
      return new String[] {"", "", ""};
    }
    List<String> codes = decision.codes();
    String memo = decision.memo();
    if (!decision.isCoding()) {
      return new String[] {"", "", memo};
    }
    if (decision.decision() == Verdict.ACCEPT
        && !suggested.isEmpty()
        && codes.containsAll(suggested)) {
      List<String> added = codes.stream().filter(c -> !suggested.contains(c)).toList();
      return new String[] {Verdict.ACCEPT.label(), String.join("; ", added), memo};
    }
    if (codes.isEmpty()) {
      return new String[] {Verdict.REJECT.label(), "", memo};
    }
    String label = decision.decision() == Verdict.CODE ? "" : Verdict.RECODE.label();
    return new String[] {label, String.join("; ", codes), memo};
  }

  /** The latest entry of {@code coder} on each segment, withdrawn ones included. */
  static Map<String, ProjectStore.Decision> current(ProjectStore store, String coder)
      throws AetException {
    Map<String, ProjectStore.Decision> current = new HashMap<>();
    for (ProjectStore.Decision d : store.latestEntries()) {
      if (d.coder().equals(coder)) {
        current.put(d.segmentId(), d);
      }
    }
    return current;
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
      if (d.kind() == DecisionKind.REVIEW) {
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

  static String cell(int row, int column) {
    return new org.apache.poi.ss.util.CellReference(row, column).formatAsString();
  }

  static Diagnostic problem(Path file, String sheet, String cell, String message) {
    return Diagnostic.error(file, 0, 0, sheet + "!" + cell + ": " + message, "");
  }
}
