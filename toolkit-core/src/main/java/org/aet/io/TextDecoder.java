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
 * UTF-16 without a mark is told by its zero bytes (every other byte of English text is 0). Line
 * ends become {@code \n}. {@link #decodeText} also refuses bytes that are not text at all.
 */
public final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoder() {}

  /** Decoded text and the encoding that was used. */
  public record Decoded(String text, String encoding) {}

  /** Bytes that do not read as text in any encoding aet knows: a binary file, say. */
  public static final class NotText extends Exception {
    NotText(String message) {
      super(message);
    }
  }

  /** Above this share of NUL bytes, control characters or undecodable bytes, a file is not text. */
  static final double NOT_TEXT_SHARE = 0.01;

  /**
   * {@link #decode} for a file that must be text (a transcript): refused when more than 1% of its
   * characters are NUL, control characters other than tab, line ends and form feed, or bytes no
   * encoding could read, since reading them would make one long turn of nonsense.
   */
  public static Decoded decodeText(byte[] bytes) throws NotText {
    Decoded decoded = decode(bytes);
    String text = decoded.text();
    long bad = text.chars().filter(TextDecoder::notText).count();
    if (bad > NOT_TEXT_SHARE * text.length()) {
      throw new NotText(
          "this is not text: "
              + Math.round(100.0 * bad / text.length())
              + "% of its characters are NUL bytes, control characters or bytes no encoding"
              + " reads (a binary file, or a word-processor file renamed); aet reads plain text"
              + " in UTF-8, UTF-16 or Windows-1252: save it as plain text and try again");
    }
    return decoded;
  }

  private static boolean notText(int c) {
    return c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n' && c != '\f') || c == 0x7F;
  }

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
    Charset utf16 = utf16ByZeros(bytes);
    if (utf16 != null) {
      return normalised(new String(bytes, utf16), utf16.name() + " (no BOM)");
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

  /**
   * UTF-16LE or BE when, over the first 4,096 byte pairs, at least 40% of the pairs have a zero in
   * one place and under 5% in the other (Latin text in UTF-16); null otherwise.
   */
  private static Charset utf16ByZeros(byte[] bytes) {
    int pairs = Math.min(bytes.length / 2, 4096);
    if (pairs < 2) {
      return null;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < pairs; i++) {
      evenZeros += bytes[2 * i] == 0 ? 1 : 0;
      oddZeros += bytes[2 * i + 1] == 0 ? 1 : 0;
    }
    if (oddZeros >= 0.4 * pairs && evenZeros < 0.05 * pairs) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZeros >= 0.4 * pairs && oddZeros < 0.05 * pairs) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
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
