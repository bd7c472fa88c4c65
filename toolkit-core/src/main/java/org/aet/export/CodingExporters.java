package org.aet.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.aet.diagnostics.AetException;

/** The exporters on the class path, by the extension of the file they write. */
public final class CodingExporters {
  private final Map<String, CodingExporter> byExtension;

  private CodingExporters(Map<String, CodingExporter> byExtension) {
    this.byExtension = byExtension;
  }

  /** The exporters registered in {@code META-INF/services/org.aet.export.CodingExporter}. */
  public static CodingExporters load() {
    Map<String, CodingExporter> map = new TreeMap<>();
    for (CodingExporter exporter :
        ServiceLoader.load(CodingExporter.class, CodingExporter.class.getClassLoader())) {
      for (String extension : exporter.extensions()) {
        CodingExporter previous = map.putIfAbsent(extension, exporter);
        if (previous != null) {
          throw new IllegalStateException(
              "two exporters claim ."
                  + extension
                  + ": "
                  + previous.getClass().getName()
                  + " and "
                  + exporter.getClass().getName());
        }
      }
    }
    return new CodingExporters(map);
  }

  /**
   * The exporter for {@code target}'s extension.
   *
   * @throws AetException naming the formats that can be written, when none takes it
   */
  public CodingExporter forFile(Path target) throws AetException {
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    CodingExporter exporter =
        dot < 0 ? null : byExtension.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (exporter == null) {
      throw new AetException(
          target
              + ": cannot tell what to write from the file name; end it in one of "
              + String.join(", ", extensions().stream().map(e -> "." + e).toList()));
    }
    return exporter;
  }

  public List<String> extensions() {
    return List.copyOf(byExtension.keySet());
  }
}
