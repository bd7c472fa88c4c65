package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.aet.cli.AetRunner.Result;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two coders code the sample corpus blind in their own workbooks, the team sees their agreement and
 * the disagreements, records the consensus, and exports the final coding: the README's team
 * workflow, end to end.
 */
class TeamWorkflowTest {
  private static final Path SAMPLE = AetRunner.repositoryRoot().resolve("corpora/partnerships");

  @Test
  void twoCodersAgreementConsensusAndFinalExport(@TempDir Path dir) throws Exception {
    Path study = dir.resolve("study.aet");
    assertOk(aet("init", study.toString()));
    Result added = aet("add", study.toString(), SAMPLE.toString());
    assertOk(added);
    assertTrue(added.out().contains("Added 4 transcript(s)"), added.out());
    assertOk(aet("code", study.toString(), "--codebook", "four-tensions", "-q"));

    Path alice = dir.resolve("review-alice.xlsx");
    Path bob = dir.resolve("review-bob.xlsx");
    assertOk(
        aet(
            "review",
            "export",
            study.toString(),
            "--coder",
            "alice",
            "--blind",
            "-o",
            alice.toString()));
    assertOk(
        aet(
            "review",
            "export",
            study.toString(),
            "--coder",
            "bob",
            "--blind",
            "-o",
            bob.toString()));
    // Alice and Bob code the first twenty segments; they agree on most and differ on every fifth.
    edit(
        alice,
        sheet -> {
          for (int r = 1; r <= 20; r++) {
            set(sheet, r, 9, r % 2 == 0 ? "power/reciprocity" : "narratives/realistic");
          }
          set(sheet, 3, 10, "Hesitant: could be idealistic.");
        });
    edit(
        bob,
        sheet -> {
          for (int r = 1; r <= 20; r++) {
            set(
                sheet,
                r,
                9,
                r % 5 == 0
                    ? "language/excluding-language"
                    : r % 2 == 0 ? "power/reciprocity" : "narratives/realistic");
          }
        });
    Result importedAlice = aet("review", "import", study.toString(), alice.toString());
    assertOk(importedAlice);
    assertTrue(
        importedAlice.out().contains("Recorded 20 review decision(s) by alice"),
        importedAlice.out());
    assertOk(aet("review", "import", study.toString(), bob.toString()));

    Path report = dir.resolve("agreement.xlsx");
    Result agreement =
        aet("agree", study.toString(), "--coders", "alice,bob", "-o", report.toString());
    assertOk(agreement);
    assertTrue(agreement.out().contains("4 disputed segment(s)."), agreement.out());
    try (XSSFWorkbook workbook = new XSSFWorkbook(report.toFile())) {
      Sheet disputes = workbook.getSheet("Disagreements");
      assertEquals(4, disputes.getLastRowNum());
      assertEquals("alice: codes", disputes.getRow(0).getCell(4).getStringCellValue());
      assertEquals(
          "language/excluding-language", disputes.getRow(1).getCell(6).getStringCellValue());
      Sheet agreementSheet = workbook.getSheet("Agreement");
      assertTrue(
          agreementSheet.getRow(0).getHeightInPoints() >= 30,
          "the wrapped headers (\"Krippendorff's alpha\") are tall enough not to overlap row 2");
      Sheet meaning = workbook.getSheet("What the figures mean");
      List<String> figures = new java.util.ArrayList<>();
      meaning.forEach(r -> figures.add(r.getCell(0).getStringCellValue()));
      for (Cell header : agreementSheet.getRow(0)) {
        String name = header.getStringCellValue();
        if (!name.equals("Code or transcript")) {
          assertTrue(figures.contains(name), name + " is explained");
        }
      }
    }
    Path jsonl = dir.resolve("agreement.jsonl");
    assertOk(aet("agree", study.toString(), "--coders", "alice,bob", "-o", jsonl.toString()));
    JsonNode first = new ObjectMapper().readTree(Files.readAllLines(jsonl).get(0));
    for (String field :
        List.of(
            "code",
            "units",
            "percent_agreement",
            "cohen_kappa",
            "fleiss_kappa",
            "krippendorff_alpha",
            "brennan_prediger")) {
      assertTrue(first.has(field), field);
    }
    assertEquals(20, first.get("units").asInt());

    Path consensus = dir.resolve("consensus.xlsx");
    assertOk(aet("review", "resolve", study.toString(), "-o", consensus.toString()));
    edit(
        consensus,
        sheet -> {
          assertTrue(
              sheet
                  .getRow(5)
                  .getCell(7)
                  .getStringCellValue()
                  .contains("alice: narratives/realistic | bob:" + " language/excluding-language"),
              sheet.getRow(5).getCell(7).getStringCellValue());
          set(sheet, 5, 9, "narratives/realistic");
        });
    Result resolved = aet("review", "import", study.toString(), consensus.toString());
    assertOk(resolved);
    assertTrue(
        resolved.out().contains("Recorded 1 consensus decision(s) by consensus"), resolved.out());

    Path fin = dir.resolve("final.xlsx");
    Result exported =
        aet(
            "export",
            study.toString(),
            "-o",
            fin.toString(),
            "--cache",
            dir.resolve("cache").toString());
    assertOk(exported);
    try (XSSFWorkbook workbook = new XSSFWorkbook(fin.toFile())) {
      Sheet coded = workbook.getSheet("Coded segments");
      List<String> header = new java.util.ArrayList<>();
      coded.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      int source = header.indexOf("Decided by");
      int status = header.indexOf("Status");
      int memo = header.indexOf("Memo");
      java.util.Set<String> sources = new java.util.TreeSet<>();
      java.util.Set<String> memos = new java.util.TreeSet<>();
      for (Row row : coded) {
        if (row.getRowNum() > 0) {
          sources.add(row.getCell(source).getStringCellValue());
          assertEquals("accepted", row.getCell(status).getStringCellValue());
          memos.add(row.getCell(source).getStringCellValue() + ": " + row.getCell(memo));
        }
      }
      assertTrue(memos.contains("alice: Hesitant: could be idealistic."), memos.toString());
      assertEquals(
          java.util.Set.of("alice", "bob", "consensus"), sources, "every coding names who made it");
      assertTrue(
          header.contains("region"),
          "case attributes from the manifest travel with the final coding");
    }

    // The page the team looks at: final coding, review status and agreement per code.
    Path page = dir.resolve("report.html");
    Result reported =
        aet(
            "report",
            study.toString(),
            "-o",
            page.toString(),
            "--cache",
            dir.resolve("cache").toString());
    assertOk(reported);
    String html = Files.readString(page);
    assertTrue(html.contains("final codings (people's decisions)"), "the final coding is shown");
    assertTrue(html.contains("<section id=\"review\">"), "a project's report shows its review");
    assertTrue(html.contains("Agreement between alice, bob"), "agreement of the two coders");
    assertTrue(html.contains("<tr><td>alice</td><td>20</td></tr>"), "segments each coder decided");
    assertTrue(html.contains("<tr><td>narratives/realistic</td><td>20</td>"), "a row per code");
    assertTrue(html.contains("accepted"));
    Path exportedPage = dir.resolve("exported.html");
    assertOk(
        aet(
            "export",
            study.toString(),
            "-o",
            exportedPage.toString(),
            "--cache",
            dir.resolve("cache").toString()));
    assertTrue(
        Files.readString(exportedPage).contains("Agreement between alice, bob"),
        "aet export writes the same report, review included");

    // The team's coding moves to NVivo, ATLAS.ti or MAXQDA and back: agreement is the same there.
    Path qdpx = dir.resolve("study.qdpx");
    Result toQdpx = aet("export", study.toString(), "-o", qdpx.toString());
    assertOk(toQdpx);
    assertTrue(toQdpx.out().contains("by alice, bob, consensus"), toQdpx.out());
    Path moved = dir.resolve("moved.aet");
    assertOk(aet("init", moved.toString()));
    Result in = aet("add", moved.toString(), qdpx.toString());
    assertOk(in);
    assertTrue(
        in.out().contains("4 transcript(s) (0 already there), codebook four-tensions (14 codes)"),
        in.out());
    assertTrue(in.out().contains("by alice, bob, consensus"), in.out());
    Result movedAgreement =
        aet(
            "agree",
            moved.toString(),
            "--coders",
            "alice,bob",
            "-o",
            dir.resolve("moved-agreement.xlsx").toString());
    assertOk(movedAgreement);
    assertTrue(movedAgreement.out().contains("4 disputed segment(s)."), movedAgreement.out());
    Result twice = aet("add", moved.toString(), qdpx.toString());
    assertEquals(1, twice.exit());
    assertTrue(twice.err().contains("imported into"), twice.err());
  }

  @Test
  void aDamagedProjectFileIsRefusedWithItsName(@TempDir Path dir) throws Exception {
    Path study = dir.resolve("study.aet");
    assertOk(aet("init", study.toString()));
    Path broken = dir.resolve("from-nvivo.qdpx");
    Files.writeString(broken, "this is not a zip archive");
    byte[] before = Files.readAllBytes(study);
    Result result = aet("add", study.toString(), broken.toString());
    assertEquals(1, result.exit());
    assertTrue(result.err().contains("from-nvivo.qdpx"), result.err());
    assertTrue(result.err().contains("not a zip archive"), result.err());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(study)), "project unchanged");
  }

  @Test
  void agreementFromLabelledFiles(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("alice.jsonl"),
        "{\"segment_id\": \"t@0-5\", \"text\": \"a\", \"codes\": [\"x\"]}\n"
            + "{\"segment_id\": \"t@6-9\", \"text\": \"b\", \"codes\": []}\n");
    Files.writeString(
        dir.resolve("bob.jsonl"),
        "{\"segment_id\": \"t@0-5\", \"text\": \"a\", \"codes\": [\"x\"]}\n"
            + "{\"segment_id\": \"t@6-9\", \"text\": \"b\", \"codes\": [\"x\"]}\n");
    Result counted =
        aet(
            "agree",
            dir.resolve("alice.jsonl").toString(),
            dir.resolve("bob.jsonl").toString(),
            "--missing",
            "no-code");
    assertOk(counted);
    assertTrue(counted.out().contains("Coders: alice, bob."), counted.out());
    assertTrue(counted.out().matches("(?s).*code\\s+x\\s+2\\s+0\\.500.*"), counted.out());
    assertTrue(counted.out().contains("1 disputed segment(s)."), counted.out());
    assertTrue(counted.err().contains("counted as \"no code applies\""), counted.err());

    Result byDefault =
        aet("agree", dir.resolve("alice.jsonl").toString(), dir.resolve("bob.jsonl").toString());
    assertOk(byDefault);
    assertEquals(counted.out(), byDefault.out(), "by default a listed segment is a decision");
    Result excluded =
        aet(
            "agree",
            dir.resolve("alice.jsonl").toString(),
            dir.resolve("bob.jsonl").toString(),
            "--missing",
            "exclude");
    assertOk(excluded);
    assertTrue(
        excluded.out().matches("(?s).*code\\s+x\\s+1\\s+1\\.000.*"),
        "with exclude a segment without codes is not coded: " + excluded.out());
    assertTrue(
        excluded.err().contains("alice.jsonl: 1 segment(s) have no codes; counted as not coded"),
        excluded.err());
    assertTrue(excluded.err().contains("bob.jsonl: 1 segment(s) no other coder has"));
  }

  @Test
  void agreementFromFilesSaysWhatItMerged(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("alice.jsonl"),
        "{\"segment_id\": \"t@0-5\", \"text\": \"a\", \"codes\": [\"x\"]}\n"
            + "{\"segment_id\": \"t@0-5\", \"text\": \"a\", \"codes\": [\"y\"]}\n"
            + "{\"segment_id\": \"t@6-9\", \"text\": \"b\", \"codes\": [\"x\"]}\n");
    Files.writeString(
        dir.resolve("bob.jsonl"),
        "{\"segment_id\": \"t@0-5\", \"text\": \"a\", \"codes\": [\"x\", \"y\"]}\n"
            + "{\"segment_id\": \"t@10-12\", \"text\": \"c\", \"codes\": [\"x\"]}\n");
    Result result =
        aet("agree", dir.resolve("alice.jsonl").toString(), dir.resolve("bob.jsonl").toString());
    assertOk(result);
    assertTrue(
        result.err().contains("alice.jsonl: 1 segment id(s) appear more than once (for example"),
        result.err());
    assertTrue(result.err().contains("alice.jsonl: 1 segment(s) no other coder has"));
    assertTrue(result.err().contains("bob.jsonl: 1 segment(s) no other coder has"));
    assertTrue(result.out().contains("0 disputed segment(s)."), "merged codes agree");
  }

  private static void assertOk(Result result) {
    assertEquals(0, result.exit(), result.err() + result.out());
  }

  private static void edit(Path file, Consumer<Sheet> edit) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
      edit.accept(workbook.getSheet("Review"));
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
  }

  private static void set(Sheet sheet, int row, int column, String value) {
    Row r = sheet.getRow(row);
    (r.getCell(column) == null ? r.createCell(column) : r.getCell(column)).setCellValue(value);
  }
}
