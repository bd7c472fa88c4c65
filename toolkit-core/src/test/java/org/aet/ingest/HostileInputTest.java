package org.aet.ingest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.aet.diagnostics.InputException;
import org.aet.io.Registry;
import org.aet.io.TextDecoder;
import org.aet.testing.Golden;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated input for every reader: each must give a transcript or diagnostics, never
 * another exception, however broken the bytes.
 */
class HostileInputTest {
  private static final Registry<TranscriptReader> READERS = TranscriptReader.registry();
  private static final int CASES_PER_READER = 300;

  @Test
  void noReaderCrashesOnRandomOrMutatedInput() throws Exception {
    Random random = new Random(20261122);
    for (String extension : READERS.names()) {
      List<byte[]> seeds = seeds(extension);
      for (int i = 0; i < CASES_PER_READER; i++) {
        byte[] input =
            i % 3 == 0 || seeds.isEmpty()
                ? randomBytes(random)
                : mutate(seeds.get(random.nextInt(seeds.size())), random);
        tryRead(extension, input, i);
      }
    }
  }

  @Test
  void aFiftyMegabyteLineIsADiagnosticNotAnOutOfMemory(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("one-line.txt");
    byte[] line = new byte[50 << 20];
    Arrays.fill(line, (byte) 'a');
    Files.write(file, line);
    Corpus corpus = Corpus.discover(List.of(file), READERS);
    InputException e =
        assertThrows(InputException.class, () -> corpus.read(corpus.entries().get(0)));
    assertTrue(e.getMessage().contains("52,428,800 characters long"), e.getMessage());
  }

  private static void tryRead(String extension, byte[] input, int n) {
    Path path = Path.of("fuzz-" + n + "." + extension);
    TranscriptReader reader = READERS.forFile(path);
    try {
      if (reader.binary()) {
        reader.read(new SourceText(path, "fuzz", "", "", extension, input));
      } else {
        TextDecoder.Decoded decoded = TextDecoder.decode(input);
        reader.read(new SourceText(path, "fuzz", "", decoded.text(), decoded.encoding()));
      }
    } catch (InputException expected) {
      assertTrue(!expected.diagnostics().isEmpty());
    } catch (RuntimeException | StackOverflowError e) {
      fail(
          "."
              + extension
              + " reader crashed on case "
              + n
              + ": "
              + e
              + "\ninput: "
              + new String(input, 0, Math.min(input.length, 300), StandardCharsets.ISO_8859_1),
          e);
    }
  }

  private static List<byte[]> seeds(String extension) throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    if (extension.equals("docx")) {
      XWPFDocument document = new XWPFDocument();
      document.createParagraph().createRun().setText("Helen Ward: Thank you.");
      document.createTable(2, 3).getRow(0).getCell(0).setText("Speaker");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      document.close();
      seeds.add(out.toByteArray());
      return seeds;
    }
    try (Stream<Path> files =
        Files.list(Golden.sourceResources().resolve("org/aet/ingest/golden"))) {
      for (Path file : files.filter(p -> p.toString().endsWith("." + extension)).toList()) {
        seeds.add(Files.readAllBytes(file));
      }
    }
    return seeds;
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(2000)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Flips, deletes, duplicates or truncates parts of {@code seed}, the way damaged files look. */
  private static byte[] mutate(byte[] seed, Random random) {
    byte[] bytes = seed.clone();
    int edits = 1 + random.nextInt(8);
    for (int e = 0; e < edits && bytes.length > 0; e++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(5)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes = Arrays.copyOf(bytes, at);
        case 2 -> {
          byte[] longer = new byte[bytes.length + 1];
          System.arraycopy(bytes, 0, longer, 0, at);
          longer[at] = (byte) "\n\":,[{<>-\t".charAt(random.nextInt(10));
          System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
          bytes = longer;
        }
        case 3 -> {
          int length = Math.min(bytes.length - at, random.nextInt(64));
          byte[] doubled = new byte[bytes.length + length];
          System.arraycopy(bytes, 0, doubled, 0, at + length);
          System.arraycopy(bytes, at, doubled, at + length, bytes.length - at);
          bytes = doubled;
        }
        default -> {
          int length = Math.min(bytes.length - at, random.nextInt(32));
          byte[] shorter = new byte[bytes.length - length];
          System.arraycopy(bytes, 0, shorter, 0, at);
          System.arraycopy(bytes, at + length, shorter, at, bytes.length - at - length);
          bytes = shorter;
        }
      }
    }
    return bytes;
  }
}
