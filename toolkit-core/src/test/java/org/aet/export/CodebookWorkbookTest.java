package org.aet.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookDocuments;
import org.aet.codebook.Codebooks;
import org.aet.testing.Requirements;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codebook workbook reads as a printed document: header, colours, page size, text size. */
class CodebookWorkbookTest {
  /** pdftotext's word boxes are about 1.16 times the font size (DejaVu Sans, Carlito 1.22). */
  private static final double BOX_PER_POINT = 1.16;

  @Test
  void theCodebookSheetIsADocumentWithItsNameVersionAndColours(@TempDir Path dir) throws Exception {
    Codebook codebook = Codebooks.load("four-tensions");
    Path file = dir.resolve("codebook.xlsx");
    CodebookDocuments.write(codebook, file);
    try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
      assertEquals("Codebook", workbook.getSheetName(0), "the document comes first");
      assertEquals("Table", workbook.getSheetName(1));
      XSSFSheet sheet = workbook.getSheet("Codebook");
      assertTrue(sheet.getHeader().getRight().contains(codebook.version()));
      assertTrue(sheet.getHeader().getRight().contains(codebook.name()));
      assertEquals(codebook.title(), sheet.getHeader().getLeft());
      assertTrue(sheet.getFooter().getCenter().contains("&P"), "pages are numbered");
      assertFalse(sheet.getPrintSetup().getLandscape());
      assertEquals(1, sheet.getPrintSetup().getFitWidth());
      List<String> headings = new ArrayList<>();
      for (Row row : sheet) {
        if (row.getCell(0) != null && row.getCell(1) != null) {
          XSSFCellStyle swatch = (XSSFCellStyle) row.getCell(0).getCellStyle();
          headings.add(row.getCell(1).getStringCellValue());
          Code code =
              codebook.find(row.getCell(1).getStringCellValue().replaceFirst("^[0-9.]+  ", ""));
          assertEquals(
              code.colour().substring(1).toUpperCase(),
              swatch.getFillForegroundXSSFColor().getARGBHex().substring(2),
              "each code's block shows its colour: " + code.name());
        }
      }
      assertEquals(codebook.codes().size(), headings.size(), headings.toString());
      assertEquals("2.2  Reciprocity", headings.get(6));
    }
  }

  @Test
  void libreOfficePrintsTheCodebookAtEightPointOrMore(@TempDir Path dir) throws Exception {
    Requirements.program("libreoffice-calc-nogui", "soffice");
    Requirements.program("poppler-utils", "pdftotext");
    Path file = dir.resolve("codebook.xlsx");
    CodebookDocuments.write(Codebooks.load("four-tensions"), file);
    run(
        dir,
        "soffice",
        "--headless",
        "-env:UserInstallation=" + dir.resolve("lo").toUri(),
        "--convert-to",
        "pdf",
        "--outdir",
        dir.toString(),
        file.toString());
    Path pdf = dir.resolve("codebook.pdf");
    assertTrue(Files.exists(pdf), "LibreOffice wrote no PDF");
    run(dir, "pdftotext", "-bbox", pdf.toString(), dir.resolve("words.html").toString());
    String words = Files.readString(dir.resolve("words.html"), StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">([^<]*)<")
            .matcher(words);
    double smallest = Double.MAX_VALUE;
    int count = 0;
    boolean reciprocity = false;
    while (m.find()) {
      smallest =
          Math.min(smallest, Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(1)));
      reciprocity |= m.group(3).equals("Reciprocity");
      count++;
    }
    assertTrue(count > 1000, "the codes' text is printed: " + count + " words");
    assertTrue(reciprocity, "code names are printed");
    double points = smallest / BOX_PER_POINT;
    assertTrue(points >= 8, "the smallest printed text is about " + points + " pt");
  }

  private static void run(Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log.txt").toFile())
            .start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), command[0] + " did not finish");
    assertEquals(
        0, process.exitValue(), command[0] + ": " + Files.readString(dir.resolve("log.txt")));
  }
}
