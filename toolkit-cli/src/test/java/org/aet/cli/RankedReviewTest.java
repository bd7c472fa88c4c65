package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aet.cli.AetRunner.Result;
import org.aet.project.ProjectStore;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two ranked review rounds on the sample corpus, from the README's commands. */
class RankedReviewTest {
  private static final Path SAMPLE = AetRunner.repositoryRoot().resolve("corpora/partnerships");

  private static void ok(Result result) {
    assertEquals(0, result.exit(), result.err() + result.out());
  }

  private static List<String> ids(Path workbook) throws Exception {
    List<String> ids = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
      for (Row row : book.getSheet("Review")) {
        if (row.getRowNum() > 0) {
          ids.add(row.getCell(0).getStringCellValue());
        }
      }
    }
    return ids;
  }

  /** A project of the sample corpus, coded by the machine. */
  private static Path codedStudy(Path dir) {
    Path study = dir.resolve("study.aet");
    ok(aet("init", study.toString()));
    ok(aet("add", study.toString(), SAMPLE.toString()));
    ok(aet("code", study.toString(), "-q"));
    return study;
  }

  @Test
  void theStarterModelRanksTheFirstRoundWhenAskedAndNeedsARound(@TempDir Path dir)
      throws Exception {
    Path study = codedStudy(dir);
    String cache = dir.resolve("cache").toString();
    Path first = dir.resolve("round-1.xlsx");
    Result exported =
        aet(
            "review",
            "export",
            study.toString(),
            "--coder",
            "alice",
            "--next",
            "5",
            "--starter",
            "-o",
            first.toString(),
            "--cache",
            cache);
    ok(exported);
    assertTrue(exported.out().contains("the four-tensions starter model"), exported.out());
    assertEquals(5, ids(first).size());
    Result noRound =
        aet(
            "review",
            "export",
            study.toString(),
            "--coder",
            "bob",
            "--starter",
            "-o",
            dir.resolve("bob.xlsx").toString());
    assertEquals(2, noRound.exit(), noRound.err());
    assertTrue(noRound.err().contains("--starter ranks a round: give --next N too"), noRound.err());
    Result both =
        aet(
            "review",
            "export",
            study.toString(),
            "--coder",
            "bob",
            "--starter",
            "--model",
            dir.resolve("team.model").toString(),
            "-o",
            dir.resolve("bob.xlsx").toString());
    assertEquals(2, both.exit(), both.err());
    assertTrue(both.err().contains("--model and --starter each name a model"), both.err());
  }

  @Test
  void eachRoundIsRankedOnEveryDecisionSoFarAndSaysWhatIsLeft(@TempDir Path dir) throws Exception {
    Path study = codedStudy(dir);
    String cache = dir.resolve("cache").toString();
    Path first = dir.resolve("round-1.xlsx");
    Result exported =
        aet(
            "review",
            "export",
            study.toString(),
            "--coder",
            "alice",
            "--blind",
            "--next",
            "6",
            "-o",
            first.toString(),
            "--cache",
            cache);
    ok(exported);
    assertTrue(
        exported.out().contains("Ranked review: 0 of 82 segment(s) reviewed"), exported.out());
    assertTrue(exported.out().contains("the codebook alone"), exported.out());
    List<String> round1 = ids(first);
    assertEquals(6, round1.size());
    try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(first))) {
      Sheet sheet = book.getSheet("Review");
      for (int r = 1; r <= 6; r++) {
        Row row = sheet.getRow(r);
        if (r <= 3) {
          row.getCell(9).setCellValue("power/reciprocity");
        } else {
          row.getCell(8).setCellValue("reject");
        }
      }
      try (OutputStream out = Files.newOutputStream(first)) {
        book.write(out);
      }
    }
    Result imported = aet("review", "import", study.toString(), first.toString(), "--cache", cache);
    ok(imported);
    assertTrue(
        imported
            .out()
            .contains("Ranked review: 6 of 82 segment(s) reviewed, 3 of them with a code"),
        imported.out());
    assertTrue(imported.out().contains("a model fitted to the reviewed segments"), imported.out());
    assertTrue(
        imported.out().contains("(was "), "says how the estimate changed: " + imported.out());

    Path second = dir.resolve("round-2.xlsx");
    ok(
        aet(
            "review",
            "export",
            study.toString(),
            "--coder",
            "alice",
            "--next",
            "6",
            "-o",
            second.toString(),
            "--cache",
            cache));
    List<String> round2 = ids(second);
    assertEquals(6, round2.size());
    Set<String> overlap = new HashSet<>(round1);
    overlap.retainAll(round2);
    assertEquals(Set.of(), overlap, "a reviewed segment is not offered again");
    try (ProjectStore store = ProjectStore.openForReading(study)) {
      List<ProjectStore.Ranking> fits = store.rankings();
      assertEquals(3, fits.size(), "every fit is recorded");
      assertEquals(List.of(0, 6, 6), fits.stream().map(ProjectStore.Ranking::reviewed).toList());
      assertEquals("model", fits.get(2).basis());
    }
  }
}
