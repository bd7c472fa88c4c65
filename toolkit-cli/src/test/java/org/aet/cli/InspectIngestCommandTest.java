package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.cli.AetRunner.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectIngestCommandTest {
  private static final Path SAMPLE = AetRunner.repositoryRoot().resolve("corpora/partnerships");

  @Test
  void inspectShowsWhatWasRead() {
    Result result = aet("inspect", SAMPLE.toString());
    assertEquals(0, result.exit(), result.err());
    String out = result.out();
    assertTrue(out.contains("Manifest: " + SAMPLE.resolve("corpus.csv")), out);
    assertTrue(out.contains("transcript  Riverside/leader-conversation (vtt, UTF-8)"), out);
    assertTrue(out.contains("case        Riverside"), out);
    assertTrue(out.matches("(?s).*Rosa Lindqvist\\s+senior leader\\s+7 turns.*"), out);
    assertTrue(out.contains("4 of 4 transcript(s) read, 2,225 words."), out);
  }

  @Test
  void inspectReportsEveryBadFileAndFails(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("good.txt"), "Jane: hello\n");
    Files.writeString(dir.resolve("bad.vtt"), "nope\n");
    Files.writeString(dir.resolve("worse.json"), "{\"turns\": [\n");
    Result result = aet("inspect", dir.toString());
    assertEquals(1, result.exit());
    assertTrue(result.out().contains("1 of 3 transcript(s) read"), result.out());
    assertTrue(result.err().contains(dir.resolve("bad.vtt") + ":1:1: error:"), result.err());
    assertTrue(result.err().contains(dir.resolve("worse.json") + ":"), result.err());
  }

  @Test
  void ingestWritesOneObjectPerTurn(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("corpus.jsonl");
    Result result = aet("ingest", SAMPLE.toString(), "-o", out.toString());
    assertEquals(0, result.exit(), result.err());
    List<String> lines = Files.readAllLines(out);
    assertTrue(
        result.out().startsWith("Wrote " + lines.size() + " turns from 4 transcript(s)"),
        result.out());
    ObjectMapper mapper = new ObjectMapper();
    JsonNode first = mapper.readTree(lines.get(0));
    for (String field :
        List.of("transcript", "case", "turn", "speaker", "role", "start", "end", "text")) {
      assertTrue(first.has(field), field);
    }
    assertEquals("Eastmoor", first.get("case").asText());
    assertEquals("Helen Ward", first.get("speaker").asText(), "the manifest's alias for I");
    assertEquals("researcher", first.get("role").asText());
    assertTrue(first.get("start").isNull());
  }

  @Test
  void ingestWritesNothingWhenAFileIsBad(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("good.txt"), "Jane: hello\n");
    Files.writeString(dir.resolve("bad.srt"), "no timings here\n");
    Path out = dir.resolve("corpus.jsonl");
    Result result = aet("ingest", dir.toString(), "-o", out.toString());
    assertEquals(1, result.exit());
    assertTrue(result.err().contains(dir.resolve("bad.srt") + ":1:1: error:"), result.err());
    assertFalse(Files.exists(out));
    Result strict =
        aet("ingest", dir.resolve("good.txt").toString(), "-o", out.toString(), "--strict");
    assertEquals(0, strict.exit(), strict.err());
  }
}
