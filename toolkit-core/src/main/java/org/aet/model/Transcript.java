package org.aet.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded conversation, read from one source file.
 *
 * <p>{@code text} is the normalised transcript text: the turns' words one after another, separated
 * by a blank line, with nothing added. Every {@link Turn#span()} points into it, and so do the
 * spans of segments and evidence, which is why quotations can always be checked against the text.
 *
 * @param id stable identifier, unique in a corpus (by default the file name without its extension)
 * @param source the file it was read from
 * @param format the reader's format name, such as "txt" or "vtt"
 * @param caseName the case it belongs to (for example a partnership), or "" when none was given
 * @param attributes further case or document attributes (date, site, ...), in the order given
 * @param participants everyone who speaks, in order of first appearance, with their roles
 * @param text the normalised transcript text
 * @param turns the turns, in order
 */
public record Transcript(
    String id,
    Path source,
    String format,
    String caseName,
    Map<String, String> attributes,
    List<Participant> participants,
    String text,
    List<Turn> turns) {

  public Transcript {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    caseName = caseName == null ? "" : caseName;
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    participants = List.copyOf(participants);
    Objects.requireNonNull(text, "text");
    turns = List.copyOf(turns);
    for (int i = 0; i < turns.size(); i++) {
      Turn turn = turns.get(i);
      if (turn.index() != i) {
        throw new IllegalArgumentException("turn " + i + " has index " + turn.index());
      }
      if (turn.span().end() > text.length() || !turn.span().of(text).equals(turn.text())) {
        throw new IllegalArgumentException(
            "turn " + i + " does not match the text at " + turn.span());
      }
    }
  }

  /** The role of {@code speaker}, or "" when the transcript gives none. */
  public String roleOf(String speaker) {
    return findParticipant(speaker).map(Participant::role).orElse("");
  }

  /** The other labels {@code speaker} was written under, merged into this name when read. */
  public List<String> variantsOf(String speaker) {
    return findParticipant(speaker).map(Participant::variants).orElse(List.of());
  }

  private Optional<Participant> findParticipant(String speaker) {
    return participants.stream().filter(p -> p.name().equals(speaker)).findFirst();
  }

  /** The number of words, counted as runs of letters or digits, for progress and reports. */
  public int wordCount() {
    return Words.count(text);
  }
}
