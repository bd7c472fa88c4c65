package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aet.cli.AetRunner.Result;
import org.aet.io.CsvTable;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A memo without a decision and a coder's "no code applies" reach every final export, each with who
 * wrote or decided it, and a segment nobody decided says so (issue 31, item 2).
 */
class FinalExportReviewTest {
  private static final Path SAMPLE = AetRunner.repositoryRoot().resolve("corpora/partnerships");
  private static final String MEMO = "Ask her about the fund next time.";

  @Test
  void memosAndNoCodeAppliesReachJsonlCsvAndXlsx(@TempDir Path dir) throws Exception {
    Path study = dir.resolve("study.aet");
    assertOk(aet("init", study.toString()));
    assertOk(aet("add", study.toString(), SAMPLE.toString()));
    assertOk(aet("code", study.toString(), "--codebook", "four-tensions", "--no-semantic", "-q"));
    Path alice = dir.resolve("alice.xlsx");
    assertOk(aet("review", "export", study.toString(), "--coder", "alice", "-o", alice.toString()));
    String memoOnly;
    String noCode;
    String undecided;
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(alice))) {
      Sheet sheet = workbook.getSheet("Review");
      memoOnly = sheet.getRow(1).getCell(0).getStringCellValue();
      noCode = sheet.getRow(2).getCell(0).getStringCellValue();
      undecided = sheet.getRow(4).getCell(0).getStringCellValue();
      set(sheet, 1, 10, MEMO);
      set(sheet, 2, 8, "reject");
      set(sheet, 2, 10, "Nothing here: small talk.");
      set(sheet, 3, 8, "recode");
      set(sheet, 3, 9, "power/reciprocity");
      try (OutputStream out = Files.newOutputStream(alice)) {
        workbook.write(out);
      }
    }
    assertOk(aet("review", "import", study.toString(), alice.toString()));

    Path jsonl = dir.resolve("final.jsonl");
    assertOk(aet("export", study.toString(), "-o", jsonl.toString()));
    assertTrue(Files.readString(jsonl).contains(MEMO), "a memo alone is kept in the export");
    Map<String, List<JsonNode>> lines = new HashMap<>();
    for (String line : Files.readAllLines(jsonl)) {
      JsonNode node = new ObjectMapper().readTree(line);
      lines.computeIfAbsent(node.get("segment_id").asText(), k -> new ArrayList<>()).add(node);
    }
    JsonNode memoLine = lines.get(memoOnly).get(0);
    assertEquals("not reviewed", memoLine.get("review").asText(), memoLine.toString());
    assertEquals("alice", memoLine.get("memos").get(0).get("by").asText(), memoLine.toString());
    assertEquals(MEMO, memoLine.get("memos").get(0).get("memo").asText(), memoLine.toString());
    JsonNode noCodeLine = lines.get(noCode).get(0);
    assertEquals(1, lines.get(noCode).size());
    assertTrue(noCodeLine.get("code").isNull(), noCodeLine.toString());
    assertEquals("no code applies", noCodeLine.get("review").asText(), noCodeLine.toString());
    assertEquals("alice", noCodeLine.get("reviewed_by").get(0).asText(), noCodeLine.toString());
    assertEquals("not reviewed", lines.get(undecided).get(0).get("review").asText());
    assertTrue(lines.get(undecided).get(0).get("reviewed_by").isEmpty());
    JsonNode coded =
        lines.values().stream()
            .flatMap(List::stream)
            .filter(n -> !n.get("code").isNull())
            .findFirst()
            .orElseThrow();
    assertEquals("coded", coded.get("review").asText(), coded.toString());

    Path csv = dir.resolve("final.csv");
    assertOk(aet("export", study.toString(), "-o", csv.toString()));
    List<CsvTable.Row> rows =
        CsvTable.parse(Files.readString(csv, StandardCharsets.UTF_8).substring(1), ',');
    List<String> header = rows.get(0).cells();
    Map<String, List<String>> bySegment = new HashMap<>();
    for (CsvTable.Row row : rows.subList(1, rows.size())) {
      bySegment.put(row.cell(header.indexOf("segment_id")), row.cells());
    }
    List<String> noCodeRow = bySegment.get(noCode);
    assertEquals("no code applies", noCodeRow.get(header.indexOf("review")), noCodeRow.toString());
    assertEquals("alice", noCodeRow.get(header.indexOf("reviewed_by")));
    assertEquals("alice: " + MEMO, bySegment.get(memoOnly).get(header.indexOf("memos")));
    assertEquals("not reviewed", bySegment.get(undecided).get(header.indexOf("review")));

    Path xlsx = dir.resolve("final.xlsx");
    assertOk(aet("export", study.toString(), "-o", xlsx.toString()));
    try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx.toFile())) {
      Map<String, Map<String, String>> segments = table(workbook.getSheet("Segments"));
      assertEquals("no code applies", segments.get(noCode).get("Review"));
      assertEquals("alice", segments.get(noCode).get("Reviewed by"));
      assertEquals("alice: Nothing here: small talk.", segments.get(noCode).get("Memos"));
      assertEquals("alice: " + MEMO, segments.get(memoOnly).get("Memos"));
      assertEquals("not reviewed", segments.get(memoOnly).get("Review"));
      assertEquals("not reviewed", segments.get(undecided).get("Review"));
    }
  }

  /** A sheet's rows by segment id, each as header -> cell text. */
  private static Map<String, Map<String, String>> table(Sheet sheet) {
    DataFormatter format = new DataFormatter();
    List<String> header = new ArrayList<>();
    sheet.getRow(0).forEach(c -> header.add(format.formatCellValue(c)));
    Map<String, Map<String, String>> rows = new HashMap<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      Map<String, String> cells = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        cells.put(header.get(c), format.formatCellValue(row.getCell(c)));
      }
      rows.put(cells.get("Segment id"), cells);
    }
    return rows;
  }

  private static void assertOk(Result result) {
    assertEquals(0, result.exit(), result.err() + result.out());
  }

  private static void set(Sheet sheet, int row, int column, String value) {
    Row r = sheet.getRow(row);
    (r.getCell(column) == null ? r.createCell(column) : r.getCell(column)).setCellValue(value);
  }
}
