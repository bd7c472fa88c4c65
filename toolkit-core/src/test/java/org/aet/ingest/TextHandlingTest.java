package org.aet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.aet.io.TextDecoder;
import org.junit.jupiter.api.Test;

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
}
