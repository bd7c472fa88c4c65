package org.aet.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes coded transcripts in one file format. Implementations are found through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/org.aet.export.CodingExporter}); the output
 * file's extension picks one.
 */
public interface CodingExporter {
  /** The extensions it writes, lower case, without the dot. */
  List<String> extensions();

  /**
   * Starts an export to {@code target}. Nothing appears at {@code target} until the session is
   * finished.
   *
   * @throws IOException when the output cannot be created
   */
  ExportSession open(Path target, ExportContext context) throws IOException;
}
