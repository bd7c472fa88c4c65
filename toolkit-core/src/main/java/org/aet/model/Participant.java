package org.aet.model;

import java.util.Objects;

/**
 * A person who speaks in a transcript.
 *
 * @param name the speaker label as it appears in the turns
 * @param role what the person is in the study (for example "senior leader", "researcher"), or ""
 *     when not given
 */
public record Participant(String name, String role) {
  public Participant {
    Objects.requireNonNull(name, "name");
    role = role == null ? "" : role.strip();
  }
}
