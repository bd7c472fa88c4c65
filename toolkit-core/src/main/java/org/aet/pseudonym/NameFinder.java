package org.aet.pseudonym;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.aet.ingest.NameWords;
import org.aet.model.Participant;
import org.aet.model.Transcript;
import org.aet.nlp.EntityRecogniser;
import org.aet.pipeline.ProgressListener;
import org.aet.pseudonym.PseudonymKey.Decision;
import org.aet.pseudonym.PseudonymKey.Entry;

/**
 * Finds the names in a corpus and proposes a pseudonym for each one the key does not have yet:
 * speakers with every label and manifest alias they go by (and the name without its titles), the
 * case names, the researcher's always list, the people, organisations and places CoreNLP finds in
 * what was said, and the parts of people's names ("Helen" and "Ward" of "Helen Ward"), each given
 * its person's pseudonym. Names of one person share one pseudonym; names the key already has keep
 * theirs, so a corpus that grows keeps its pseudonyms.
 */
public final class NameFinder {
  /** CoreNLP probability below which a name is listed for a person to check. */
  public static final double CONFIDENT = 0.9;

  /** Speaker labels that say what someone is, not who: never replaced. */
  private static final Pattern ROLE_LABEL =
      Pattern.compile(
          "(?i)((the|y)\\s+)?(interviewer|moderator|facilitator|chair|chairperson|chairman"
              + "|chairwoman|cadeirydd|researcher|respondent|interviewee|participant|speaker|host"
              + "|co-?host|unknown|note-?taker|observer|translator|interpreter|clerk|witness|member"
              + "|audience|everyone|all|group|multiple speakers|unidentified( speaker)?|narrator"
              + "|voice|student|teacher|other|[a-z])(\\s*[a-z0-9]{1,3})?");

  /**
   * What was found besides the key itself.
   *
   * @param added names new to the key in this run
   * @param onlyInLabels speakers none of whose names (full, alias or part) occurs in what anyone
   *     said
   * @param unsure names CoreNLP found with a probability below {@link #CONFIDENT}, not reviewed yet
   * @param labelsKept speaker labels that name a role, not a person, left as they are
   * @param contexts up to three places each name occurs, as "transcript: ...words [name] words..."
   */
  public record Findings(
      List<Entry> added,
      List<String> onlyInLabels,
      List<Entry> unsure,
      List<String> labelsKept,
      Map<String, List<String>> contexts) {}

  /** The key with the names found added, and what was found. */
  public record Result(PseudonymKey key, Findings findings) {}

  /** Names that refer to one person, organisation or place, sharing one pseudonym. */
  private static final class Group {
    final NameKind kind;
    final boolean listed;
    final Map<String, String> foundBy = new LinkedHashMap<>();

    Group(NameKind kind, boolean listed) {
      this.kind = kind;
      this.listed = listed;
    }

    String first() {
      return foundBy.keySet().iterator().next();
    }
  }

  private final List<Group> groups = new ArrayList<>();

  /** Groups by {@link NameMatcher#fold}: names that differ only in case are one name. */
  private final Map<String, Group> byName = new HashMap<>();

  private final Map<String, Double> confidence = new HashMap<>();
  private final List<String> labelsKept = new ArrayList<>();

  private NameFinder() {}

  /**
   * Finds the names in {@code transcripts} and adds those new to {@code key}.
   *
   * @param aliases the manifest's other names for each speaker (by name), or empty
   * @param recogniser CoreNLP's entity recogniser, or null to use speakers and lists only
   */
  public static Result find(
      List<Transcript> transcripts,
      Map<String, List<String>> aliases,
      NameLists lists,
      PseudonymKey key,
      EntityRecogniser recogniser,
      ProgressListener progress) {
    NameFinder finder = new NameFinder();
    for (Transcript t : transcripts) {
      for (Participant p : t.participants()) {
        finder.addSpeaker(p, aliases.getOrDefault(p.name(), List.of()));
      }
    }
    for (Transcript t : transcripts) {
      if (looksLikeName(t.caseName())) {
        finder.add(t.caseName(), NameKind.ORGANISATION, "case name", false);
      }
    }
    for (NameLists.Listed listed : lists.always()) {
      finder.add(listed.name(), listed.kind(), "your list", true);
    }
    if (recogniser != null) {
      int done = 0;
      for (Transcript t : transcripts) {
        progress.progress("Finding names", done++, transcripts.size());
        for (EntityRecogniser.Entity e : recogniser.find(t.text())) {
          finder.addEntity(e);
        }
      }
      progress.progress("Finding names", done, transcripts.size());
    }
    finder.addParts();
    return finder.result(transcripts, lists, key);
  }

  private void addSpeaker(Participant p, List<String> manifestAliases) {
    if (!looksLikeName(p.name())) {
      if (!labelsKept.contains(p.name())) {
        labelsKept.add(p.name());
      }
      return;
    }
    Map<String, String> names = new LinkedHashMap<>();
    names.put(p.name(), "speaker label");
    p.variants().forEach(v -> names.putIfAbsent(v, "speaker label"));
    manifestAliases.forEach(a -> names.putIfAbsent(a, "manifest alias"));
    for (String name : List.copyOf(names.keySet())) {
      String bare = withoutTitles(name);
      if (!bare.equals(name)) {
        names.putIfAbsent(bare, "name without titles");
      }
    }
    names.keySet().removeIf(n -> !looksLikeName(n));
    Group group =
        names.keySet().stream()
            .map(this::groupOf)
            .filter(g -> g != null && g.kind == NameKind.SPEAKER)
            .findFirst()
            .orElseGet(() -> newGroup(NameKind.SPEAKER, false));
    names.forEach((name, how) -> claim(group, name, how));
  }

  private void add(String name, NameKind kind, String how, boolean listed) {
    String spaced = name.strip().replaceAll("\\s+", " ");
    Group existing = groupOf(spaced);
    if (existing == null) {
      claim(newGroup(kind, listed), spaced, how);
    } else if (!existing.foundBy.containsKey(spaced)) {
      claim(existing, spaced, how); // the same name in another case: the same person's
    } else if (listed && !existing.listed) {
      // The researcher's list says replace: it outranks a proposal.
      claim(newGroup(kind, true), spaced, how);
    }
  }

  private void addEntity(EntityRecogniser.Entity entity) {
    String name = withoutTitles(entity.text().replaceAll("\\s+", " ").strip());
    if (!looksLikeName(name)) {
      return;
    }
    confidence.merge(name, entity.confidence(), Math::max);
    if (groupOf(name) == null) {
      NameKind kind =
          switch (entity.type()) {
            case PERSON -> NameKind.PERSON;
            case ORGANIZATION -> NameKind.ORGANISATION;
            case LOCATION -> NameKind.PLACE;
          };
      claim(newGroup(kind, false), name, "CoreNLP");
    }
  }

  /**
   * Gives each part of a person's name its person's pseudonym: of speakers, and of people CoreNLP
   * is sure of (a part of "Young Wales", taken for a person at 0.43, would hide every "Young" that
   * starts a sentence). A name in capitals gives no parts: its words are found in capitals anyway.
   * A part shared by two people's names ("David" of "David Lyle" and "Hefin David") becomes a
   * person of its own, never either of them.
   */
  private void addParts() {
    Map<String, Set<Group>> owners = new LinkedHashMap<>();
    for (Group g : groups) {
      boolean person =
          g.kind == NameKind.SPEAKER
              || (g.kind == NameKind.PERSON
                  && (g.listed || !(confidence.getOrDefault(g.first(), 1.0) < CONFIDENT)));
      if (!person) {
        continue;
      }
      for (String name : g.foundBy.keySet()) {
        String[] words = name.split(" ");
        if (words.length < 2 || name.equals(name.toUpperCase(Locale.ROOT))) {
          continue;
        }
        for (String word : words) {
          if (isNamePart(word)) {
            owners.computeIfAbsent(word, w -> new LinkedHashSet<>()).add(g);
          }
        }
      }
    }
    owners.forEach(
        (part, groupsOfPart) -> {
          Group current = groupOf(part);
          boolean loose =
              current == null || (current.kind == NameKind.PERSON && current.foundBy.size() == 1);
          if (!loose) {
            return;
          }
          if (groupsOfPart.size() == 1) {
            Group owner = groupsOfPart.iterator().next();
            claim(owner, part, "part of " + owner.first());
          } else {
            List<String> whose = groupsOfPart.stream().map(Group::first).toList();
            claim(
                newGroup(NameKind.PERSON, false),
                part,
                "part of several names: " + String.join(", ", whose));
          }
        });
    groups.removeIf(g -> g.foundBy.isEmpty());
  }

  private Group newGroup(NameKind kind, boolean listed) {
    Group group = new Group(kind, listed);
    groups.add(group);
    return group;
  }

  /**
   * Puts {@code name} in {@code group}, taking it, in every spelling that differs only in case,
   * from the group that had it.
   */
  private void claim(Group group, String name, String how) {
    String folded = NameMatcher.fold(name);
    Group previous = byName.get(folded);
    if (previous != null && previous != group) {
      previous.foundBy.keySet().removeIf(n -> NameMatcher.fold(n).equals(folded));
    }
    group.foundBy.putIfAbsent(name, how);
    byName.put(folded, group);
  }

  private Group groupOf(String name) {
    return byName.get(NameMatcher.fold(name));
  }

  private Result result(List<Transcript> transcripts, NameLists lists, PseudonymKey key) {
    List<Entry> kept = new ArrayList<>();
    for (Entry e : key.entries()) {
      Decision decision = e.decision();
      if (isNever(lists, e.original())) {
        decision = Decision.REJECTED;
      } else if (isListed(e.original()) && decision != Decision.ACCEPTED) {
        decision = Decision.ACCEPTED;
      }
      kept.add(decision == e.decision() ? e : e.withDecision(decision, e.pseudonym()));
    }
    PseudonymKey old = new PseudonymKey(kept);
    Map<String, Entry> known = new HashMap<>();
    old.entries().forEach(e -> known.putIfAbsent(NameMatcher.fold(e.original()), e));
    List<Entry> added = new ArrayList<>();
    for (Group g : groups) {
      String pseudonym =
          g.foundBy.keySet().stream()
              .map(name -> known.get(NameMatcher.fold(name)))
              .filter(Objects::nonNull)
              .filter(e -> e.decision() != Decision.REJECTED && e.kind() == g.kind)
              .map(Entry::pseudonym)
              .findFirst()
              .orElse(null);
      for (Map.Entry<String, String> name : g.foundBy.entrySet()) {
        if (old.find(name.getKey()).isPresent()) {
          continue;
        }
        boolean never = isNever(lists, name.getKey());
        if (pseudonym == null) {
          pseudonym = old.next(g.kind, added);
        }
        Decision decision =
            never ? Decision.REJECTED : g.listed ? Decision.ACCEPTED : Decision.PROPOSED;
        added.add(
            new Entry(
                name.getKey(),
                pseudonym,
                g.kind,
                name.getValue(),
                g.kind == NameKind.SPEAKER || g.listed
                    ? Double.NaN
                    : confidence.getOrDefault(name.getKey(), Double.NaN),
                decision,
                0,
                ""));
      }
    }
    List<Entry> all = new ArrayList<>(old.entries());
    all.addAll(added);
    Occurrences found = Occurrences.count(transcripts, all);
    List<Entry> counted = all.stream().map(found::update).toList();
    List<Entry> addedCounted = counted.subList(old.entries().size(), counted.size());
    Map<String, List<Entry>> speakers = new LinkedHashMap<>();
    counted.stream()
        .filter(e -> e.kind() == NameKind.SPEAKER && e.decision() != Decision.REJECTED)
        .forEach(e -> speakers.computeIfAbsent(e.pseudonym(), p -> new ArrayList<>()).add(e));
    List<String> onlyInLabels =
        speakers.values().stream()
            .filter(names -> names.stream().allMatch(e -> found.spoken(e.original()) == 0))
            .filter(names -> names.stream().anyMatch(e -> found.labelled(e.original()) > 0))
            .map(names -> names.get(0).original())
            .toList();
    List<Entry> unsure =
        counted.stream()
            .filter(e -> e.decision() == Decision.PROPOSED && e.confidence() < CONFIDENT)
            .toList();
    return new Result(
        new PseudonymKey(counted),
        new Findings(
            List.copyOf(addedCounted),
            onlyInLabels,
            unsure,
            List.copyOf(labelsKept),
            found.contexts()));
  }

  /** True when {@code name} is on the never list, in whatever case. */
  private static boolean isNever(NameLists lists, String name) {
    String folded = NameMatcher.fold(name);
    return lists.never().stream().anyMatch(n -> NameMatcher.fold(n).equals(folded));
  }

  private boolean isListed(String name) {
    Group g = groupOf(name);
    return g != null && g.listed;
  }

  /**
   * True when {@code text} could be someone's or something's name: a capitalised word of two or
   * more letters that is not a title, no digits, and not a label for a role ("Interviewer", "P1",
   * "Speaker 2").
   */
  static boolean looksLikeName(String text) {
    String s = text.strip();
    if (s.length() < 2 || s.length() > 100 || s.chars().anyMatch(Character::isDigit)) {
      return false;
    }
    if (ROLE_LABEL.matcher(s).matches()) {
      return false;
    }
    for (String word : s.split("\\s+")) {
      if (isCapitalised(word) && !NameWords.isTitle(word) && !NameWords.isLettersAfter(word)) {
        return true;
      }
    }
    return false;
  }

  /** A word of a name worth hiding on its own: capitalised, three letters or more, not a title. */
  private static boolean isNamePart(String word) {
    String letters = word.replaceAll("[^\\p{L}]", "");
    return letters.length() >= 3
        && isCapitalised(word)
        && !NameWords.isTitle(word)
        && !NameWords.isLettersAfter(word)
        && !word.contains("(");
  }

  private static boolean isCapitalised(String word) {
    String letters = word.replaceAll("[^\\p{L}]", "");
    return letters.length() >= 2 && Character.isUpperCase(letters.codePointAt(0));
  }

  /** {@code name} without leading titles and trailing letters, where a word of it remains. */
  static String withoutTitles(String name) {
    List<String> words = NameWords.bare(List.of(name.strip().split("\\s+")), 1);
    String bare = String.join(" ", words).replaceAll("\\s*\\([^()]*\\)$", "").strip();
    return bare.isEmpty() || bare.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
        ? name
        : bare;
  }
}
