package org.aet.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.export.CodingExporter;
import org.aet.export.ExportContext;
import org.aet.export.ExportSession;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.segment.SegmentUnit;
import org.aet.testing.RuleCoded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered exporter promises, for each extension it claims: a finished export is one
 * file at the target holding the coded passages' words and their codes, and nothing else is left in
 * the folder; an export closed without finishing leaves nothing, and an older file at the target
 * stays as it was.
 */
class CodingExporterContractTest {
  private static final String TRANSCRIPT =
      "---\ncase: Northbrook\nrole: Ann = senior leader\n---\n"
          + "[00:00:05] Ann: It was tokenistic, a tick box exercise & nothing <more>.\n"
          + "[00:00:40] Tom: The finance system could not pay them.\n";
  private static Codebook codebook;
  private static CodedTranscript coded;

  @BeforeAll
  static void code() throws Exception {
    codebook = Codebooks.load("four-tensions");
    coded = RuleCoded.transcript(TRANSCRIPT, codebook);
    assertFalse(coded.codings().isEmpty(), "the rules code the sample, so codes can be looked for");
  }

  static Stream<Arguments> everyExtensionOfEveryExporter() {
    return CodingExporter.registry().all().stream()
        .flatMap(
            e ->
                e.extensions().stream().map(x -> Arguments.of(e.getClass().getSimpleName(), e, x)));
  }

  private static ExportContext context() {
    return new ExportContext(
        codebook, SegmentUnit.TURN, List.of("n.txt"), Instant.EPOCH, List.of());
  }

  @ParameterizedTest(name = "{0} .{2}")
  @MethodSource("everyExtensionOfEveryExporter")
  void aFinishedExportIsOneFileWithTheWordsAndCodes(
      String name, CodingExporter exporter, String extension, @TempDir Path dir) throws Exception {
    Path target = dir.resolve("coded." + extension);
    try (ExportSession session = exporter.open(target, context())) {
      session.write(coded);
      session.finish();
    }
    assertEquals(
        List.of(target.getFileName().toString()), Documents.files(dir), "nothing else left");
    String text = Documents.text(target);
    for (Coding coding : coded.codings()) {
      Segment segment =
          coded.segments().stream()
              .filter(g -> g.id().equals(coding.segmentId()))
              .findFirst()
              .orElseThrow();
      for (String word : segment.text().split("[^A-Za-z]+")) {
        assertTrue(text.contains(word), name + ": the coded words, here " + word);
      }
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (Coding coding : coded.codings()) {
      String id = coding.codeId();
      String label = codebook.code(id).name().toLowerCase(java.util.Locale.ROOT);
      assertTrue(lower.contains(id) || lower.contains(label), name + ": names the code " + id);
    }
  }

  @ParameterizedTest(name = "{0} .{2}")
  @MethodSource("everyExtensionOfEveryExporter")
  void anUnfinishedExportLeavesNothingAndKeepsAnOlderFile(
      String name, CodingExporter exporter, String extension, @TempDir Path dir) throws Exception {
    Path fresh = dir.resolve("fresh." + extension);
    try (ExportSession session = exporter.open(fresh, context())) {
      session.write(coded);
    }
    assertEquals(List.of(), Documents.files(dir), name + ": an unfinished export leaves nothing");

    Path older = dir.resolve("older." + extension);
    byte[] before = "an older file".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(older, before);
    try (ExportSession session = exporter.open(older, context())) {
      session.write(coded);
    }
    assertArrayEquals(before, Files.readAllBytes(older), name + ": the older file is untouched");
    assertEquals(List.of(older.getFileName().toString()), Documents.files(dir));
  }
}
