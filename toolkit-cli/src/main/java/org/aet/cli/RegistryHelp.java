package org.aet.cli;

import java.util.List;
import org.aet.export.CodingExporter;
import org.aet.ingest.TranscriptReader;

/**
 * The formats the help texts list, taken from the registries, so that a plug-in's format shows in
 * {@code --help} as it works on the command line. Published as system properties that the option
 * descriptions name ({@code ${sys:aet.readers}}), which picocli fills in when it shows them.
 */
final class RegistryHelp {
  private RegistryHelp() {}

  /**
   * Sets {@code aet.readers} (".txt .vtt ...") and {@code aet.exporters} (".xlsx, .csv or .html").
   */
  static void publish() {
    System.setProperty(
        "aet.readers",
        String.join(
            " ",
            TranscriptReader.registry().all().stream()
                .flatMap(reader -> reader.extensions().stream())
                .map(extension -> "." + extension)
                .toList()));
    System.setProperty(
        "aet.exporters",
        inWords(
            CodingExporter.registry().all().stream()
                .flatMap(exporter -> exporter.extensions().stream())
                .map(extension -> "." + extension)
                .toList()));
  }

  /** "a, b, c or d". */
  static String inWords(List<String> items) {
    if (items.size() < 2) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " or "
        + items.get(items.size() - 1);
  }
}
