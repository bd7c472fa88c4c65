package org.aet.project;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.AtomicOutput;
import org.aet.export.CodebookTable;
import org.aet.export.SpreadsheetText;
import org.aet.ingest.Timestamps;
import org.aet.ingest.ZipGuard;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
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
  }

  private ReviewWorkbook() {}

  /**
   * Writes the workbook for {@code coder}. Blind workbooks show no suggestions; consensus workbooks
   * show every coder's latest codes instead of the machine's.
   */
  public static int export(
      ProjectStore store, Codebook codebook, String coder, boolean blind, Kind kind, Path target)
      throws AetException {
    List<ProjectStore.StoredSegment> segments = store.segments();
    if (segments.isEmpty()) {
      throw new AetException(
          store.file()
              + " has no coded segments yet: run \"aet code "
              + store.file()
              + " --codebook NAME\" first");
    }
    Map<String, String> shown = kind == Kind.CONSENSUS ? codersCodes(store) : suggestions(store);
    try (AtomicOutput output = new AtomicOutput(target);
        XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet(REVIEW_SHEET);
      CellStyle header = headerStyle(workbook);
      CellStyle locked = style(workbook, true, false);
      CellStyle lockedWrap = style(workbook, true, true);
      CellStyle open = style(workbook, false, true);
      Row head = sheet.createRow(0);
      int[] widths = {36, 26, 14, 16, 14, 9, 70, 30, 12, 30, 40};
      for (int c = 0; c < HEADERS.size(); c++) {
        String title =
            c == SUGGESTED && kind == Kind.CONSENSUS
                ? "Coders' codes"
                : c == SUGGESTED && blind
                    ? "Suggested codes (hidden: blind coding)"
                    : HEADERS.get(c);
        Cell cell = head.createCell(c);
        cell.setCellValue(title);
        cell.setCellStyle(header);
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      int r = 1;
      for (ProjectStore.StoredSegment segment : segments) {
        Row row = sheet.createRow(r++);
        String suggested = blind ? "" : shown.getOrDefault(segment.id(), "");
        String[] values = {
          segment.id(),
          segment.transcriptId(),
          segment.caseName(),
          segment.speaker(),
          segment.role(),
          Timestamps.format(segment.start()),
          segment.text(),
          suggested,
          "",
          "",
          ""
        };
        for (int c = 0; c < values.length; c++) {
          Cell cell = row.createCell(c);
          cell.setCellValue(SpreadsheetText.fitCell(values[c]));
          cell.setCellStyle(
              c >= DECISION ? open : (c == 6 || c == SUGGESTED ? lockedWrap : locked));
        }
        row.setHeightInPoints(
            Math.min(409, 15f * Math.max(1, (int) Math.ceil(segment.text().length() * 1.1 / 70))));
      }
      DataValidationHelper helper = sheet.getDataValidationHelper();
      DataValidation dropdown =
          helper.createValidation(
              helper.createExplicitListConstraint(DECISIONS.toArray(String[]::new)),
              new CellRangeAddressList(1, r - 1, DECISION, DECISION));
      dropdown.setShowErrorBox(true);
      dropdown.createErrorBox("Decision", "Choose accept, reject or recode (or leave it empty).");
      sheet.addValidationData(dropdown);
      sheet.createFreezePane(0, 1);
      sheet.setAutoFilter(new CellRangeAddress(0, r - 1, 0, HEADERS.size() - 1));
      sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
      sheet.getPrintSetup().setLandscape(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
      sheet.setFitToPage(true);
      sheet.protectSheet("");
      ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).lockAutoFilter(false);
      ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).lockSort(false);
      writeCodebook(workbook, codebook, header);
      writeMeta(workbook, store, codebook, coder, blind, kind);
      try (OutputStream out = Files.newOutputStream(output.temporary())) {
        workbook.write(out);
      }
      output.commit();
    } catch (IOException e) {
      throw new AetException(target + ": cannot write: " + e.getMessage(), e);
    }
    return segments.size();
  }

  /** What an import found and did. */
  public record Imported(String coder, Kind kind, int decisions, int unreviewed) {}

  /**
   * Checks the workbook completely, then records its decisions in one transaction.
   *
   * @throws InputException listing every problem with its sheet and cell; nothing is recorded then
   */
  public static Imported importWorkbook(ProjectStore store, Path file, Runnable afterEachDecision)
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
    String coder;
    Kind kind;
    int unreviewed = 0;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Map<String, String> meta = readMeta(workbook);
      if (!store.projectId().equals(meta.get("project_id"))) {
        throw new InputException(
            problem(
                file,
                META_SHEET,
                "B1",
                "this workbook was exported from another project ("
                    + meta.getOrDefault("project_id", "no project id")
                    + "); export a new one from "
                    + store.file()));
      }
      coder = meta.getOrDefault("coder", "");
      kind = "consensus".equals(meta.get("kind")) ? Kind.CONSENSUS : Kind.REVIEW;
      boolean blind = "true".equals(meta.get("blind"));
      String version = meta.getOrDefault("codebook_version", "");
      Codebook codebook = codebook(store, version, file);
      Sheet sheet = workbook.getSheet(REVIEW_SHEET);
      if (sheet == null) {
        throw new InputException(
            problem(file, REVIEW_SHEET, "A1", "the sheet \"Review\" is missing"));
      }
      DataFormatter format = new DataFormatter();
      Row head = sheet.getRow(0);
      for (int c : new int[] {ID, DECISION, ADD, MEMO}) {
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
      store.segments().forEach(s -> known.put(s.id(), s));
      Map<String, List<String>> suggested =
          kind == Kind.CONSENSUS ? Map.of() : suggestionLists(store);
      Map<String, Integer> seen = new HashMap<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        String id = format.formatCellValue(row.getCell(ID)).strip();
        String decision =
            format.formatCellValue(row.getCell(DECISION)).strip().toLowerCase(Locale.ROOT);
        String added = format.formatCellValue(row.getCell(ADD)).strip();
        String memo = format.formatCellValue(row.getCell(MEMO)).strip();
        if (id.isEmpty()) {
          if (!decision.isEmpty() || !added.isEmpty()) {
            problems.add(
                problem(
                    file, REVIEW_SHEET, cell(r, ID), "this row has a decision but no segment id"));
          }
          continue;
        }
        if (!known.containsKey(id)) {
          problems.add(
              problem(
                  file,
                  REVIEW_SHEET,
                  cell(r, ID),
                  "unknown segment id \""
                      + id
                      + "\": the id was"
                      + " edited, or the row comes from another project"));
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
        List<String> suggestions = blind ? List.of() : suggested.getOrDefault(id, List.of());
        if (decision.equals("accept") && suggestions.isEmpty()) {
          problems.add(
              problem(
                  file,
                  REVIEW_SHEET,
                  cell(r, DECISION),
                  blind
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
        if (decision.isEmpty() && codes.isEmpty()) {
          unreviewed++;
          continue;
        }
        List<String> result = new ArrayList<>();
        if (decision.equals("accept")) {
          result.addAll(suggestions);
        }
        codes.stream().filter(c -> !result.contains(c)).forEach(result::add);
        decisions.add(
            new ProjectStore.Decision(
                id,
                coder,
                kind.label(),
                decision.isEmpty() ? "code" : decision,
                result,
                memo,
                file.getFileName().toString(),
                codebook.version()));
      }
      if (coder.isBlank()) {
        problems.add(problem(file, META_SHEET, "B2", "the workbook names no coder"));
      }
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          Diagnostic.fileError(file, "cannot read this workbook: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    store.addDecisions(decisions, afterEachDecision);
    return new Imported(coder, kind, decisions.size(), unreviewed);
  }

  private static Codebook codebook(ProjectStore store, String version, Path file)
      throws AetException {
    if (store.codebookJson(version) == null) {
      throw new InputException(
          problem(file, META_SHEET, "B5", "the project has no codebook version " + version));
    }
    return store.codebook(version);
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

  private static Map<String, List<String>> suggestionLists(ProjectStore store) throws AetException {
    return store.latestSuggestions();
  }

  private static Map<String, String> suggestions(ProjectStore store) throws AetException {
    Map<String, String> shown = new LinkedHashMap<>();
    store.latestSuggestions().forEach((id, codes) -> shown.put(id, String.join("; ", codes)));
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
                    + (d.codes().isEmpty() ? "(nothing)" : String.join("; ", d.codes()))
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
    CellStyle wrap = style(workbook, true, true);
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

  private static void writeMeta(
      XSSFWorkbook workbook,
      ProjectStore store,
      Codebook codebook,
      String coder,
      boolean blind,
      Kind kind)
      throws AetException {
    Sheet sheet = workbook.createSheet(META_SHEET);
    String[][] facts = {
      {"project_id", store.projectId()},
      {"coder", coder},
      {"kind", kind.label()},
      {"blind", Boolean.toString(blind)},
      {"codebook_version", codebook.version()},
      {"exported_at", Instant.now().toString()},
      {"note", "Written by aet; do not edit this sheet."}
    };
    for (int r = 0; r < facts.length; r++) {
      Row row = sheet.createRow(r);
      row.createCell(0).setCellValue(facts[r][0]);
      row.createCell(1).setCellValue(facts[r][1]);
    }
    sheet.protectSheet("");
    workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
  }

  private static Map<String, String> readMeta(Workbook workbook) {
    Map<String, String> meta = new HashMap<>();
    Sheet sheet = workbook.getSheet(META_SHEET);
    if (sheet == null) {
      return meta;
    }
    DataFormatter format = new DataFormatter();
    for (Row row : sheet) {
      meta.put(format.formatCellValue(row.getCell(0)), format.formatCellValue(row.getCell(1)));
    }
    return meta;
  }

  private static CellStyle headerStyle(XSSFWorkbook workbook) {
    Font bold = workbook.createFont();
    bold.setBold(true);
    CellStyle style = workbook.createCellStyle();
    style.setFont(bold);
    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    style.setWrapText(true);
    return style;
  }

  private static CellStyle style(XSSFWorkbook workbook, boolean locked, boolean wrap) {
    CellStyle style = workbook.createCellStyle();
    style.setLocked(locked);
    style.setWrapText(wrap);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    if (!locked) {
      style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
    return style;
  }

  private static String cell(int row, int column) {
    return new org.apache.poi.ss.util.CellReference(row, column).formatAsString();
  }

  private static Diagnostic problem(Path file, String sheet, String cell, String message) {
    return Diagnostic.error(file, 0, 0, sheet + "!" + cell + ": " + message, "");
  }
}
