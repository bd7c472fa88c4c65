package org.aet.refiqda;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.io.ZipGuard;

/** Opening a {@code .qdpx} archive: checked as hostile input first, then read entry by entry. */
final class Qdpx {
  private Qdpx() {}

  /**
   * The archive {@code file}, after {@link ZipGuard} found nothing hostile in it (paths that leave
   * the folder, zip bombs, XML with a document type).
   */
  static ZipFile open(Path file) throws InputException {
    try {
      ZipGuard.check(file);
      return new ZipFile(file.toFile());
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, e.getMessage()));
    }
  }

  /** The project document: the {@code .qde} file at the top of the archive. */
  static ZipEntry projectEntry(Path file, ZipFile zip) throws InputException {
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      ZipEntry entry = e.nextElement();
      String name = entry.getName();
      if (name.toLowerCase(Locale.ROOT).endsWith(".qde") && !name.contains("/")) {
        return entry;
      }
    }
    throw new InputException(
        Diagnostic.fileError(file, "no project.qde inside: is it a REFI-QDA project?"));
  }
}
