package org.aet.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aet.diagnostics.Diagnostic;
import org.aet.io.CsvTable;

/**
 * The checks a manifest must pass before it is applied, each failure an error at the entry's line
 * and column: a transcript listed twice (the last entry would silently win), a date that cannot be
 * (2019-13-45), and one name given to two listed people (they would be merged into one).
 */
final class ManifestChecks {
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");

  private ManifestChecks() {}

  /** An error for every transcript entry naming a file an earlier entry names already. */
  static void files(
      Path manifest, String text, List<Manifest.TranscriptInfo> entries, List<Diagnostic> out) {
    Path folder = manifest.toAbsolutePath().getParent();
    Map<Path, Manifest.TranscriptInfo> seen = new HashMap<>();
    for (Manifest.TranscriptInfo entry : entries) {
      Path resolved = folder.resolve(entry.file()).normalize();
      Manifest.TranscriptInfo first = seen.putIfAbsent(resolved, entry);
      if (first != null) {
        out.add(
            Diagnostic.error(
                manifest,
                entry.line(),
                entry.column(),
                "\""
                    + entry.file()
                    + "\" is listed already at line "
                    + first.line()
                    + "; list each transcript once (which case and attributes should it have?)",
                Manifest.line(text, entry.line())));
      }
    }
  }

  /**
   * An error when a date-shaped value is no date of the calendar: year-month-day, or day/month/year
   * (either order of day and month is accepted there). Other text ("spring 2019") is kept as it is.
   */
  static void date(
      Path manifest, int line, int column, String value, String lineText, List<Diagnostic> out) {
    String v = value.strip();
    Matcher iso = ISO.matcher(v);
    Matcher dayFirst = DAY_FIRST.matcher(v);
    boolean valid;
    if (iso.matches()) {
      valid = real(iso.group(1), iso.group(2), iso.group(3));
    } else if (dayFirst.matches()) {
      valid =
          real(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1))
              || real(dayFirst.group(3), dayFirst.group(1), dayFirst.group(2));
    } else {
      return;
    }
    if (!valid) {
      out.add(
          Diagnostic.error(
              manifest,
              line,
              column,
              "the date \""
                  + v
                  + "\" does not exist; expected a date such as 2019-03-14 (year-month-day)",
              lineText));
    }
  }

  private static boolean real(String year, String month, String day) {
    try {
      LocalDate.parse(
          year + "-" + pad(month) + "-" + pad(day),
          DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String pad(String number) {
    return number.length() == 1 ? "0" + number : number;
  }

  /**
   * An error for every name or alias of a listed speaker that is also the name or an alias of
   * another listed speaker in the same transcripts: aet would make the two people one.
   */
  static void people(
      Path manifest, String text, List<Manifest.SpeakerInfo> speakers, List<Diagnostic> out) {
    for (int i = 0; i < speakers.size(); i++) {
      Manifest.SpeakerInfo later = speakers.get(i);
      for (int j = 0; j < i; j++) {
        Manifest.SpeakerInfo earlier = speakers.get(j);
        boolean sameScope =
            later.file().isEmpty()
                || earlier.file().isEmpty()
                || later.file().equals(earlier.file());
        if (!sameScope || Manifest.key(later.name()).equals(Manifest.key(earlier.name()))) {
          continue;
        }
        String shared = shared(later, earlier);
        if (shared != null) {
          out.add(
              Diagnostic.error(
                  manifest,
                  later.line(),
                  later.column(),
                  "\""
                      + shared
                      + "\" names both "
                      + later.name()
                      + " and "
                      + earlier.name()
                      + " (line "
                      + earlier.line()
                      + "); a name or alias may stand for one listed person only,"
                      + " or aet would merge the two",
                  Manifest.line(text, later.line())));
        }
      }
    }
  }

  /** A name or alias of {@code a} that is also a name or alias of {@code b}, else null. */
  private static String shared(Manifest.SpeakerInfo a, Manifest.SpeakerInfo b) {
    List<String> bNames = names(b).stream().map(Manifest::key).toList();
    for (String name : names(a)) {
      if (bNames.contains(Manifest.key(name))) {
        return name;
      }
    }
    return null;
  }

  private static List<String> names(Manifest.SpeakerInfo s) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(s.name()), s.aliases().stream())
        .toList();
  }

  /**
   * The 1-based column where cell {@code index} of line {@code lineNumber} of a CSV table starts
   * (quotes respected), or 1 when the line has fewer cells.
   */
  static int columnOf(String text, int lineNumber, int index) {
    String line = Manifest.line(text, lineNumber);
    char delimiter = CsvTable.guessDelimiter(text.lines().findFirst().orElse(""));
    boolean quoted = false;
    int cell = 0;
    for (int i = 0; i < line.length() && cell < index; i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        cell++;
        if (cell == index) {
          return i + 2;
        }
      }
    }
    return 1;
  }
}
