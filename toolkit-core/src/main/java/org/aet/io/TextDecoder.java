package org.aet.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text the way a researcher expects: a byte order mark decides the
 * encoding (UTF-8, UTF-16 LE or BE) and is dropped; without one the bytes must be valid UTF-8, or
 * else they are read as Windows-1252, the encoding Word and Excel use for "plain text" on Windows.
 * Line ends become {@code \n}.
 */
public final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoder() {}

  /** Decoded text and the encoding that was used. */
  public record Decoded(String text, String encoding) {}

  public static Decoded decode(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return normalised(
          new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (with BOM)");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return normalised(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE (with BOM)");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return normalised(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE (with BOM)");
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return normalised(text, "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      return normalised(new String(bytes, WINDOWS_1252), "windows-1252");
    }
  }

  /** {@code text} with CRLF and lone CR line ends turned into LF. */
  public static String normaliseLineEnds(String text) {
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static Decoded normalised(String text, String encoding) {
    return new Decoded(normaliseLineEnds(text), encoding);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
