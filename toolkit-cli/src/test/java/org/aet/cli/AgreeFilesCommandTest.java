package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aet.cli.AetRunner.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aet agree} on two coders' files: what it prints equals the figures worked out by hand. */
class AgreeFilesCommandTest {
  private static final String CODE = "power/reciprocity";

  /**
   * Ten answers both coders list, most of them with no code: a listed answer without codes is the
   * coder's "no code applies", so all ten are compared. The eleventh has no text and counts as
   * missing. The old default (listed but uncoded = not coded) compared two answers.
   */
  @Test
  void listedSegmentsWithoutCodesAreDecisionsByDefault(@TempDir Path dir) throws Exception {
    Path a = write(dir.resolve("alice.jsonl"), Set.of(1, 2, 3));
    Path b = write(dir.resolve("bob.jsonl"), Set.of(1, 2, 4));
    Path report = dir.resolve("agreement.jsonl");
    Result result = aet("agree", a.toString(), b.toString(), "-o", report.toString());
    assertEquals(0, result.exit(), result.err());

    // The 2x2 table by hand: both yes 2 (answers 1, 2), alice only 1 (3), bob only 1 (4), both no
    // 6.
    double n = 10;
    double observed = (2 + 6) / n;
    double aliceYes = 3 / n;
    double bobYes = 3 / n;
    double chance = aliceYes * bobYes + (1 - aliceYes) * (1 - bobYes);
    double kappa = (observed - chance) / (1 - chance);

    JsonNode row = new ObjectMapper().readTree(Files.readAllLines(report).get(0));
    assertEquals(CODE, row.get("code").asText());
    assertEquals(10, row.get("units").asInt(), row.toString());
    assertEquals(observed, row.get("percent_agreement").asDouble(), 1e-12, row.toString());
    assertEquals(kappa, row.get("cohen_kappa").asDouble(), 1e-12, row.toString());
    assertEquals(true, result.out().contains(" 10 "), result.out());

    Result excluded =
        aet(
            "agree",
            a.toString(),
            b.toString(),
            "--missing",
            "exclude",
            "-o",
            report.toString(),
            "--overwrite");
    assertEquals(0, excluded.exit(), excluded.err());
    JsonNode old = new ObjectMapper().readTree(Files.readAllLines(report).get(0));
    assertEquals(2, old.get("units").asInt(), old.toString());
  }

  /** Answers 1-10 with text (coded {@link #CODE} where {@code coded} says) and 11 without text. */
  private static Path write(Path file, Set<Integer> coded) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      String text = i == 11 ? "" : "Answer number " + i + " about paying contributors.";
      String codes = coded.contains(i) ? "[\"" + CODE + "\"]" : "[]";
      lines.add(
          "{\"segment_id\":\"survey@"
              + (i * 100)
              + "-"
              + (i * 100 + 50)
              + "\",\"text\":\""
              + text
              + "\",\"codes\":"
              + codes
              + "}");
    }
    return Files.write(file, lines);
  }
}
