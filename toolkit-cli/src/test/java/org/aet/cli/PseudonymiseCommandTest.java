package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import org.aet.cli.AetRunner.Result;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's pseudonymisation workflow: find the names, review them in a workbook, release the
 * copy, and share coded workbooks and exports with no real name in them.
 */
class PseudonymiseCommandTest {
  private static final Path SAMPLE = AetRunner.repositoryRoot().resolve("corpora/partnerships");
  private static final List<String> NAMES =
      List.of(
          "Helen Ward",
          "Helen",
          "Rosa Lindqvist",
          "Margaret Osei",
          "Tom Price",
          "Grace",
          "Eastmoor",
          "Northbrook",
          "Riverside",
          "Southvale");

  @Test
  void reviewThenReleaseThenShareCodedOutput(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("private/key.csv");
    Path review = dir.resolve("private/review.xlsx");
    Path shared = dir.resolve("shared");
    String[] command = {
      "pseudonymise",
      SAMPLE.toString(),
      "--key",
      key.toString(),
      "--review",
      review.toString(),
      "-o",
      shared.toString()
    };
    Result first = aet(command);
    assertEquals(PseudonymiseCommand.REVIEW_PENDING, first.exit(), first.err() + first.out());
    assertTrue(first.out().contains("wait for review in " + review), first.out());
    assertTrue(first.out().contains("only in speaker labels"), first.out());
    assertTrue(Files.isRegularFile(key) && Files.isRegularFile(review));
    assertFalse(Files.exists(shared));

    // The same command before anyone reviewed anything still releases nothing.
    assertEquals(PseudonymiseCommand.REVIEW_PENDING, aet(command).exit());
    decideAll(review, "accept", null);
    Result second = aet(command);
    assertEquals(0, second.exit(), second.err() + second.out());
    assertTrue(second.out().contains("no accepted name is left"), second.out());
    String copy = Files.readString(shared.resolve("[Organisation C]/leader-conversation.vtt"));
    assertNoName(copy);
    assertTrue(copy.contains("Participant "), copy);

    // Coded output shared with the key: the workbook and the JSON Lines hold no real name.
    Path coded = dir.resolve("shared-coded.xlsx");
    Result code =
        aet(
            "code",
            SAMPLE.toString(),
            "--no-semantic",
            "--pseudonymise",
            key.toString(),
            "-o",
            coded.toString());
    assertEquals(0, code.exit(), code.err());
    String workbook = xlsxText(coded);
    assertNoName(workbook);
    // "How it was made" names the input by its last part only: folders above may name people.
    assertFalse(workbook.contains(SAMPLE.toString()), "the input's full path is in the workbook");
    Path jsonl = dir.resolve("shared-coded.jsonl");
    assertEquals(
        0,
        aet(
                "code",
                SAMPLE.toString(),
                "--no-semantic",
                "--pseudonymise",
                key.toString(),
                "-o",
                jsonl.toString())
            .exit());
    String lines = Files.readString(jsonl);
    assertNoName(lines);
    assertTrue(lines.contains("\"case\":\"[Organisation A]\""), lines.substring(0, 400));

    // The report made from coded JSON Lines with real names, pseudonymised on the way out.
    Path plain = dir.resolve("coded.jsonl");
    assertEquals(
        0, aet("code", SAMPLE.toString(), "--no-semantic", "-q", "-o", plain.toString()).exit());
    Path page = dir.resolve("shared-report.html");
    Result report =
        aet("report", plain.toString(), "--pseudonymise", key.toString(), "-o", page.toString());
    assertEquals(0, report.exit(), report.err());
    String html = Files.readString(page);
    assertNoName(html);
    assertTrue(html.contains("<th scope=\"col\">[Organisation A]</th>"), "cases pseudonymised");
    assertTrue(html.contains("<blockquote"), "quotes kept");

    // A project export with the key; a .qdpx is refused, as it would carry the transcripts whole.
    Path study = dir.resolve("study.aet");
    assertEquals(0, aet("init", study.toString()).exit());
    assertEquals(0, aet("add", study.toString(), SAMPLE.toString()).exit());
    assertEquals(0, aet("code", study.toString(), "--no-semantic", "-q").exit());
    // The project's transcripts pseudonymised with the reviewed key: aet's JSON Lines, no name.
    Path fromProject = dir.resolve("shared-project");
    Result project =
        aet(
            "pseudonymise",
            study.toString(),
            "--key",
            key.toString(),
            "-o",
            fromProject.toString());
    assertEquals(0, project.exit(), project.err() + project.out());
    String turns =
        Files.readString(fromProject.resolve("[Organisation A]/leader-conversation.jsonl"));
    assertNoName(turns);
    assertFalse(turns.contains(SAMPLE.toString()), "a local path in " + turns.substring(0, 300));
    Path review2 = dir.resolve("alice.xlsx");
    assertEquals(
        0,
        aet("review", "export", study.toString(), "--coder", "alice", "-o", review2.toString())
            .exit());
    decideAll(review2, "accept", "Suggested codes");
    assertEquals(0, aet("review", "import", study.toString(), review2.toString()).exit());
    Path exported = dir.resolve("final.csv");
    Result export =
        aet(
            "export",
            study.toString(),
            "--pseudonymise",
            key.toString(),
            "-o",
            exported.toString());
    assertEquals(0, export.exit(), export.err());
    assertNoName(Files.readString(exported));
    Result qdpx =
        aet(
            "export",
            study.toString(),
            "--pseudonymise",
            key.toString(),
            "-o",
            dir.resolve("x.qdpx").toString());
    assertEquals(1, qdpx.exit());
    assertTrue(qdpx.err().contains("aet pseudonymise"), qdpx.err());
  }

  @Test
  void theKeyNeverGoesIntoTheSharedFolderAndUnreviewedNamesAreNotReleased(@TempDir Path dir) {
    Path shared = dir.resolve("shared");
    Result inside =
        aet(
            "pseudonymise",
            SAMPLE.toString(),
            "--key",
            shared.resolve("key.csv").toString(),
            "--accept-all",
            "-o",
            shared.toString());
    assertEquals(1, inside.exit());
    assertTrue(inside.err().contains("inside the output folder"), inside.err());
    Result noReview =
        aet(
            "pseudonymise",
            SAMPLE.toString(),
            "--key",
            dir.resolve("key.csv").toString(),
            "-o",
            shared.toString());
    assertEquals(1, noReview.exit());
    assertTrue(
        noReview.err().contains("--review") && noReview.err().contains("--accept-all"),
        noReview.err());
    assertFalse(Files.exists(shared));
    // A key that does not know the speakers is refused by the exports.
    Path empty = dir.resolve("empty.csv");
    Result unknown =
        aet(
            "pseudonymise",
            dir.resolve("none").toString(),
            "--key",
            empty.toString(),
            "-o",
            shared.toString());
    assertEquals(1, unknown.exit());
  }

  @Test
  void anExportRefusesAKeyMadeForOtherTranscripts(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("key.csv");
    Files.writeString(
        key, "original,pseudonym,kind,decision\nSomeone Else,Participant 1,speaker,accepted\n");
    Result code =
        aet(
            "code",
            SAMPLE.toString(),
            "--no-semantic",
            "--pseudonymise",
            key.toString(),
            "-o",
            dir.resolve("c.csv").toString());
    assertEquals(1, code.exit());
    assertTrue(
        code.err().contains("does not know") && code.err().contains("Helen Ward"), code.err());
    assertFalse(Files.exists(dir.resolve("c.csv")));
  }

  private static void assertNoName(String text) {
    for (String name : NAMES) {
      assertFalse(
          java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(text).find(),
          "\"" + name + "\" left");
    }
  }

  /** Sets every decision (only in rows where {@code filled} is not empty, when given). */
  private static void decideAll(Path review, String decision, String filled) throws Exception {
    try (InputStream in = Files.newInputStream(review);
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheetAt(0);
      int column = -1;
      int required = -1;
      for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
        String header = sheet.getRow(0).getCell(c).getStringCellValue();
        column = header.equals("Decision") ? c : column;
        required = header.equals(filled) ? c : required;
      }
      for (Row row : sheet) {
        boolean wanted = required < 0 || !row.getCell(required).getStringCellValue().isBlank();
        if (row.getRowNum() > 0 && wanted) {
          row.getCell(column).setCellValue(decision);
        }
      }
      try (OutputStream out = Files.newOutputStream(review)) {
        workbook.write(out);
      }
    }
  }

  /** Every XML part of an .xlsx as one text, for searching. */
  private static String xlsxText(Path file) throws Exception {
    List<String> parts = new ArrayList<>();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          parts.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    return String.join("\n", parts);
  }
}
