package org.aet.ingest;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the clock times transcripts use: {@code 1:23}, {@code 01:23}, {@code 00:01:23},
 * {@code 00:01:23.456} and {@code 00:01:23,456} (SRT).
 */
public final class Timestamps {
  /** A clock time anywhere in a larger pattern (no groups of its own). */
  public static final String REGEX = "\\d{1,2}(?::\\d{2}){1,2}(?:[.,]\\d{1,3})?";

  private static final Pattern CLOCK =
      Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?");

  private Timestamps() {}

  /**
   * The time {@code text} stands for.
   *
   * @throws IllegalArgumentException if it is not a clock time or its minutes or seconds are 60 or
   *     more
   */
  public static Duration parse(String text) {
    Matcher m = CLOCK.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a time: \"" + text + "\" (expected for example 00:01:23.000)");
    }
    long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long minutes = Long.parseLong(m.group(2));
    long seconds = Long.parseLong(m.group(3));
    if (seconds >= 60 || (m.group(1) != null && minutes >= 60)) {
      throw new IllegalArgumentException(
          "not a time: \"" + text + "\" (minutes and seconds run from 00 to 59)");
    }
    long millis = 0;
    if (m.group(4) != null) {
      String fraction = (m.group(4) + "00").substring(0, 3);
      millis = Long.parseLong(fraction);
    }
    return Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusMillis(millis);
  }

  /** {@code hh:mm:ss}, with {@code .mmm} when there are milliseconds; "" for null. */
  public static String format(Duration time) {
    if (time == null) {
      return "";
    }
    String clock =
        String.format("%02d:%02d:%02d", time.toHours(), time.toMinutesPart(), time.toSecondsPart());
    return time.toMillisPart() == 0 ? clock : clock + String.format(".%03d", time.toMillisPart());
  }
}
