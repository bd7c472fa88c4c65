package org.aet.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a zip-based file (.docx, and later .qdpx) before anything parses it, and refuses what an
 * ordinary file never contains: entry names that climb out of their folder ({@code ../}, absolute
 * paths), archives that expand to far more than they hold (zip bombs), and XML with a document type
 * declaration, which Word never writes and which XML external entity attacks need. The whole
 * archive is inflated once, counting real bytes, so declared sizes cannot lie.
 */
public final class ZipGuard {
  static final long MAX_TOTAL_BYTES = 512L << 20;
  static final int MAX_ENTRIES = 10_000;
  static final int MAX_RATIO = 100;
  private static final int SNIFF_BYTES = 4096;

  private ZipGuard() {}

  /** A refusal with its own message, passed on as it is. */
  private static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Returns normally when {@code zip} looks like an honest archive.
   *
   * @throws IOException with a message for the researcher saying what was refused and why
   */
  public static void check(byte[] zip) throws IOException {
    check(new ByteArrayInputStream(zip), zip.length);
  }

  /** As {@link #check(byte[])}, reading the archive {@code file} as a stream. */
  public static void check(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      check(in, Files.size(file));
    }
  }

  private static void check(InputStream archive, long archiveSize) throws IOException {
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(archive)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw new Refused("refused: the archive holds more than " + MAX_ENTRIES + " files");
        }
        String name = entry.getName();
        if (escapes(name)) {
          throw new Refused(
              "refused: the archive holds an entry whose name leads outside its folder (\""
                  + name
                  + "\"); ordinary documents never do this");
        }
        long size = 0;
        byte[] buffer = new byte[8192];
        byte[] head = new byte[SNIFF_BYTES];
        int headLength = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
          if (headLength < SNIFF_BYTES) {
            int copy = Math.min(n, SNIFF_BYTES - headLength);
            System.arraycopy(buffer, 0, head, headLength, copy);
            headLength += copy;
          }
          size += n;
          total += n;
          if (total > MAX_TOTAL_BYTES
              || total > (long) MAX_RATIO * Math.max(archiveSize, 1 << 16)) {
            throw new Refused(
                "refused: the archive expands to far more than its own size (a \"zip bomb\")");
          }
        }
        if (isXml(name) && declaresDoctype(head, headLength)) {
          throw new Refused(
              "refused: \""
                  + name
                  + "\" declares an XML document type (DOCTYPE or ENTITY),"
                  + " which Word and REFI-QDA tools never write and which can be used to read files"
                  + " from this computer");
        }
        if (size == 0 && !entry.isDirectory() && entry.getSize() > 0) {
          throw new Refused("the archive is damaged: \"" + name + "\" is empty");
        }
      }
    } catch (Refused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "not a readable zip archive; the file may be damaged or cut short ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")",
          e);
    }
    if (entries == 0) {
      throw new IOException(
          "not a zip archive (as .docx, .xlsx, .qdpx and model files are): the file may be"
              + " damaged, or of another kind with the same ending (an older .doc, say)");
    }
  }

  private static boolean escapes(String name) {
    String n = name.replace('\\', '/');
    return n.startsWith("/")
        || n.matches("^[A-Za-z]:.*")
        || n.equals("..")
        || n.startsWith("../")
        || n.contains("/../")
        || n.endsWith("/..");
  }

  private static boolean isXml(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".xml") || n.endsWith(".rels") || n.endsWith(".qde") || n.endsWith(".qdc");
  }

  private static boolean declaresDoctype(byte[] head, int length) {
    String start = new String(head, 0, length, StandardCharsets.UTF_8);
    if (start.indexOf('\0') >= 0) {
      start =
          new String(head, 0, length, StandardCharsets.UTF_16LE)
              + new String(head, 0, length, StandardCharsets.UTF_16BE);
    }
    return start.contains("<!DOCTYPE") || start.contains("<!ENTITY");
  }
}
