package org.aet.pseudonym;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.ReviewSheets;
import org.aet.export.SpreadsheetText;
import org.aet.io.AtomicOutput;
import org.aet.io.ZipGuard;
import org.aet.pseudonym.PseudonymKey.Decision;
import org.aet.pseudonym.PseudonymKey.Entry;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook in which a person reviews the key before anything is released: one row per name with
 * how it was found, how often and where it occurs and the passages around it, the proposed
 * pseudonym (which may be corrected) and a decision, accept, reject or correct. Names nobody has
 * reviewed come first, the least certain of them at the top. Reading it back applies the decisions
 * to the key; a decision left empty leaves the name as it was.
 */
public final class PseudonymReview {
  static final String SHEET = "Names";
  static final String HELP_SHEET = "How to review";
  static final List<String> DECISIONS =
      java.util.Arrays.stream(ReviewChoice.values()).map(ReviewChoice::label).toList();
  static final List<String> HEADERS =
      List.of(
          "Name as written",
          "Kind",
          "Found by",
          "CoreNLP confidence",
          "Occurrences",
          "Where",
          "In context",
          "Pseudonym",
          "Decision");
  private static final int ORIGINAL = 0;
  private static final int PSEUDONYM = 7;
  private static final int DECISION = 8;

  private PseudonymReview() {}

  /** Writes the review workbook for {@code key}, with {@code contexts} of each name. */
  public static void write(PseudonymKey key, Map<String, List<String>> contexts, Path target)
      throws AetException {
    List<Entry> rows = new ArrayList<>(key.entries());
    rows.sort(
        Comparator.comparing((Entry e) -> e.decision() != Decision.PROPOSED)
            .thenComparing(e -> Double.isNaN(e.confidence()) ? 2 : e.confidence()));
    try (AtomicOutput output = new AtomicOutput(target);
        XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet(SHEET);
      CellStyle header = ReviewSheets.header(workbook);
      CellStyle locked = ReviewSheets.body(workbook, true, false);
      CellStyle lockedWrap = ReviewSheets.body(workbook, true, true);
      CellStyle open = ReviewSheets.body(workbook, false, true);
      CellStyle probability = ReviewSheets.body(workbook, true, false);
      probability.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
      int[] widths = {24, 13, 22, 12, 12, 22, 60, 20, 11};
      ReviewSheets.headerRow(sheet, HEADERS, widths, header);
      int r = 1;
      for (Entry e : rows) {
        Row row = sheet.createRow(r++);
        String context = String.join("\n", contexts.getOrDefault(e.original(), List.of()));
        Object[] values = {
          e.original(),
          e.kind().label(),
          e.foundBy(),
          Double.isNaN(e.confidence()) ? "" : e.confidence(),
          e.occurrences(),
          e.where(),
          context,
          e.pseudonym(),
          ReviewChoice.shown(e.decision())
        };
        for (int c = 0; c < values.length; c++) {
          Cell cell = row.createCell(c);
          if (values[c] instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(c == 3 ? probability : locked);
          } else {
            cell.setCellValue(SpreadsheetText.fitCell(values[c].toString()));
            cell.setCellStyle(c >= PSEUDONYM ? open : c == 6 || c == 2 ? lockedWrap : locked);
          }
        }
        int lines = Math.max(1, context.split("\n").length * 2);
        row.setHeightInPoints(Math.min(409, 15f * lines));
      }
      ReviewSheets.dropdown(
          sheet,
          DECISIONS,
          r - 1,
          DECISION,
          "Decision",
          "Choose accept, reject or correct (or leave it empty for later).");
      ReviewSheets.finish(sheet, HEADERS.size(), r - 1);
      writeHelp(workbook, header);
      try (OutputStream out = Files.newOutputStream(output.temporary())) {
        workbook.write(out);
      }
      output.commit();
    } catch (IOException e) {
      throw new AetException(target + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static void writeHelp(XSSFWorkbook workbook, CellStyle header) {
    Sheet help = workbook.createSheet(HELP_SHEET);
    String[] lines = {
      "How to review the names aet found",
      "",
      "Every row is a name aet will replace in the transcripts, the coded workbooks and the report.",
      "Decision: accept replaces the name by the pseudonym shown; reject leaves it as it is, in this"
          + " and every later run; correct replaces it by the pseudonym you typed in the Pseudonym"
          + " column (you may also just edit the pseudonym and choose accept).",
      "Leave a decision empty to decide later: nothing is released while a name is undecided.",
      "Names of one person share one pseudonym: Helen Ward, Helen and Ward are all Participant 1.",
      "A low CoreNLP confidence means the program was unsure it is a name at all: check those"
          + " first (they are at the top).",
      "Never type a real name into a pseudonym: aet refuses a pseudonym that contains one.",
      "When you are done, save this file and run the same aet pseudonymise command again.",
      "",
      "This workbook holds the real names: keep it with the key, never with the shared files."
    };
    for (int i = 0; i < lines.length; i++) {
      Cell cell = help.createRow(i).createCell(0);
      cell.setCellValue(lines[i]);
      if (i == 0) {
        cell.setCellStyle(header);
      }
    }
    help.setColumnWidth(0, 120 * 256);
  }

  /**
   * {@code key} with the decisions of the review workbook at {@code file} applied.
   *
   * @throws InputException naming the sheet and cell of every decision that cannot be applied
   */
  public static PseudonymKey apply(Path file, PseudonymKey key) throws AetException {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, Entry> byName = new HashMap<>();
    key.entries().forEach(e -> byName.put(e.original(), e));
    try {
      ZipGuard.check(file);
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, e.getMessage()));
    }
    try (InputStream in = Files.newInputStream(file);
        Workbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheet(SHEET);
      if (sheet == null) {
        throw new InputException(
            Diagnostic.fileError(
                file,
                "has no \""
                    + SHEET
                    + "\" sheet; is it the review workbook aet pseudonymise wrote?"));
      }
      DataFormatter format = new DataFormatter();
      for (Row row : sheet) {
        if (row.getRowNum() == 0) {
          continue;
        }
        String original = text(format, row.getCell(ORIGINAL));
        if (original.isEmpty()) {
          continue;
        }
        Entry entry = byName.get(original);
        if (entry == null) {
          problems.add(
              problem(
                  file,
                  row,
                  ORIGINAL,
                  "\""
                      + original
                      + "\" is not in the key; was this workbook written for another key?"));
          continue;
        }
        String decision = text(format, row.getCell(DECISION)).toLowerCase(Locale.ROOT);
        String pseudonym = text(format, row.getCell(PSEUDONYM));
        if (decision.isEmpty()) {
          continue;
        }
        ReviewChoice choice = DECISIONS.contains(decision) ? ReviewChoice.of(decision) : null;
        if (choice == null) {
          problems.add(
              problem(
                  file,
                  row,
                  DECISION,
                  "unknown decision \""
                      + decision
                      + "\"; expected accept, reject or correct (or leave it empty)"));
        } else if (choice == ReviewChoice.REJECT) {
          byName.put(original, entry.withDecision(choice.decision(), entry.pseudonym()));
        } else if (pseudonym.isEmpty()) {
          problems.add(
              problem(file, row, PSEUDONYM, "\"" + original + "\" is accepted with no pseudonym"));
        } else {
          byName.put(original, entry.withDecision(choice.decision(), pseudonym));
        }
      }
    } catch (InputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          Diagnostic.fileError(file, "cannot read it as a workbook: " + e.getMessage()));
    }
    PseudonymKey reviewed =
        new PseudonymKey(key.entries().stream().map(e -> byName.get(e.original())).toList());
    problems.addAll(reviewed.leaks(file));
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return reviewed;
  }

  private static String text(DataFormatter format, Cell cell) {
    if (cell == null || cell.getCellType() == CellType.BLANK) {
      return "";
    }
    return format.formatCellValue(cell).strip();
  }

  private static Diagnostic problem(Path file, Row row, int column, String message) {
    return Diagnostic.error(
        file,
        0,
        0,
        SHEET + "!" + new CellReference(row.getRowNum(), column).formatAsString() + ": " + message,
        "");
  }
}
