package org.aet.pseudonym;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aet.diagnostics.AetException;

/**
 * Where the key and the review workbook may be: never inside the output folder (meant to be shared,
 * and replaced by {@code --overwrite}) nor inside an input folder, compared by real paths, so a
 * symbolic link ({@code priv/lnk -> ../out}) cannot put the key into the output or have it deleted
 * with it.
 */
public final class PrivatePlaces {
  private PrivatePlaces() {}

  /**
   * Checks the places before anything is written.
   *
   * @param review the review workbook, or null
   * @throws AetException naming the file and the folder it would lie in
   */
  public static void check(Path key, Path review, Path output, List<Path> inputs)
      throws AetException {
    if (!key.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      throw new AetException(key + ": the key is a .csv file; name it, for example, key.csv");
    }
    if (review != null
        && !review.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      throw new AetException(review + ": the review workbook is an .xlsx file");
    }
    Path folder = real(output);
    for (Path privateFile : review == null ? List.of(key) : List.of(key, review)) {
      Path file = real(privateFile);
      if (file.startsWith(folder)) {
        throw new AetException(
            privateFile
                + " would lie inside the output folder "
                + output
                + (file.equals(privateFile.toAbsolutePath().normalize())
                    ? ""
                    : " (it is " + file + " once links are followed)")
                + ", which is meant to be shared; keep the key and the review workbook elsewhere");
      }
      for (Path in : inputs) {
        Path inFolder = real(in);
        if (Files.isDirectory(inFolder) && file.startsWith(inFolder)) {
          throw new AetException(
              privateFile
                  + " would lie inside the input folder "
                  + in
                  + ", where aet would read it as a transcript; keep it elsewhere");
        }
      }
    }
    for (Path in : inputs) {
      Path inPath = real(in);
      if (folder.startsWith(inPath) || inPath.startsWith(folder)) {
        throw new AetException(
            "the output folder "
                + output
                + " and the input "
                + in
                + " overlap; write the pseudonymised copy to a folder of its own");
      }
    }
  }

  /**
   * {@code path} with every symbolic link of the part that exists followed, and the part that does
   * not yet exist appended.
   */
  static Path real(Path path) throws AetException {
    Path existing = path.toAbsolutePath();
    List<Path> missing = new ArrayList<>();
    while (existing != null && !Files.exists(existing)) {
      missing.add(0, existing.getFileName());
      existing = existing.getParent();
    }
    try {
      Path real = existing == null ? Path.of("/") : existing.toRealPath();
      for (Path name : missing) {
        real = real.resolve(name);
      }
      return real.normalize();
    } catch (IOException e) {
      throw new AetException(path + ": cannot tell where this is: " + e.getMessage(), e);
    }
  }
}
