package org.aet.codebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.aet.io.Registry;

/**
 * Writes a codebook in one file format. Implementations are found through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/org.aet.codebook.CodebookWriter}); the output
 * file's extension picks one (see {@link CodebookDocuments}).
 */
public interface CodebookWriter extends Registry.Named {
  /** The writers registered in {@code META-INF/services/org.aet.codebook.CodebookWriter}. */
  static Registry<CodebookWriter> registry() {
    return Registry.load(CodebookWriter.class, "codebook writer");
  }

  /** The extensions it writes, lower case, without the dot. */
  List<String> extensions();

  /** Its names in the registry: its extensions. */
  @Override
  default List<String> names() {
    return extensions();
  }

  /** Writes {@code codebook} to {@code target}, whole or not at all. */
  void write(Codebook codebook, Path target) throws IOException;
}
