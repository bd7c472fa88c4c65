package org.aet.contracts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a written document says, whatever its format, for contract tests that look for words in it.
 */
final class Documents {
  private Documents() {}

  /**
   * The file's text: a zip (xlsx, qdpx) as the text of all its entries, XML character references
   * and the five entities resolved; anything else read as UTF-8 with the same resolved (HTML).
   */
  static String text(Path file) throws IOException {
    byte[] start = Files.readAllBytes(file);
    if (start.length < 2 || start[0] != 'P' || start[1] != 'K') {
      return unescapeXml(new String(start, StandardCharsets.UTF_8));
    }
    StringBuilder all = new StringBuilder();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : List.copyOf(zip.stream().toList())) {
        all.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
        all.append('\n');
      }
    }
    return unescapeXml(all.toString());
  }

  static String unescapeXml(String xml) {
    StringBuilder out = new StringBuilder(xml.length());
    for (int i = 0; i < xml.length(); i++) {
      char c = xml.charAt(i);
      int semicolon = c == '&' ? xml.indexOf(';', i) : -1;
      if (semicolon < 0 || semicolon - i > 10) {
        out.append(c);
        continue;
      }
      String entity = xml.substring(i + 1, semicolon);
      String resolved =
          switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                entity.startsWith("#x")
                    ? Character.toString(Integer.parseInt(entity.substring(2), 16))
                    : entity.startsWith("#")
                        ? Character.toString(Integer.parseInt(entity.substring(1)))
                        : null;
          };
      if (resolved == null) {
        out.append(c);
      } else {
        out.append(resolved);
        i = semicolon;
      }
    }
    return out.toString();
  }

  /** The names in {@code folder}: a writer must leave nothing but its target behind. */
  static List<String> files(Path folder) throws IOException {
    try (var list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
