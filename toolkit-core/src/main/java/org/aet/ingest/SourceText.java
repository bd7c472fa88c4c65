package org.aet.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A transcript file's text, decoded and with line ends normalised to {@code \n}, ready for a
 * reader.
 *
 * @param path the file
 * @param id the transcript id to give it
 * @param defaultCase the case to use when the file does not name one (for example its folder's
 *     name), or ""
 * @param text the decoded text, without a byte order mark, lines ending in {@code \n}
 * @param encoding the name of the character encoding it was decoded with (for binary formats, the
 *     format)
 * @param bytes the file's bytes, for readers of binary formats (Word); text readers use {@code
 *     text}
 */
public record SourceText(
    Path path, String id, String defaultCase, String text, String encoding, byte[] bytes) {
  public SourceText {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(id, "id");
    defaultCase = defaultCase == null ? "" : defaultCase;
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(encoding, "encoding");
    bytes = bytes == null ? new byte[0] : bytes;
  }

  /** A text source: {@code text} as decoded from the file's bytes. */
  public SourceText(Path path, String id, String defaultCase, String text, String encoding) {
    this(path, id, defaultCase, text, encoding, null);
  }

  /**
   * The text's lines, without their line ends; line {@code n} of the file is element {@code n - 1}.
   */
  public List<String> lines() {
    return List.of(text.split("\n", -1));
  }
}
