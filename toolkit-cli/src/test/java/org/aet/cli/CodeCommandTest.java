package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.aet.cli.AetRunner.repositoryRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.aet.cli.AetRunner.Result;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aet} end to end through picocli, with captured output and exit codes. */
class CodeCommandTest {
  private static final Path SAMPLE = repositoryRoot().resolve("corpora/partnerships");

  @Test
  void helpShowsAnExample() {
    Result top = aet("--help");
    assertEquals(0, top.exit());
    assertTrue(
        top.out().contains("aet code corpora/partnerships --codebook four-tensions -o coded.xlsx"));
    Result code = aet("code", "--help");
    assertEquals(0, code.exit());
    assertTrue(code.out().contains("--codebook"));
    assertTrue(code.out().contains("Examples:"));
  }

  /** The formats the help lists are the registries' (a plug-in's too), not a list kept by hand. */
  @Test
  void helpListsTheFormatsTheRegistriesHold() {
    String inspect = aet("inspect", "--help").out().replaceAll("\\s+", " ");
    for (org.aet.ingest.TranscriptReader reader :
        org.aet.ingest.TranscriptReader.registry().all()) {
      for (String extension : reader.extensions()) {
        assertTrue(inspect.contains("." + extension), extension + " in: " + inspect);
      }
    }
    String code = aet("code", "--help").out().replaceAll("\\s+", " ");
    assertTrue(
        code.contains(
            "Where to write: a "
                + RegistryHelp.inWords(
                    org.aet.export.CodingExporter.registry().all().stream()
                        .flatMap(e -> e.extensions().stream())
                        .map(e -> "." + e)
                        .toList())
                + " file"),
        code);
    assertEquals("a, b or c", RegistryHelp.inWords(List.of("a", "b", "c")));
  }

  @Test
  void wrongUseExitsWithTwo() {
    Result missingOutput = aet("code", SAMPLE.toString());
    assertEquals(2, missingOutput.exit());
    assertTrue(
        missingOutput.err().contains("Missing required option: '--output=FILE'"),
        missingOutput.err());
    assertEquals(2, aet("code", "-o", "x.xlsx", "--unit", "paragraph", SAMPLE.toString()).exit());
    assertEquals(2, aet("nonsense").exit());
  }

  @Test
  void windowVectorsFromSentencesAreSaidInTheWorkbookAndAnUnknownKindIsRefused(@TempDir Path dir)
      throws Exception {
    Result unknown =
        aet("code", SAMPLE.toString(), "--window-vectors", "paragraphs", "-o", "x.xlsx");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("expected 'windows' or 'sentences'"), unknown.err());
    Path out = dir.resolve("coded.xlsx");
    Result result =
        aet("code", SAMPLE.toString(), "--window-vectors", "sentences", "-o", out.toString(), "-q");
    assertEquals(0, result.exit(), result.err());
    StringBuilder about = new StringBuilder();
    try (XSSFWorkbook workbook = new XSSFWorkbook(out.toFile())) {
      for (Row row : workbook.getSheet("About")) {
        row.forEach(cell -> about.append(cell.toString()).append('\n'));
      }
    }
    assertTrue(
        about.toString().contains("windows as the mean of their sentences' vectors"),
        about.toString());
  }

  @Test
  void theSampleCorpusBecomesAWorkbookWithAllFourTensions(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("coded.xlsx");
    Result result =
        aet("code", SAMPLE.toString(), "--codebook", "four-tensions", "-o", out.toString());
    assertEquals(0, result.exit(), result.err());
    assertTrue(result.out().startsWith("Coded 4 transcript(s)"), result.out());
    assertTrue(result.out().contains("Wrote " + out), result.out());
    Set<String> tensions = new HashSet<>();
    Set<String> cases = new HashSet<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(out.toFile())) {
      XSSFSheet sheet = workbook.getSheet("Coded segments");
      List<String> header = new java.util.ArrayList<>();
      sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
      assertEquals(
          List.of("Transcript", "Case", "title", "date", "note", "region", "recording", "Speaker"),
          header.subList(0, 8),
          "the manifest's and files' attributes get columns after the case");
      for (Row row : sheet) {
        if (row.getRowNum() > 0) {
          cases.add(row.getCell(header.indexOf("Case")).getStringCellValue());
          tensions.add(row.getCell(header.indexOf("Tension")).getStringCellValue());
        }
      }
    }
    assertEquals(Set.of("Northbrook", "Riverside", "Eastmoor", "Southvale"), cases);
    try (XSSFWorkbook workbook = new XSSFWorkbook(out.toFile())) {
      XSSFSheet comparison = workbook.getSheet("Cases");
      List<String> header = new java.util.ArrayList<>();
      comparison.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
      assertEquals(
          List.of("Code path", "Code", "Eastmoor", "Northbrook", "Riverside", "Southvale"),
          header.subList(0, 6),
          "a column per case, in corpus order");
      Row last = comparison.getRow(comparison.getLastRowNum());
      assertEquals("Segments in the case", last.getCell(1).getStringCellValue());
      assertEquals(21.0, last.getCell(2).getNumericCellValue(), "Eastmoor has 21 turns");
      Row narratives = comparison.getRow(1);
      assertEquals("narratives", narratives.getCell(0).getStringCellValue());
      double eastmoor = narratives.getCell(2).getNumericCellValue();
      assertTrue(eastmoor >= 1, "a tension counts the segments of its poles");
      assertEquals(
          eastmoor / 21, narratives.getCell(6).getNumericCellValue(), 1e-9, "and its share");
    }
    assertEquals(
        Set.of(
            "Idealistic, tokenistic vs realistic narratives",
            "Power differences and (lack of) reciprocity",
            "Excluding vs including language and communication",
            "Individual motivation vs structural issues"),
        tensions);
  }

  @Test
  void transcriptionMarkupIsNeverCodedAndCanBeDroppedFromTheOutput(@TempDir Path dir)
      throws Exception {
    Path transcript = dir.resolve("meeting.txt");
    Files.writeString(
        transcript,
        "Jane Smith: {vocalsound} We paid public contributors for their time {disfmarker} and made"
            + " them co-authors [inaudible 00:12:03], so it went both ways (laughs).\n");
    Path kept = dir.resolve("kept.csv");
    Path dropped = dir.resolve("dropped.csv");
    Path labels = dir.resolve("labels.jsonl");
    Result keep = aet("code", transcript.toString(), "--no-semantic", "-o", kept.toString());
    assertEquals(0, keep.exit(), keep.err());
    Result drop =
        aet(
            "code",
            transcript.toString(),
            "--no-semantic",
            "--markup",
            "drop",
            "-o",
            dropped.toString(),
            "--labels",
            labels.toString());
    assertEquals(0, drop.exit(), drop.err());
    String labelled = Files.readString(labels);
    assertTrue(labelled.contains("We paid public contributors"), labelled);
    assertTrue(!labelled.contains("{vocalsound}") && !labelled.contains("inaudible"), labelled);
    String withMarkup = Files.readString(kept);
    String without = Files.readString(dropped);
    assertTrue(withMarkup.contains("{vocalsound} We paid"), withMarkup);
    assertTrue(
        without.contains(
            "We paid public contributors for their time and made them co-authors, so it went both"
                + " ways."),
        without);
    assertTrue(!without.contains("{") && !without.contains("inaudible"), without);
    assertTrue(without.contains("power/reciprocity") || without.contains("Reciprocity"), without);
    assertEquals(2, aet("code", transcript.toString(), "--markup", "hide", "-o", "x.csv").exit());
  }

  @Test
  void jsonlHasTheDocumentedFields(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("coded.jsonl");
    Result result =
        aet("code", SAMPLE.toString(), "--unit", "sentence", "-o", out.toString(), "-q");
    assertEquals(0, result.exit(), result.err());
    List<String> lines = Files.readAllLines(out);
    assertFalse(lines.isEmpty());
    JsonNode first =
        new ObjectMapper()
            .readTree(
                lines.stream().filter(l -> !l.contains("\"code\":null")).findFirst().orElseThrow());
    for (String field :
        List.of(
            "segment_id",
            "transcript",
            "speaker",
            "start",
            "text",
            "code",
            "code_path",
            "source",
            "confidence",
            "evidence")) {
      assertTrue(first.has(field), field);
    }
    assertTrue(first.get("code_path").asText().contains("/"));
  }

  @Test
  void aBadTranscriptNamesFileAndLineAndWritesNothing(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.vtt");
    Files.writeString(bad, "Subtitles\n\n00:00:01.000 --> 00:00:02.000\nJane: hi\n");
    Path out = dir.resolve("coded.xlsx");
    Result result = aet("code", bad.toString(), "-o", out.toString());
    assertEquals(1, result.exit());
    assertTrue(
        result
            .err()
            .contains(bad + ":1:1: error: a WebVTT file must start with the line \"WEBVTT\""),
        result.err());
    assertFalse(result.err().contains("Exception"), "no stack trace without --stacktrace");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(bad), files.toList(), "nothing written, no temporary file left");
    }
    Result traced = aet("code", bad.toString(), "-o", out.toString(), "--stacktrace");
    assertTrue(traced.err().contains("org.aet.diagnostics.InputException"), traced.err());
  }

  @Test
  void aBadCodebookNamesLineAndColumn(@TempDir Path dir) throws Exception {
    Path book = dir.resolve("mine.json");
    Files.writeString(book, "{\n  \"name\": \"mine\",\n  \"codez\": []\n}\n");
    Result result =
        aet(
            "code",
            SAMPLE.toString(),
            "--codebook",
            book.toString(),
            "-o",
            dir.resolve("x.csv").toString());
    assertEquals(1, result.exit());
    assertTrue(result.err().contains(book + ":3:3: error: unknown key \"codez\""), result.err());
  }

  @Test
  void anExistingOutputIsKeptUnlessOverwriteIsGiven(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("coded.csv");
    Files.writeString(out, "my edited file");
    Result refused = aet("code", SAMPLE.toString(), "-o", out.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("already exists"), refused.err());
    assertEquals("my edited file", Files.readString(out));
    assertEquals(
        0, aet("code", SAMPLE.toString(), "-o", out.toString(), "--overwrite", "-q").exit());
    assertTrue(Files.readString(out).contains("narratives/"));
  }

  @Test
  void aSecondRunTakesItsAnnotationsAndEmbeddingsFromTheCache(@TempDir Path dir) {
    Path input = SAMPLE.resolve("Northbrook");
    Result first = aet("code", input.toString(), "-o", dir.resolve("a.jsonl").toString(), "-q");
    assertEquals(0, first.exit(), first.err());
    Result second = aet("code", input.toString(), "-o", dir.resolve("b.jsonl").toString());
    assertTrue(
        second
            .out()
            .contains(
                "Language annotations for 1 of 1 transcript(s) came from the cache, and their"
                    + " sentence embeddings for 1 of 1"),
        second.out());
    assertFalse(second.err().contains("Loading the sentence-embedding model"), second.err());
    assertFalse(second.err().contains("Loading the English language models"), second.err());
    Result uncached =
        aet("code", input.toString(), "-o", dir.resolve("c.jsonl").toString(), "-q", "--no-cache");
    assertFalse(uncached.out().contains("from the cache"), uncached.out());
  }

  @Test
  void aLongTranscriptFromTheCacheIsCountedAsOneTranscriptNotItsPieces(@TempDir Path dir)
      throws Exception {
    StringBuilder text = new StringBuilder();
    for (int turn = 0; turn < 120; turn++) {
      text.append(turn % 2 == 0 ? "Chair" : "Witness")
          .append(": We talked about the budget for item ")
          .append(turn)
          .append(" and what the board decided about it.\n\n");
    }
    assertTrue(text.length() > 10_000, "long enough to be annotated in several pieces");
    Path input = dir.resolve("hearing.txt");
    Files.writeString(input, text);
    Result first =
        aet("code", input.toString(), "--no-semantic", "-o", dir.resolve("a.csv").toString(), "-q");
    assertEquals(0, first.exit(), first.err());
    Result second =
        aet("code", input.toString(), "--no-semantic", "-o", dir.resolve("b.csv").toString());
    assertTrue(
        second.out().contains("Language annotations for 1 of 1 transcript(s) came from the cache"),
        second.out());
  }

  @Test
  void anUnknownOutputFormatIsAWrongUseOfTheCommand(@TempDir Path dir) {
    Result result = aet("code", SAMPLE.toString(), "-o", dir.resolve("coded.pdf").toString());
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("ends in one of .csv, .html, .jsonl, .xlsx"), result.err());
  }

  @Test
  void aSettingOutOfRangeIsAWrongUseNamingItsOption(@TempDir Path dir) {
    String out = dir.resolve("coded.csv").toString();
    Result threads = aet("code", SAMPLE.toString(), "--threads", "0", "-o", out);
    assertEquals(2, threads.exit());
    assertTrue(threads.err().startsWith("--threads must be at least 1\n"), threads.err());
    Result queue =
        aet("code", SAMPLE.toString(), "--queue", dir.resolve("q.csv").toString(), "-o", out);
    assertEquals(2, queue.exit());
    assertTrue(queue.err().startsWith("--queue needs --model\n"), queue.err());
    Result floor = aet("code", SAMPLE.toString(), "--floor", "1.5", "-o", out);
    assertEquals(2, floor.exit());
    assertTrue(floor.err().startsWith("--floor must be between 0 and 1: 1.5\n"), floor.err());
  }
}
