package org.aet.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.LabelledSegment;
import org.aet.pipeline.ProgressListener;
import org.aet.segment.SegmentUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamCodingTest {
  private static final String FOUR = "four-tensions";

  @Test
  void theTeamsDecisionsBecomeLabelledSegments(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("study.aet");
    try (ProjectStore store = ProjectFixture.create(file)) {
      List<ProjectStore.StoredSegment> turns = store.segments(SegmentUnit.TURN);
      String version = Codebooks.load(FOUR).version();
      Codebook power = Codebooks.load("power");
      store.addCodebook(power);
      store.addDecisions(
          List.of(
              // Two coders differ on the first turn and the team agreed: the consensus counts.
              decision(
                  turns.get(0),
                  "alice",
                  DecisionKind.REVIEW,
                  Verdict.CODE,
                  version,
                  "narratives/tokenistic"),
              decision(turns.get(0), "bob", DecisionKind.REVIEW, Verdict.CODE, version),
              decision(
                  turns.get(0),
                  "consensus",
                  DecisionKind.CONSENSUS,
                  Verdict.CODE,
                  version,
                  "narratives/tokenistic"),
              // No consensus on the third: each coder's judgement counts.
              decision(
                  turns.get(2),
                  "alice",
                  DecisionKind.REVIEW,
                  Verdict.CODE,
                  version,
                  "power/reciprocity",
                  "narratives/realistic"),
              decision(
                  turns.get(2),
                  "bob",
                  DecisionKind.REVIEW,
                  Verdict.CODE,
                  version,
                  "power/reciprocity"),
              // "No code applies" is a judgement too.
              decision(turns.get(3), "alice", DecisionKind.REVIEW, Verdict.CODE, version),
              // A memo alone says nothing about codes; another codebook's coding is not this one's.
              decision(turns.get(4), "alice", DecisionKind.REVIEW, Verdict.MEMO, version),
              decision(
                  turns.get(1),
                  "alice",
                  DecisionKind.REVIEW,
                  Verdict.CODE,
                  power.version(),
                  "visible-power")),
          "workbook-1",
          ProgressListener.SILENT);

      List<LabelledSegment> team = TeamCoding.of(store, FOUR);

      assertEquals(
          List.of(
              new LabelledSegment(
                  turns.get(0).id(), turns.get(0).text(), List.of("narratives/tokenistic")),
              new LabelledSegment(
                  turns.get(2).id(),
                  turns.get(2).text(),
                  List.of("power/reciprocity", "narratives/realistic")),
              new LabelledSegment(
                  turns.get(2).id(), turns.get(2).text(), List.of("power/reciprocity")),
              new LabelledSegment(turns.get(3).id(), turns.get(3).text(), List.of())),
          team);
      assertEquals(4, TeamCoding.codings(team));
      assertEquals(1, TeamCoding.of(store, "power").size());
    }
    // Read from the file, as "aet train --from study.aet" and "--calibrate study.aet" do.
    assertEquals(4, TeamCoding.read(file, FOUR).size());
    AetException none = assertThrows(AetException.class, () -> TeamCoding.read(file, "nothing"));
    assertTrue(
        none.getMessage().contains("holds no coding against nothing yet"), none.getMessage());
  }

  @Test
  void aLabelledFileIsReadAsItIs(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("team.jsonl");
    Files.writeString(
        file,
        "{\"segment_id\": \"s1\", \"text\": \"We paid them.\", \"codes\": [\"reciprocity\"]}\n");
    assertEquals(
        List.of(new LabelledSegment("s1", "We paid them.", List.of("reciprocity"))),
        TeamCoding.read(file, FOUR));
  }

  private static ProjectStore.Decision decision(
      ProjectStore.StoredSegment segment,
      String coder,
      DecisionKind kind,
      Verdict verdict,
      String codebookVersion,
      String... codes) {
    return new ProjectStore.Decision(
        segment.id(),
        coder,
        kind,
        verdict,
        List.of(codes),
        verdict == Verdict.MEMO ? "Ask the team." : "",
        "w.xlsx",
        codebookVersion,
        "workbook-1");
  }
}
