package org.aet.cli.plugins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookWriter;

/**
 * A codebook writer from outside aet's jar, registered only in the tests' {@code
 * META-INF/services}: one code path a line, in a {@code .codes} file. It shows that a writer
 * dropped in is used by {@code aet codebook export} without any command knowing it.
 */
public final class CodeListWriter implements CodebookWriter {
  @Override
  public List<String> extensions() {
    return List.of("codes");
  }

  @Override
  public void write(Codebook codebook, Path target) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Code code : codebook.codes()) {
      text.append(code.id()).append('\n');
    }
    Files.writeString(target, text, StandardCharsets.UTF_8);
  }
}
