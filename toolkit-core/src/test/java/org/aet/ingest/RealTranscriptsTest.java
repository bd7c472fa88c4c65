package org.aet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.aet.testing.Shared;
import org.junit.jupiter.api.Test;

/**
 * Real Zoom exports from ../shared/external, checked against a count made independently of the
 * reader.
 */
class RealTranscriptsTest {
  @Test
  void zoomExportsGiveTheTurnsAndSpeakersOfAnIndependentCount() throws Exception {
    Path folder = Shared.require("external/zoom-vtt");
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".vtt")).sorted().toList();
    }
    assertEquals(4, files.size());
    for (Path file : files) {
      Corpus corpus = Corpus.discover(List.of(file), TranscriptReader.registry());
      ReadResult result = corpus.read(corpus.entries().get(0));
      Transcript transcript = result.transcript();
      List<String> expectedSpeakers = independentSpeakerRuns(Files.readAllLines(file));
      assertEquals(
          expectedSpeakers,
          transcript.turns().stream().map(Turn::speaker).toList(),
          file.toString());
      assertEquals(new LinkedHashSet<>(expectedSpeakers).size(), transcript.participants().size());
      assertTrue(
          transcript.participants().stream().allMatch(p -> p.variants().isEmpty()),
          "no false merge of speakers: " + transcript.participants());
      assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }
  }

  @Test
  void seneddCommitteeSessionsGiveTheTurnsAndSpeakersOfTheJson() throws Exception {
    Path folder = Shared.require("external/senedd-committees");
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    for (String name : List.of("education_0.json", "education_11.json", "education_15.json")) {
      Path file = folder.resolve(name);
      List<String> expected = new ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode turn :
          mapper.readTree(file.toFile()).get("meeting_transcripts")) {
        if (!turn.get("content").asText().strip().isEmpty()) {
          expected.add(turn.get("speaker").asText().strip());
        }
      }
      Corpus corpus = Corpus.discover(List.of(file), TranscriptReader.registry());
      ReadResult result = corpus.read(corpus.entries().get(0));
      assertEquals(
          expected, result.transcript().turns().stream().map(Turn::speaker).toList(), name);
      assertEquals(new LinkedHashSet<>(expected).size(), result.transcript().participants().size());
      assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }
  }

  /** The speaker of each run of cues: the text before ": " on the line after each timing line. */
  private static List<String> independentSpeakerRuns(List<String> lines) {
    List<String> runs = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).contains("-->")) {
        String payload = lines.get(i + 1);
        String speaker = payload.substring(0, payload.indexOf(": "));
        if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(speaker)) {
          runs.add(speaker);
        }
      }
    }
    return runs;
  }
}
