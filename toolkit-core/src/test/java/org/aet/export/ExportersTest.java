package org.aet.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.model.CodedTranscript;
import org.aet.segment.SegmentUnit;
import org.aet.testing.RuleCoded;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each exporter writes a real file that is read back and checked. */
class ExportersTest {
  private static final String TRANSCRIPT =
      "---\ncase: Northbrook\nrole: Ann = senior leader\n---\n"
          + "[00:00:05] Ann: =HYPERLINK(\"http://evil.example\",\"jargon\") was tokenistic, a tick box exercise.\n"
          + "Tom: -5 people came; the finance system could not pay them.\n"
          + "Ann: @everyone thanks.\n"
          + "Tom: +1, \"quoted\", and a comma.\n";
  private static Codebook codebook;
  private static CodedTranscript coded;

  @BeforeAll
  static void code() throws Exception {
    codebook = Codebooks.load("four-tensions");
    coded = RuleCoded.transcript(TRANSCRIPT, codebook);
  }

  private static Path export(Path target) throws IOException, AetException {
    ExportContext context =
        new ExportContext(codebook, SegmentUnit.TURN, List.of("n.txt"), Instant.EPOCH, List.of());
    try (ExportSession session = CodingExporter.forFile(target).open(target, context)) {
      session.write(coded);
      session.finish();
    }
    return target;
  }

  @Test
  void theWorkbookHasItsSheetsHeadersAndValues(@TempDir Path dir) throws Exception {
    Path file = export(dir.resolve("coded.xlsx"));
    try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
      List<String> sheets = new ArrayList<>();
      workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
      assertEquals(
          List.of("Summary", "Coded segments", "Segments", "Cases", "Codebook", "About"), sheets);
      assertEquals(0, workbook.getActiveSheetIndex(), "the workbook opens on its summary");
      XSSFSheet codedSheet = workbook.getSheet("Coded segments");
      assertEquals(
          List.of(
              "Transcript",
              "Case",
              "Speaker",
              "Role",
              "Start",
              "Segment text",
              "Code",
              "Tension",
              "Code path",
              "Source",
              "Confidence",
              "Status",
              "Evidence",
              "Segment id",
              "Codebook"),
          row(codedSheet, 0));
      assertEquals(coded.codings().size(), codedSheet.getLastRowNum());
      assertEquals(1, codedSheet.getPaneInformation().getHorizontalSplitPosition());
      assertTrue(codedSheet.getCTWorksheet().isSetAutoFilter());
      List<String> first = row(codedSheet, 1);
      assertEquals(
          List.of("n", "Northbrook", "Ann", "senior leader", "00:00:05"), first.subList(0, 5));
      assertTrue(first.contains("Tokenistic narrative"));
      assertTrue(first.contains("Idealistic, tokenistic vs realistic narratives"));
      assertTrue(first.contains("narratives/tokenistic"));
      assertEquals(CellType.NUMERIC, codedSheet.getRow(1).getCell(10).getCellType());
      assertEquals(coded.segments().size(), workbook.getSheet("Segments").getLastRowNum());
      assertEquals(codebook.codes().size(), workbook.getSheet("Codebook").getLastRowNum());
    }
  }

  @Test
  void theSummaryHasANativeChartOfEachCaseAndTheCasesSheetAHeatmap(@TempDir Path dir)
      throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(export(dir.resolve("coded.xlsx")).toFile())) {
      XSSFSheet summary = workbook.getSheet("Summary");
      List<org.apache.poi.xssf.usermodel.XSSFChart> charts =
          summary.getDrawingPatriarch().getCharts();
      assertEquals(1, charts.size(), "one chart on the summary");
      var bars = charts.get(0).getChartSeries();
      assertEquals(1, bars.size());
      assertEquals(1, bars.get(0).getSeriesCount(), "a series per case (one case here)");
      var series = bars.get(0).getSeries(0);
      assertEquals(codebook.codes().size(), series.getCategoryData().getPointCount());
      assertEquals(
          "Summary!$B$"
              + (SummarySheet.HEADER_ROW + 2)
              + ":$B$"
              + (SummarySheet.HEADER_ROW + 1 + codebook.codes().size()),
          series.getValuesData().getDataRangeReference(),
          "the chart is drawn from the table's cells");
      Row narratives = summary.getRow(SummarySheet.HEADER_ROW + 1);
      assertEquals("0.0%", narratives.getCell(1).getCellStyle().getDataFormatString());
      assertTrue(summary.getPrintSetup().getLandscape());
      assertEquals(
          SummarySheet.HEADER_ROW,
          summary.getRepeatingRows().getFirstRow(),
          "header on every page");
      XSSFSheet cases = workbook.getSheet("Cases");
      assertEquals(
          List.of("Code path", "Code", "Northbrook", "Northbrook %", "Northbrook residual"),
          row(cases, 0));
      Row tokenistic = cases.getRow(3);
      assertEquals("narratives/tokenistic", tokenistic.getCell(0).getStringCellValue());
      assertEquals(
          tokenistic.getCell(2).getNumericCellValue() / coded.segments().size(),
          tokenistic.getCell(3).getNumericCellValue(),
          1e-12,
          "the share is a number shown as a percentage");
      assertEquals("0.0%", tokenistic.getCell(3).getCellStyle().getDataFormatString());
      assertEquals(2, cases.getSheetConditionalFormatting().getNumConditionalFormattings());
      assertEquals(0, cases.getRepeatingRows().getFirstRow());
      assertTrue(
          cases.getRow(0).getHeightInPoints() >= 30, "wrapped headers get the height they need");
    }
  }

  @Test
  void everySheetPrintsAtEightPointOrMore(@TempDir Path dir) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(export(dir.resolve("coded.xlsx")).toFile())) {
      for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
        if (sheet.getRow(0) == null) {
          continue;
        }
        double points = 0;
        for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
          points += sheet.getColumnWidth(c) / 256.0 * PrintLayout.POINTS_PER_CHARACTER;
        }
        var print = sheet.getPrintSetup();
        assertTrue(print.getLandscape(), sheet.getSheetName());
        double scale = Math.min(1, print.getFitWidth() * PrintLayout.PAGE_WIDTH_POINTS / points);
        assertTrue(
            scale * 11 >= 8,
            sheet.getSheetName()
                + " would print at "
                + scale * 11
                + " pt on "
                + print.getFitWidth());
        assertTrue(
            print.getFitWidth() == 1
                || points / (print.getFitWidth() - 1)
                    > PrintLayout.PAGE_WIDTH_POINTS * PrintLayout.SMALLEST_SCALE,
            "no more pages across than needed: " + sheet.getSheetName());
      }
    }
  }

  @Test
  void textThatLooksLikeAFormulaStaysText(@TempDir Path dir) throws Exception {
    Path file = export(dir.resolve("coded.xlsx"));
    try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
      int formulaLike = 0;
      for (Row row : workbook.getSheet("Segments")) {
        for (Cell cell : row) {
          assertTrue(
              cell.getCellType() != CellType.FORMULA, "a formula cell at " + cell.getAddress());
          if (cell.getCellType() == CellType.STRING
              && !cell.getStringCellValue().isEmpty()
              && "=-+@".indexOf(cell.getStringCellValue().charAt(0)) >= 0) {
            assertTrue(
                cell.getCellStyle().getQuotePrefixed(),
                cell.getAddress() + " is not quote-prefixed");
            formulaLike++;
          }
        }
      }
      assertEquals(4, formulaLike);
      assertEquals(
          "=HYPERLINK(\"http://evil.example\",\"jargon\") was tokenistic, a tick box exercise.",
          workbook.getSheet("Segments").getRow(1).getCell(5).getStringCellValue(),
          "kept exactly as said");
    }
    Path csv = export(dir.resolve("coded.csv"));
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertTrue(
        text.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"jargon\"\") was tokenistic"),
        text);
    assertTrue(
        text.contains(",\"'-5 people came; the finance system could not pay them.\","), text);
  }

  @Test
  void csvIsExcelFriendlyUtf8(@TempDir Path dir) throws Exception {
    byte[] bytes = Files.readAllBytes(export(dir.resolve("coded.csv")));
    assertEquals(
        List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith(
            "transcript,case,speaker,role,start,text,code_name,tension,code_path,source,"
                + "confidence,status,evidence,segment_id,codebook\r\n"),
        text);
    assertEquals(coded.codings().size() + 1, text.split("\r\n").length);
  }

  @Test
  void jsonlHasOneObjectPerCodingWithTheDocumentedFields(@TempDir Path dir) throws Exception {
    List<String> lines = Files.readAllLines(export(dir.resolve("coded.jsonl")));
    long uncoded =
        coded.segments().stream()
            .filter(s -> coded.codings().stream().noneMatch(c -> c.segmentId().equals(s.id())))
            .count();
    assertEquals(coded.codings().size() + uncoded, lines.size(), "codings and uncoded segments");
    List<String> nulls = lines.stream().filter(l -> l.contains("\"code\":null")).toList();
    assertEquals(uncoded, nulls.size());
    for (String line : nulls) {
      JsonNode json = new ObjectMapper().readTree(line);
      assertTrue(json.get("code_path").isNull() && json.get("evidence").isEmpty(), line);
      assertFalse(json.get("text").asText().isEmpty(), "the segment is there: " + line);
    }
    ObjectMapper mapper = new ObjectMapper();
    for (String line : lines) {
      JsonNode json = mapper.readTree(line);
      for (String field :
          List.of(
              "segment_id",
              "transcript",
              "case",
              "speaker",
              "role",
              "start",
              "text",
              "code",
              "code_path",
              "source",
              "confidence",
              "status",
              "evidence",
              "codebook")) {
        assertTrue(json.has(field), field + " missing in " + line);
      }
      String text = json.get("text").asText();
      for (JsonNode evidence : json.get("evidence")) {
        int offset = json.get("char_begin").asInt();
        assertEquals(
            evidence.get("text").asText(),
            text.substring(
                evidence.get("begin").asInt() - offset, evidence.get("end").asInt() - offset));
      }
    }
    JsonNode first = mapper.readTree(lines.get(0));
    assertEquals("00:00:05", first.get("start").asText());
    assertEquals("rule", first.get("source").asText());
    assertEquals("four-tensions@" + codebook.version(), first.get("codebook").asText());
    assertTrue(first.get("indicators").get("words").isIntegralNumber(), "a count is an integer");
    assertTrue(first.get("indicators").get("readability").isFloatingPointNumber());
  }

  @Test
  void anUnfinishedExportLeavesNothingBehind(@TempDir Path dir) throws Exception {
    Path previous = dir.resolve("coded.xlsx");
    Files.writeString(previous, "an earlier file");
    for (String name : List.of("coded.xlsx", "coded.csv", "coded.jsonl")) {
      Path target = dir.resolve(name);
      ExportContext context =
          new ExportContext(codebook, SegmentUnit.TURN, List.of(), Instant.EPOCH, List.of());
      try (ExportSession session = CodingExporter.forFile(target).open(target, context)) {
        session.write(coded);
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(previous), files.toList());
    }
    assertEquals("an earlier file", Files.readString(previous));
  }

  @Test
  void anOverlongCellIsCutAndSaysSo() {
    String cut = SpreadsheetText.fitCell("x".repeat(40_000));
    assertEquals(SpreadsheetText.MAX_CELL_CHARS, cut.length());
    assertTrue(cut.endsWith("the .jsonl export has the full text]"));
    assertEquals("short", SpreadsheetText.fitCell("short"));
  }

  @Test
  void anUnknownExtensionNamesTheFormats() {
    AetException e =
        assertThrows(AetException.class, () -> CodingExporter.forFile(Path.of("out.pdf")));
    assertEquals(
        "out.pdf: cannot tell what to write from the file name; end it in one of .csv, .html, .jsonl, .xlsx",
        e.getMessage());
    assertFalse(SpreadsheetText.looksLikeFormula("plain"));
  }

  private static List<String> row(XSSFSheet sheet, int index) {
    List<String> values = new ArrayList<>();
    for (Cell cell : sheet.getRow(index)) {
      values.add(
          cell.getCellType() == CellType.NUMERIC
              ? Double.toString(cell.getNumericCellValue())
              : cell.getStringCellValue());
    }
    return values;
  }
}
