package org.aet.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledSegmentsTest {
  private static final List<LabelledSegment> SEGMENTS =
      List.of(
          new LabelledSegment(
              "t@0-10", "We paid, \"promptly\".", List.of("power/reciprocity", "power")),
          new LabelledSegment("t@12-20", "=SUM(A1) said nothing", List.of()),
          new LabelledSegment(
              "t@22-30", "Jargon;\nacronyms", List.of("language/excluding-language")));

  @Test
  void jsonlAndCsvRoundTrip(@TempDir Path dir) throws Exception {
    for (String name : List.of("labels.jsonl", "labels.csv")) {
      Path file = dir.resolve(name);
      LabelledSegments.write(file, SEGMENTS);
      assertEquals(SEGMENTS, LabelledSegments.read(file), name);
    }
    assertTrue(
        Files.readString(dir.resolve("labels.csv")).contains("'=SUM(A1)"), "formula-safe in csv");
  }

  @Test
  void aCodedExportIsReadAsLabelledSegments(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("coded.jsonl");
    Files.writeString(
        file,
        "{\"segment_id\": \"t@0-10\", \"text\": \"x\", \"code_path\": \"power/reciprocity\"}\n"
            + "{\"segment_id\": \"t@0-10\", \"text\": \"x\", \"code_path\": \"power\"}\n"
            + "{\"segment_id\": \"t@22-30\", \"text\": \"y\", \"code_path\": \"language\"}\n");
    assertEquals(
        List.of(
            new LabelledSegment("t@0-10", "x", List.of("power/reciprocity", "power")),
            new LabelledSegment("t@22-30", "y", List.of("language"))),
        LabelledSegments.read(file));
  }

  @Test
  void aFinalExportsSegmentNobodyDecidedIsNotListed(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("final.jsonl");
    Files.writeString(
        jsonl,
        "{\"segment_id\": \"t@0-10\", \"text\": \"x\", \"code_path\": \"power\","
            + " \"review\": \"coded\"}\n"
            + "{\"segment_id\": \"t@12-20\", \"text\": \"y\", \"code_path\": null,"
            + " \"review\": \"no code applies\"}\n"
            + "{\"segment_id\": \"t@22-30\", \"text\": \"z\", \"code_path\": null,"
            + " \"review\": \"not reviewed\"}\n");
    Path csv = dir.resolve("final.csv");
    Files.writeString(
        csv,
        "segment_id,text,code_path,review\r\nt@0-10,x,power,coded\r\n"
            + "t@12-20,y,,no code applies\r\nt@22-30,z,,not reviewed\r\n");
    List<LabelledSegment> expected =
        List.of(
            new LabelledSegment("t@0-10", "x", List.of("power")),
            new LabelledSegment("t@12-20", "y", List.of()));
    assertEquals(expected, LabelledSegments.read(jsonl));
    assertEquals(expected, LabelledSegments.read(csv));
  }

  @Test
  void problemsNameTheirLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(
        file, "{\"segment_id\": \"a\", \"codes\": []}\n{\"text\": \"no id\"}\n{broken\n");
    InputException e = assertThrows(InputException.class, () -> LabelledSegments.read(file));
    assertEquals(List.of(2, 3), e.diagnostics().stream().map(d -> d.line()).toList());
  }
}
