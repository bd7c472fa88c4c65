package org.aet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.aet.diagnostics.InputException;
import org.aet.io.TextDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextHandlingTest {
  @Test
  void timesInEveryWrittenForm() {
    assertEquals(Duration.ofSeconds(83), Timestamps.parse("1:23"));
    assertEquals(Duration.ofSeconds(83), Timestamps.parse("00:01:23"));
    assertEquals(Duration.ofMillis(83_456), Timestamps.parse("00:01:23.456"));
    assertEquals(Duration.ofMillis(83_456), Timestamps.parse("00:01:23,456"));
    assertEquals(Duration.ofMillis(83_500), Timestamps.parse("01:23.5"));
    assertEquals(Duration.ofHours(2).plusSeconds(3), Timestamps.parse("2:00:03"));
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("00:61:00"));
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("noon"));
    assertEquals("00:01:23.456", Timestamps.format(Duration.ofMillis(83_456)));
    assertEquals("01:00:00", Timestamps.format(Duration.ofHours(1)));
    assertEquals("", Timestamps.format(null));
  }

  @Test
  void labelsAreToldFromSentencesWithColons() {
    var labels = SpeakerLabel.Vocabulary.of(List.of());
    assertEquals("I", labels.find("I: hello").speaker());
    assertEquals("P1", labels.find("P1: hello").speaker());
    assertEquals("Dr Jane Smith (Chair)", labels.find("Dr Jane Smith (Chair): hello").speaker());
    assertEquals("Jean van der Berg", labels.find("Jean van der Berg: hello").speaker());
    assertEquals("00:01:23", labels.find("[00:01:23] Jane: hello").time());
    assertEquals("1:23", labels.find("(1:23) Jane: hello").time());
    assertEquals(7, labels.find("Jane:  hello").textColumn());
    assertNull(labels.find("So the question was: who pays?"));
    assertNull(labels.find("http://example.org is a link"));
    assertNull(labels.find("00:01:23 is a time, not a name"));
    assertNull(labels.find("the ratio was 3:1 overall"));
  }

  @Test
  void aLowerCaseLabelCountsWhenItRepeats() {
    var labels = SpeakerLabel.Vocabulary.of(List.of("stokes: one", "stokes: two", "ashah: once"));
    assertEquals("stokes", labels.find("stokes: one").speaker());
    assertNull(labels.find("ashah: once"));
  }

  @Test
  void encodingsAreDetectedAndReported() {
    String text = "Jane: caf\u00e9 \u201cquoted\u201d\r\nTom: ok\r";
    String expected = "Jane: caf\u00e9 \u201cquoted\u201d\nTom: ok\n";
    assertEquals(
        new TextDecoder.Decoded(expected, "UTF-8"),
        TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8)));
    byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
    assertEquals(
        new TextDecoder.Decoded(expected, "UTF-16LE (with BOM)"), TextDecoder.decode(utf16));
    byte[] utf16be = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE);
    assertEquals(
        new TextDecoder.Decoded(expected, "UTF-16BE (with BOM)"), TextDecoder.decode(utf16be));
    byte[] cp1252 = text.getBytes(Charset.forName("windows-1252"));
    assertEquals(new TextDecoder.Decoded(expected, "windows-1252"), TextDecoder.decode(cp1252));
  }

  @Test
  void utf16WithoutAByteOrderMarkIsToldByItsZeroBytes(@TempDir Path dir) throws Exception {
    String text = "Jane: caf\u00e9, \u201cquoted\u201d\nTom: ok, 23 words or so.\n";
    assertEquals(
        new TextDecoder.Decoded(text, "UTF-16LE (no BOM)"),
        TextDecoder.decode(text.getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(
        new TextDecoder.Decoded(text, "UTF-16BE (no BOM)"),
        TextDecoder.decode(text.getBytes(StandardCharsets.UTF_16BE)));
    Files.write(dir.resolve("le.txt"), text.getBytes(StandardCharsets.UTF_16LE));
    Corpus corpus = Corpus.discover(List.of(dir), TranscriptReader.registry());
    var read = corpus.read(corpus.entries().get(0));
    assertEquals("UTF-16LE (no BOM)", read.encoding());
    assertEquals("Jane", read.transcript().turns().get(0).speaker());
  }

  @Test
  void binaryGarbageNamedTxtIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
    byte[] garbage = new byte[20_000];
    new Random(31).nextBytes(garbage);
    Path file = dir.resolve("notes.txt");
    Files.write(file, garbage);
    Corpus corpus = Corpus.discover(List.of(dir), TranscriptReader.registry());
    InputException e =
        assertThrows(InputException.class, () -> corpus.read(corpus.entries().get(0)));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not text"), e.getMessage());

    byte[] nuls = "Jane: hello\u0000\u0000\u0000\u0000 there\n".getBytes(StandardCharsets.UTF_8);
    Files.write(file, nuls);
    assertThrows(InputException.class, () -> corpus.read(corpus.entries().get(0)));
  }

  @Test
  void ordinaryTextStillReads() throws Exception {
    String text = "Jane: caf\u00e9 \u201cquoted\u201d\tand a tab\nTom: ok\f\n";
    assertEquals("UTF-8", TextDecoder.decodeText(text.getBytes(StandardCharsets.UTF_8)).encoding());
    assertEquals(
        "windows-1252",
        TextDecoder.decodeText(text.getBytes(Charset.forName("windows-1252"))).encoding());
    assertEquals("UTF-8", TextDecoder.decodeText(new byte[0]).encoding());
  }
}
