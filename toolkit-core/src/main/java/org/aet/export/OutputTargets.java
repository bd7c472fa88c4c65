package org.aet.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aet.diagnostics.AetException;

/**
 * The files one command will write, checked together against what it reads before anything is read
 * or written. A team's project, a workbook an afternoon went into, a transcript: none of them is
 * ever replaced by accident. The rules:
 *
 * <ul>
 *   <li>an existing file is replaced only when the user said so ({@code --overwrite});
 *   <li>only ordinary files are replaced, never a folder, a device or another special file;
 *   <li>no output may be one of the inputs (the project, a transcript, a labelled file), compared
 *       by the file itself, so a link or another spelling of the path does not get through;
 *   <li>no two outputs may be the same file;
 *   <li>the file's extension says what is written into it.
 * </ul>
 */
public final class OutputTargets {
  /** One output: its path, the option that named it (for messages), and its allowed extensions. */
  public record Target(Path path, String option, List<String> extensions) {
    public Target {
      extensions = List.copyOf(extensions);
    }
  }

  /**
   * An output named with an extension the command does not write: a wrong use of the command rather
   * than bad input, so the command line exits with its usage code.
   */
  public static final class WrongExtension extends AetException {
    WrongExtension(String message) {
      super(message);
    }
  }

  /** An input, with what it is to the user ("the project", "a transcript"). */
  private record Input(Path path, String what) {}

  private final List<Target> targets = new ArrayList<>();
  private final List<Input> inputs = new ArrayList<>();

  /** Adds an output; a null path (an option not given) is skipped. */
  public OutputTargets output(Path path, String option, String... extensions) {
    if (path != null) {
      targets.add(new Target(path, option, List.of(extensions)));
    }
    return this;
  }

  /**
   * As {@link #output(Path, String, String...)}, with the extensions a registry of writers takes.
   */
  public OutputTargets output(Path path, String option, List<String> extensions) {
    return output(path, option, extensions.toArray(String[]::new));
  }

  /** Adds something the command reads; a null path is skipped. Folders protect what they hold. */
  public OutputTargets input(Path path, String what) {
    if (path != null) {
      inputs.add(new Input(path, what));
    }
    return this;
  }

  /** Adds several inputs of one kind. */
  public OutputTargets inputs(List<Path> paths, String what) {
    if (paths != null) {
      paths.forEach(p -> input(p, what));
    }
    return this;
  }

  /**
   * Checks every rule for every output.
   *
   * @throws AetException naming the first output that breaks a rule and what to do instead
   */
  public void check(boolean overwrite) throws AetException {
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      Path path = target.path();
      String name = path.getFileName() == null ? "" : path.getFileName().toString();
      if (!target.extensions().isEmpty()
          && target.extensions().stream()
              .noneMatch(e -> name.toLowerCase(Locale.ROOT).endsWith(e))) {
        throw new WrongExtension(
            path
                + ": "
                + target.option()
                + " writes "
                + String.join(" or ", target.extensions())
                + "; name the file so that it ends in "
                + (target.extensions().size() == 1 ? "" : "one of ")
                + String.join(", ", target.extensions()));
      }
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isRegularFile(path)) {
          throw new AetException(
              path
                  + " is not an ordinary file (it is a folder, a device or a broken link);"
                  + " aet only ever replaces ordinary files: give "
                  + target.option()
                  + " a file name");
        }
        if (!overwrite) {
          throw AetException.naming(
              "%s already exists; choose another name, or add {overwrite} to replace it", path);
        }
      }
      for (Input input : inputs) {
        if (sameFile(path, input.path()) || insideExisting(path, input.path())) {
          throw AetException.naming(
              "%s is %s this command reads; writing %s there would destroy it. Choose another"
                  + " file name"
                  + (overwrite ? " ({overwrite} never replaces an input)" : ""),
              path,
              input.what(),
              target.option());
        }
      }
      for (int j = 0; j < i; j++) {
        Target other = targets.get(j);
        if (sameFile(path, other.path())) {
          throw new AetException(
              path
                  + " is named by both "
                  + other.option()
                  + " and "
                  + target.option()
                  + "; give each output its own file");
        }
      }
    }
  }

  /** Whether two paths name the same file, existing or not. */
  static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall through to comparing the paths themselves
    }
    return canonical(a).equals(canonical(b));
  }

  /** An existing {@code file} inside the input folder {@code folder} is one of its inputs. */
  private static boolean insideExisting(Path file, Path folder) {
    return Files.isDirectory(folder)
        && Files.isRegularFile(file)
        && canonical(file).startsWith(canonical(folder));
  }

  /**
   * The real path of the nearest existing ancestor, with the rest appended: two spellings of one
   * file give one answer even when the file does not exist yet.
   */
  public static Path canonical(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    Path rest = null;
    while (existing != null && !Files.exists(existing)) {
      Path last = existing.getFileName();
      rest = rest == null ? last : last.resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      Path real = existing.toRealPath();
      return rest == null ? real : real.resolve(rest);
    } catch (IOException e) {
      return absolute;
    }
  }
}
