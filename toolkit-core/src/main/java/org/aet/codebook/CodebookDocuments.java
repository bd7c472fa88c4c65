package org.aet.codebook;

import java.io.IOException;
import java.nio.file.Path;
import org.aet.diagnostics.AetException;

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
    CodebookWriter writer = CodebookWriter.registry().forOutput(target);
    try {
      writer.write(codebook, target);
    } catch (IOException e) {
      throw new AetException(target + ": cannot write: " + e.getMessage(), e);
    }
  }
}
