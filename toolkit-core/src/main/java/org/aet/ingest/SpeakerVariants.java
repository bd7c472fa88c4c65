package org.aet.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aet.model.Participant;
import org.aet.model.Transcript;
import org.aet.model.Turn;

/**
 * One person, one name: speaker labels of a transcript that differ only by a title or honorific
 * ("Hon.", "Dr", "Professor"), letters after the name ("AM", "MP"), a part in brackets ("(Leader of
 * the Opposition)"), full stops, spacing or case name one speaker, and are merged into the label
 * used most; where no role is known, the part in brackets becomes the speaker's role. A title is
 * dropped only where a first name and a surname remain, so "Mr Smith" and "Mrs Smith" stay two
 * people. Labels a manifest lists as speakers of their own are never merged with each other: that
 * is how a researcher keeps two people apart.
 */
final class SpeakerVariants {
  private SpeakerVariants() {}

  /** What labels of one person have in common: lower case, no brackets, titles or letters after. */
  static String identity(String label) {
    String key = Manifest.key(label).replaceAll("\\s*\\([^()]*\\)", " ").strip();
    List<String> words = NameWords.bare(List.of(key.split(" ")), 2);
    return String.join(" ", words).replace(",", "");
  }

  private static final Pattern BRACKETED = Pattern.compile("\\(([^()]+)\\)");

  /** The part of {@code label} in brackets ("Leader of the Opposition"), or "". */
  private static String bracketed(String label) {
    Matcher m = BRACKETED.matcher(label);
    return m.find() ? m.group(1).strip() : "";
  }

  /**
   * {@code transcript} with each group of variant labels merged into one speaker; {@code keptApart}
   * holds the {@link Manifest#key keys} of the names a manifest lists.
   */
  static Transcript merge(Transcript transcript, Set<String> keptApart) {
    Map<String, Long> turnsOf =
        transcript.turns().stream()
            .collect(
                Collectors.groupingBy(Turn::speaker, LinkedHashMap::new, Collectors.counting()));
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String label : turnsOf.keySet()) {
      groups.computeIfAbsent(identity(label), k -> new ArrayList<>()).add(label);
    }
    Map<String, String> nameOf = new LinkedHashMap<>();
    Map<String, List<String>> variantsOf = new LinkedHashMap<>();
    for (List<String> labels : groups.values()) {
      long listed = labels.stream().map(Manifest::key).filter(keptApart::contains).count();
      if (labels.size() == 1 || listed > 1) {
        labels.forEach(l -> nameOf.put(l, l));
        continue;
      }
      String name =
          labels.stream()
              .filter(l -> listed == 0 || keptApart.contains(Manifest.key(l)))
              .max(
                  Comparator.comparingLong((String l) -> turnsOf.get(l))
                      .thenComparing(l -> !l.contains("("))
                      .thenComparing(l -> !l.equals(l.toUpperCase(Locale.ROOT)))
                      .thenComparing(Comparator.comparingInt(String::length).reversed()))
              .orElseThrow();
      labels.forEach(l -> nameOf.put(l, name));
      variantsOf.put(name, labels.stream().filter(l -> !l.equals(name)).toList());
    }
    if (variantsOf.isEmpty()) {
      return transcript;
    }
    List<Turn> turns =
        transcript.turns().stream().map(t -> t.withSpeaker(nameOf.get(t.speaker()))).toList();
    Map<String, Participant> participants = new LinkedHashMap<>();
    for (Turn turn : transcript.turns()) {
      String name = nameOf.get(turn.speaker());
      Participant known = participants.get(name);
      String role = transcript.roleOf(turn.speaker());
      if (role.isEmpty() && variantsOf.containsKey(name)) {
        role = bracketed(turn.speaker());
      }
      if (known == null || (known.role().isEmpty() && !role.isEmpty())) {
        participants.put(
            name, new Participant(name, role, variantsOf.getOrDefault(name, List.of())));
      }
    }
    return new Transcript(
        transcript.id(),
        transcript.source(),
        transcript.format(),
        transcript.caseName(),
        transcript.attributes(),
        List.copyOf(participants.values()),
        transcript.text(),
        turns);
  }
}
