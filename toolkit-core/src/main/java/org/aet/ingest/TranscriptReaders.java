package org.aet.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The transcript readers on the class path, by file extension. Built once from {@link
 * ServiceLoader}; a reader that fails to load, or two readers claiming one extension, is an error
 * rather than a silent gap, because a format that quietly disappears looks exactly like one that
 * was never supported.
 */
public final class TranscriptReaders {
  private final Map<String, TranscriptReader> byExtension;

  private TranscriptReaders(Map<String, TranscriptReader> byExtension) {
    this.byExtension = Collections.unmodifiableMap(byExtension);
  }

  /** The readers registered in {@code META-INF/services/org.aet.ingest.TranscriptReader}. */
  public static TranscriptReaders load() {
    return of(loadAll());
  }

  /** A registry of exactly {@code readers}. */
  public static TranscriptReaders of(List<TranscriptReader> readers) {
    Map<String, TranscriptReader> map = new TreeMap<>();
    for (TranscriptReader reader : readers) {
      for (String extension : reader.extensions()) {
        TranscriptReader previous = map.putIfAbsent(extension.toLowerCase(Locale.ROOT), reader);
        if (previous != null) {
          throw new IllegalStateException(
              "two transcript readers claim ."
                  + extension
                  + ": "
                  + previous.getClass().getName()
                  + " and "
                  + reader.getClass().getName());
        }
      }
    }
    return new TranscriptReaders(map);
  }

  private static List<TranscriptReader> loadAll() {
    List<TranscriptReader> readers = new ArrayList<>();
    var iterator =
        ServiceLoader.load(TranscriptReader.class, TranscriptReader.class.getClassLoader())
            .iterator();
    while (iterator.hasNext()) {
      try {
        readers.add(iterator.next());
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException("a transcript reader failed to load: " + e.getMessage(), e);
      }
    }
    return readers;
  }

  /** The reader for {@code file}'s extension, or null when no reader takes it. */
  public TranscriptReader forFile(Path file) {
    return byExtension.get(extensionOf(file));
  }

  /** The extensions that can be read, sorted. */
  public List<String> extensions() {
    return List.copyOf(byExtension.keySet());
  }

  static String extensionOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
