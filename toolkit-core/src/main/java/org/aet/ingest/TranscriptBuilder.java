package org.aet.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aet.diagnostics.Diagnostic;
import org.aet.model.Participant;
import org.aet.model.Span;
import org.aet.model.Transcript;
import org.aet.model.Turn;

/**
 * Collects what a reader finds (metadata, turns, warnings) and builds the {@link Transcript},
 * laying the turns out in the normalised text so that every span is right by construction. Every
 * reader builds with it, including readers shipped in other jars, so the text layout and the
 * metadata keys are defined once.
 *
 * <p>Metadata keys understood everywhere: {@code case} (the case the transcript belongs to) and
 * {@code role: Name = role} (a participant's role, repeatable). Any other key becomes a free
 * attribute.
 */
public final class TranscriptBuilder {
  /** What separates turns in the normalised text. */
  public static final String TURN_SEPARATOR = "\n\n";

  /** The longest turn accepted: longer ones are an error, as a file that is not a transcript. */
  public static final int MAX_TURN_CHARS = 1_000_000;

  private final SourceText source;
  private final String format;
  private final StringBuilder text = new StringBuilder();
  private final List<Turn> turns = new ArrayList<>();
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final Map<String, String> roles = new LinkedHashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private String caseName;
  private List<String> lines;

  /** Starts a transcript of {@code source} in {@code format} ("txt", the reader's format name). */
  public TranscriptBuilder(SourceText source, String format) {
    this.source = source;
    this.format = format;
    this.caseName = source.defaultCase();
  }

  /** Records a {@code key: value} metadata line found at {@code line}. */
  public void metadata(String key, String value, int line, String lineText) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    String v = value.strip();
    switch (k) {
      case "case" -> caseName = v;
      case "role" -> {
        int eq = v.indexOf('=');
        if (eq <= 0 || eq == v.length() - 1) {
          warn(
              line,
              lineText.indexOf(value) + 1,
              "expected \"role: Name = role\", for example"
                  + " \"role: Jane Smith = senior leader\"",
              lineText);
        } else {
          roles.put(v.substring(0, eq).strip(), v.substring(eq + 1).strip());
        }
      }
      default -> attributes.put(key.strip(), v);
    }
  }

  /** Gives {@code speaker} a role unless one was already given (metadata comes first). */
  public void roleIfUnset(String speaker, String role) {
    roles.putIfAbsent(speaker, role);
  }

  /**
   * Adds a turn; blank text is skipped, since there is nothing in it to keep. A turn longer than
   * {@value #MAX_TURN_CHARS} characters is an error: no one speaks that long, so the file is not
   * what it seems.
   */
  public void turn(String speaker, Duration start, Duration end, String turnText, int line) {
    String said = turnText.strip();
    if (said.isEmpty()) {
      return;
    }
    if (said.length() > MAX_TURN_CHARS) {
      error(
          line,
          1,
          String.format(
              "this turn is %,d characters long, far more than anyone says in one turn"
                  + " (aet takes up to %,d): is the file really a transcript, with line breaks between turns?",
              said.length(), MAX_TURN_CHARS),
          "");
      return;
    }
    if (!turns.isEmpty()) {
      text.append(TURN_SEPARATOR);
    }
    int begin = text.length();
    text.append(said);
    turns.add(
        new Turn(turns.size(), speaker, start, end, said, new Span(begin, text.length()), line));
  }

  /** Line {@code number} of the source (from 1), or "" when there is no such line. */
  public String lineText(int number) {
    if (lines == null) {
      lines = source.lines();
    }
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }

  public void warn(int line, int column, String message, String lineText) {
    diagnostics.add(Diagnostic.warning(source.path(), line, column, message, lineText));
  }

  public void error(int line, int column, String message, String lineText) {
    diagnostics.add(Diagnostic.error(source.path(), line, column, message, lineText));
  }

  public boolean hasTurns() {
    return !turns.isEmpty();
  }

  /**
   * The transcript, or an exception listing every problem if any is an error.
   *
   * @throws org.aet.diagnostics.InputException when there were errors or the file holds no turns at
   *     all
   */
  public ReadResult build() throws org.aet.diagnostics.InputException {
    if (turns.isEmpty() && diagnostics.stream().noneMatch(Diagnostic::isError)) {
      diagnostics.add(
          Diagnostic.fileError(
              source.path(),
              "no conversation found: expected turns such as \"Jane Smith: what she said\" ("
                  + format
                  + " format)"));
    }
    diagnostics.sort(java.util.Comparator.comparingInt(Diagnostic::line));
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new org.aet.diagnostics.InputException(diagnostics);
    }
    Map<String, Participant> participants = new LinkedHashMap<>();
    for (Turn turn : turns) {
      participants.computeIfAbsent(
          turn.speaker(), name -> new Participant(name, roles.getOrDefault(name, "")));
    }
    Transcript transcript =
        new Transcript(
            source.id(),
            source.path(),
            format,
            caseName,
            attributes,
            List.copyOf(participants.values()),
            text.toString(),
            turns);
    return new ReadResult(transcript, source.encoding(), diagnostics);
  }
}
