package org.aet.codebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.aet.io.AtomicOutput;

/** A codebook in aet's own format ({@code .json}), as {@link Codebooks} reads it. */
public final class CodebookJsonWriter implements CodebookWriter {
  @Override
  public List<String> extensions() {
    return List.of("json");
  }

  @Override
  public void write(Codebook codebook, Path target) throws IOException {
    AtomicOutput.writeString(target, CodebookJson.write(codebook));
  }
}
