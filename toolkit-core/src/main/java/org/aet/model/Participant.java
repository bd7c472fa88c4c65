package org.aet.model;

import java.util.List;
import java.util.Objects;

/**
 * A person who speaks in a transcript.
 *
 * @param name the speaker label as it appears in the turns
 * @param role what the person is in the study (for example "senior leader", "researcher"), or ""
 *     when not given
 * @param variants other labels the transcript gives this person ("Hon. Andrew Scheer (Leader of the
 *     Opposition)" beside "Hon. Andrew Scheer"), merged into {@code name} when it was read
 */
public record Participant(String name, String role, List<String> variants) {
  public Participant {
    Objects.requireNonNull(name, "name");
    role = role == null ? "" : role.strip();
    variants = List.copyOf(variants);
  }

  public Participant(String name, String role) {
    this(name, role, List.of());
  }
}
