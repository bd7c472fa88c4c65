package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.cli.AetRunner.Result;
import org.aet.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aet simulate} on the real development set, and what it refuses. */
class SimulateCommandTest {
  private static Path shared(String relative) {
    return Shared.require(relative);
  }

  @Test
  void rankedRoundsOnRealHearingsSaveReading(@TempDir Path dir) throws Exception {
    Path gold = shared("gold/senedd-four-tensions-dev.jsonl");
    Path hearings = shared("external/senedd-committees");
    Path curve = dir.resolve("curve.jsonl");
    Result result =
        aet("simulate", "--gold", gold.toString(), hearings.toString(), "-o", curve.toString());
    assertEquals(0, result.exit(), result.err());
    List<String> lines = result.out().lines().toList();
    JsonNode any = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    for (String key : List.of("segments", "relevant", "wss95", "recall_at_30", "random_wss95")) {
      assertTrue(any.has(key), key);
    }
    assertEquals("any code", any.get("target").asText());
    assertEquals(361, any.get("segments").asInt(), "every gold turn, nothing else");
    assertTrue(
        any.get("wss95").asDouble() > any.get("random_wss95").asDouble() + 0.2,
        "ranked rounds save reading over a random order: " + any);
    List<String> targets = Files.readAllLines(curve);
    assertEquals(13, targets.size(), "any code, 4 tensions, 8 poles");
    JsonNode first = new ObjectMapper().readTree(targets.get(0));
    assertEquals(361, first.get("found_in_reading_order").size());
    assertTrue(result.out().contains("What the rounds would have said is left unread"));
    // The stopping signal on real talk: soon after every coded turn has been read, the rounds'
    // estimate of what is left must say so, not send the team on through hundreds of turns
    // (summing the ranking model's own probabilities said 30 to 50 here).
    List<JsonNode> rounds = new java.util.ArrayList<>();
    first.get("stopping").forEach(rounds::add);
    int allFound = 0;
    while (allFound < rounds.size() && rounds.get(allFound).get("left").asInt() > 0) {
      allFound++;
    }
    assertTrue(allFound + 3 < rounds.size(), "the replay finds every coded turn");
    JsonNode after = rounds.get(allFound + 3);
    assertTrue(
        after.get("estimated").asDouble() < 10,
        "three rounds after the last coded turn was read: " + after);
  }

  @Test
  void aGoldFileOfOtherTranscriptsAndABadBatchAreRefused(@TempDir Path dir) throws Exception {
    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(
        gold, "{\"segment_id\": \"elsewhere@0-5\", \"text\": \"a\", \"codes\": []}\n");
    Path sample = AetRunner.repositoryRoot().resolve("corpora/partnerships");
    Result none = aet("simulate", "--gold", gold.toString(), sample.toString());
    assertEquals(1, none.exit());
    assertTrue(none.err().contains("none of its 1 segment ids is a turn segment"), none.err());
    Result batch = aet("simulate", "--gold", gold.toString(), sample.toString(), "--batch", "0");
    assertEquals(2, batch.exit());
  }

  @Test
  void eachHearingHeldOutInTurnRanksItsFirstRoundsByAModelLearnedFromTheOthers(@TempDir Path dir)
      throws Exception {
    Path gold = shared("gold/senedd-four-tensions-dev.jsonl");
    Path hearings = shared("external/senedd-committees");
    Path report = dir.resolve("held-out.jsonl");
    Result result =
        aet(
            "simulate",
            "--gold",
            gold.toString(),
            "--leave-one-out",
            hearings.toString(),
            "-o",
            report.toString());
    assertEquals(0, result.exit(), result.err());
    for (String hearing : List.of("education_0", "education_11", "education_15")) {
      assertTrue(result.out().contains(hearing), hearing + " held out:\n" + result.out());
    }
    List<String> lines = result.out().lines().toList();
    JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertEquals(3, summary.get("held_out").asInt());
    double shuffled = summary.get("mean_wss95_shuffled").asDouble();
    assertTrue(Math.abs(shuffled) < 0.25, "the shuffled control saves about nothing: " + summary);
    assertTrue(
        summary.get("mean_wss95_learned").asDouble() > shuffled + 0.1,
        "a model learned from other hearings saves reading: " + summary);
    List<String> rows = Files.readAllLines(report);
    JsonNode first = new ObjectMapper().readTree(rows.get(0));
    assertEquals("education_0", first.get("held_out").asText());
    assertEquals("codebook alone", first.get("first_rounds").asText());
    assertTrue(rows.stream().anyMatch(r -> r.contains("\"learned elsewhere\"")));
  }

  @Test
  void leaveOneOutLearnsItsOwnModels(@TempDir Path dir) throws Exception {
    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(gold, "{\"segment_id\": \"t@0-5\", \"text\": \"a\", \"codes\": []}\n");
    Path sample = AetRunner.repositoryRoot().resolve("corpora/partnerships");
    Result both =
        aet(
            "simulate",
            "--gold",
            gold.toString(),
            "--leave-one-out",
            "--model",
            dir.resolve("m.model").toString(),
            sample.toString());
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("leave out --model"), both.err());
    Result starter =
        aet(
            "simulate",
            "--gold",
            gold.toString(),
            "--leave-one-out",
            "--starter",
            sample.toString());
    assertEquals(2, starter.exit());
    assertTrue(starter.err().contains("leave out --starter"), starter.err());
  }

  /**
   * The starter model ranks the first rounds on request; replayed on hearings it learned from, the
   * replay says its figures flatter it.
   */
  @Test
  void theStarterModelRanksTheFirstRoundsAndSaysWhenItKnowsTheTalk(@TempDir Path dir) {
    Path gold = shared("gold/senedd-four-tensions-dev.jsonl");
    Path hearings = shared("external/senedd-committees");
    Result result = aet("simulate", "--gold", gold.toString(), hearings.toString(), "--starter");
    assertEquals(0, result.exit(), result.err());
    assertTrue(
        result
            .err()
            .contains("the first ranked by the four-tensions starter model (1106 segments)"),
        result.err());
    assertTrue(
        result
            .err()
            .contains(
                "Note: the model ranking the first rounds learned from 3 of these transcripts"
                    + " (education_0,"
                    + " education_11, education_15), so the reading it saves here flatters it"),
        result.err());
  }
}
