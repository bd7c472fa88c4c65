package org.aet.refiqda;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookWriter;

/** A codebook in the REFI-QDA codebook format ({@code .qdc}) for NVivo, ATLAS.ti and MAXQDA. */
public final class QdcWriter implements CodebookWriter {
  @Override
  public List<String> extensions() {
    return List.of("qdc");
  }

  @Override
  public void write(Codebook codebook, Path target) throws IOException {
    RefiQdaCodebook.write(codebook, target);
  }
}
