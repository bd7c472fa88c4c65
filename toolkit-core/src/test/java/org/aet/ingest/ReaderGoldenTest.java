package org.aet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.io.Registry;
import org.aet.io.TextDecoder;
import org.aet.model.Turn;
import org.aet.testing.Golden;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in {@code golden/} is read and its dump compared with {@code <file>.expected}. The
 * same bytes with CRLF line ends, CR line ends or a UTF-8 byte order mark must give the same dump.
 */
class ReaderGoldenTest {
  private static final Path GOLDEN = Golden.sourceResources().resolve("org/aet/ingest/golden");
  private static final Registry<TranscriptReader> READERS = TranscriptReader.registry();

  @TestFactory
  Stream<DynamicTest> everyInputMatchesItsGoldenFile() throws IOException {
    List<Path> inputs;
    try (Stream<Path> files = Files.list(GOLDEN)) {
      inputs = files.filter(p -> !p.toString().endsWith(".expected")).sorted().toList();
    }
    return inputs.stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    input.getFileName().toString(),
                    () -> {
                      byte[] lf = Files.readAllBytes(input);
                      String expected = dump(input, lf);
                      Golden.check(
                          input.resolveSibling(input.getFileName() + ".expected"), expected);
                      if (!expected.contains("encoding: UTF-8\n")
                          && expected.contains("encoding: ")) {
                        return;
                      }
                      String text = new String(lf, StandardCharsets.UTF_8);
                      assertEquals(
                          expected,
                          dump(input, text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)),
                          "CRLF");
                      assertEquals(
                          expected,
                          dump(input, text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)),
                          "CR");
                      byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
                      assertEquals(
                          expected.replace("encoding: UTF-8\n", "encoding: UTF-8 (with BOM)\n"),
                          dump(input, bom),
                          "BOM");
                    }));
  }

  @Test
  void everyReaderIsFoundThroughTheServiceLoader() {
    assertEquals(
        List.of("csv", "docx", "json", "jsonl", "srt", "tsv", "txt", "vtt"), READERS.names());
  }

  @Test
  void errorsNameFileLineAndColumn() throws IOException {
    Path file = GOLDEN.resolve("missing-header.vtt");
    InputException e =
        assertThrows(InputException.class, () -> read(file, Files.readAllBytes(file)));
    assertEquals(
        file
            + ":1:1: error: a WebVTT file must start with the line \"WEBVTT\"\n    Captions\n    ^",
        e.getMessage().replace(System.lineSeparator(), "\n"));
  }

  /** A readable dump of everything a reader produced, or of the problems it reported. */
  static String dump(Path input, byte[] bytes) {
    StringBuilder out = new StringBuilder();
    try {
      ReadResult result = read(input, bytes);
      var t = result.transcript();
      out.append("format: ").append(t.format()).append('\n');
      out.append("encoding: ").append(result.encoding()).append('\n');
      out.append("case: ").append(t.caseName()).append('\n');
      out.append("attributes: ").append(t.attributes()).append('\n');
      out.append("participants: ")
          .append(
              t.participants().stream()
                  .map(p -> p.name() + (p.role().isEmpty() ? "" : " = " + p.role()))
                  .collect(Collectors.joining("; ")))
          .append('\n');
      for (Turn turn : t.turns()) {
        out.append(
            String.format(
                "turn %d (line %d) [%s - %s] %s: %s%n",
                turn.index(),
                turn.line(),
                Timestamps.format(turn.start()),
                Timestamps.format(turn.end()),
                turn.speaker(),
                turn.text().replace("\n", "\\n")));
      }
      result.warnings().forEach(w -> out.append(describe(w)));
    } catch (InputException e) {
      e.diagnostics().forEach(d -> out.append(describe(d)));
    }
    return out.toString();
  }

  private static String describe(Diagnostic d) {
    return d.severity().label() + " " + d.line() + ":" + d.column() + ": " + d.message() + "\n";
  }

  private static ReadResult read(Path input, byte[] bytes) throws InputException {
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    String name = input.getFileName().toString();
    return READERS
        .forFile(input)
        .read(
            new SourceText(
                input,
                name.substring(0, name.lastIndexOf('.')),
                "",
                decoded.text(),
                decoded.encoding()));
  }
}
