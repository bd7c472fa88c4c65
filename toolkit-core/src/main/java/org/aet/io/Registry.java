package org.aet.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.aet.diagnostics.AetException;

/**
 * The plug-ins of one kind (transcript readers, exporters, codebook writers, indicators, agreement
 * statistics), each under the names it answers to: file extensions for formats, a name for the
 * others. Plug-ins are found with {@link ServiceLoader} ({@code META-INF/services/<interface>}), so
 * adding one touches no other code. A plug-in that fails to load, or two that claim one name, is an
 * error rather than a silent gap: a format that quietly disappears looks exactly like one that was
 * never supported.
 *
 * @param <T> the kind of plug-in
 */
public final class Registry<T extends Registry.Named> {
  /** A plug-in: the names (or file extensions, lower case, without the dot) it answers to. */
  public interface Named {
    List<String> names();
  }

  private final String kind;
  private final Map<String, T> byName;
  private final List<T> all;

  private Registry(String kind, Map<String, T> byName, List<T> all) {
    this.kind = kind;
    this.byName = Collections.unmodifiableMap(byName);
    this.all = List.copyOf(all);
  }

  /**
   * The plug-ins registered for {@code type}, in the order they are listed.
   *
   * @param kind what they are, for messages ("transcript reader")
   */
  public static <T extends Named> Registry<T> load(Class<T> type, String kind) {
    List<T> found = new ArrayList<>();
    var iterator = ServiceLoader.load(type, type.getClassLoader()).iterator();
    while (iterator.hasNext()) {
      try {
        found.add(iterator.next());
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException("a " + kind + " failed to load: " + e.getMessage(), e);
      }
    }
    return of(kind, found);
  }

  /** A registry of exactly {@code plugins}. */
  public static <T extends Named> Registry<T> of(String kind, List<T> plugins) {
    Map<String, T> map = new TreeMap<>();
    for (T plugin : plugins) {
      for (String name : plugin.names()) {
        T previous = map.putIfAbsent(name.toLowerCase(Locale.ROOT), plugin);
        if (previous != null) {
          throw new IllegalStateException(
              "two "
                  + kind
                  + "s claim "
                  + name
                  + ": "
                  + previous.getClass().getName()
                  + " and "
                  + plugin.getClass().getName());
        }
      }
    }
    return new Registry<>(kind, map, plugins);
  }

  /** What the plug-ins are, for messages. */
  public String kind() {
    return kind;
  }

  /** The plug-in answering to {@code name} (any case), or null. */
  public T get(String name) {
    return byName.get(name.toLowerCase(Locale.ROOT));
  }

  /** The plug-in for {@code file}'s extension, or null. */
  public T forFile(Path file) {
    return byName.get(extensionOf(file));
  }

  /**
   * The plug-in that writes {@code target}, chosen by its extension.
   *
   * @throws AetException naming the extensions that can be written, when none takes it
   */
  public T forOutput(Path target) throws AetException {
    T plugin = forFile(target);
    if (plugin == null) {
      throw new AetException(
          target
              + ": cannot tell what to write from the file name; end it in one of "
              + extensionList());
    }
    return plugin;
  }

  /** Every name as a file extension, for messages: ".csv, .jsonl, .xlsx". */
  public String extensionList() {
    return String.join(", ", extensions());
  }

  /**
   * Every name as a file extension with its dot, sorted: what an output of this kind may end in.
   */
  public List<String> extensions() {
    return byName.keySet().stream().map(e -> "." + e).toList();
  }

  /** Every name, sorted. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Every plug-in, in the order registered. */
  public List<T> all() {
    return all;
  }

  /** The extension of {@code file}'s name, lower case without the dot ("" when it has none). */
  public static String extensionOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
