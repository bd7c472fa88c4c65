package org.aet.codebook;

import java.io.IOException;
import java.nio.file.Path;
import org.aet.diagnostics.AetException;
import org.aet.io.Registry;

/**
 * A codebook as a document for people or other programs, chosen by the file's extension from the
 * registered {@link CodebookWriter}s: Markdown to print or put on a wiki ({@code .md}), a workbook
 * for a team meeting ({@code .xlsx}), REFI-QDA for NVivo, ATLAS.ti and MAXQDA ({@code .qdc}), or
 * aet's own format ({@code .json}). Every file is written whole or not at all.
 */
public final class CodebookDocuments {
  private CodebookDocuments() {}

  /**
   * Writes {@code codebook} to {@code target} in the format its extension names.
   *
   * @throws AetException naming the formats that can be written, or why writing failed
   */
  public static void write(Codebook codebook, Path target) throws AetException {
    Registry<CodebookWriter> writers = CodebookWriter.registry();
    CodebookWriter writer = writers.forFile(target);
    if (writer == null) {
      throw new AetException(
          target
              + ": cannot tell what to write from the file name; end it in one of "
              + String.join(", ", writers.names().stream().map(e -> "." + e).toList()));
    }
    try {
      writer.write(codebook, target);
    } catch (IOException e) {
      throw new AetException(target + ": cannot write: " + e.getMessage(), e);
    }
  }
}
