package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aet.cli.AetRunner.Result;
import org.aet.codebook.Codebooks;
import org.aet.pipeline.ProgressListener;
import org.aet.project.DecisionKind;
import org.aet.project.ProjectStore;
import org.aet.project.Verdict;
import org.aet.segment.SegmentUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's own coding is what its suggestions' confidence is estimated from, once the team has
 * coded enough; and a project can be named wherever labelled segments are read.
 */
class TeamCalibrationTest {
  private static final Path SAMPLE = AetRunner.repositoryRoot().resolve("corpora/partnerships");

  private static void ok(Result result) {
    assertEquals(0, result.exit(), result.err() + result.out());
  }

  @Test
  void aProjectCalibratesOnItsTeamsCodingOnceThereIsEnough(@TempDir Path dir) throws Exception {
    Path study = dir.resolve("study.aet");
    ok(aet("init", study.toString()));
    ok(aet("add", study.toString(), SAMPLE.toString()));
    Result first = aet("code", study.toString());
    ok(first);
    assertTrue(first.err().contains("from the codebook's"), first.err());

    // Two codings: too few to say more than the codebook does.
    decide(study, 0, 3);
    Result few = aet("code", study.toString());
    ok(few);
    assertTrue(few.err().contains("from the codebook's"), few.err());
    assertTrue(
        few.err().contains("the team has made 2 coding(s) against four-tensions in study.aet;"),
        few.err());

    decide(study, 3, 20);
    Result enough = aet("code", study.toString());
    ok(enough);
    assertTrue(
        enough.err().contains("from the team's coding in study.aet (20 labelled segments)"),
        enough.err());
    assertFalse(enough.err().contains("the team has made"), enough.err());

    // The same coding calibrates other transcripts, and rules alone need no calibration.
    Path out = dir.resolve("coded.xlsx");
    Result elsewhere =
        aet("code", SAMPLE.toString(), "--calibrate", study.toString(), "-o", out.toString());
    ok(elsewhere);
    assertTrue(elsewhere.err().contains("from the team's coding in study.aet"), elsewhere.err());
    // The workbook says how its suggestions were made, for the team's methods section.
    assertTrue(
        about(out, "Confidence").contains("from the team's coding in study.aet"),
        about(out, "Confidence"));
    assertEquals("0.50: suggestions estimated below it are not shown", about(out, "Floor"));
    assertTrue(about(out, "Suggested by").contains("semantic layer"), about(out, "Suggested by"));
    Result rules = aet("code", study.toString(), "--no-semantic");
    ok(rules);
    assertFalse(rules.err().contains("team's coding"), rules.err());

    // And so does every coding run the project keeps.
    try (ProjectStore store = ProjectStore.openForReading(study)) {
      List<String> confidence =
          store.runs().stream().map(r -> r.method().getOrDefault("Confidence", "")).toList();
      assertEquals(4, confidence.size(), "" + confidence);
      assertTrue(confidence.get(0).contains("from the codebook's"), confidence.get(0));
      assertTrue(confidence.get(2).contains("from the team's coding"), confidence.get(2));
      assertTrue(confidence.get(3).contains("not an estimated precision"), confidence.get(3));
    }
    Path decided = dir.resolve("final.xlsx");
    ok(aet("export", study.toString(), "-o", decided.toString()));
    assertTrue(about(decided, "Suggestions").contains("latest coding run"));
    assertTrue(about(decided, "Confidence").contains("not an estimated precision"));

    // And a model learns from it.
    Path model = dir.resolve("team.model");
    Result trained =
        aet(
            "train",
            "--codebook",
            "four-tensions",
            "--from",
            study.toString(),
            "--folds",
            "0",
            "-o",
            model.toString(),
            "--cache",
            dir.resolve("cache").toString());
    ok(trained);
    assertTrue(trained.err().contains("(20 of 20)"), trained.err());
    assertTrue(model.toFile().isFile());
  }

  @Test
  void aProjectWithNoCodingCannotCalibrate(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.aet");
    ok(aet("init", empty.toString()));
    Result refused =
        aet(
            "code",
            SAMPLE.toString(),
            "--calibrate",
            empty.toString(),
            "-o",
            dir.resolve("x.csv").toString());
    assertEquals(1, refused.exit(), refused.err());
    assertTrue(
        refused.err().contains("empty.aet holds no coding against four-tensions yet"),
        refused.err());
    assertFalse(dir.resolve("x.csv").toFile().exists());
  }

  /**
   * Records alice's coding of the latest run's segments {@code from} (inclusive) to {@code to}
   * (exclusive): the even ones as structural issues, the odd ones with no code.
   */
  /** The value of {@code item} on a workbook's About sheet. */
  private static String about(Path workbook, String item) throws Exception {
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(workbook.toFile())) {
      for (org.apache.poi.ss.usermodel.Row row : book.getSheet("About")) {
        if (row.getCell(0).getStringCellValue().equals(item)) {
          return row.getCell(1).getStringCellValue();
        }
      }
    }
    return "(no " + item + ")";
  }

  private static void decide(Path study, int from, int to) throws Exception {
    String version = Codebooks.load("four-tensions").version();
    try (ProjectStore store = ProjectStore.open(study)) {
      List<ProjectStore.StoredSegment> turns = store.segments(SegmentUnit.TURN);
      List<ProjectStore.Decision> decisions = new ArrayList<>();
      for (int i = from; i < to; i++) {
        decisions.add(
            new ProjectStore.Decision(
                turns.get(i).id(),
                "alice",
                DecisionKind.REVIEW,
                Verdict.CODE,
                i % 2 == 0 ? List.of("motivation-structure/structural-issues") : List.of(),
                "",
                "review-alice.xlsx",
                version,
                "workbook-" + from));
      }
      store.addDecisions(decisions, "workbook-" + from, ProgressListener.SILENT);
    }
  }
}
