package org.aet.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.aet.diagnostics.AetException;
import org.aet.io.Registry;

/**
 * Writes coded transcripts in one file format. Implementations are found through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/org.aet.export.CodingExporter}); the output
 * file's extension picks one.
 */
public interface CodingExporter extends Registry.Named {
  /** The exporters registered in {@code META-INF/services/org.aet.export.CodingExporter}. */
  static Registry<CodingExporter> registry() {
    return Registry.load(CodingExporter.class, "exporter");
  }

  /**
   * The exporter for {@code target}'s extension.
   *
   * @throws AetException naming the formats that can be written, when none takes it
   */
  static CodingExporter forFile(Path target) throws AetException {
    return registry().forOutput(target);
  }

  /** Its names in the registry: its extensions. */
  @Override
  default List<String> names() {
    return extensions();
  }

  /**
   * The kinds of {@link ExportContext#extra extra} knowledge it shows when the caller has them (the
   * report shows a project's {@code report.ReviewState}); none by default. A caller that has one of
   * these puts it in the context with {@link ExportContext#with}.
   */
  default Set<Class<?>> uses() {
    return Set.of();
  }

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
