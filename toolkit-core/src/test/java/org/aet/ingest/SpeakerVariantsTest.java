package org.aet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aet.model.Participant;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeakerVariantsTest {
  private static final String HEARING =
      """
      Hon. Andrew Scheer (Leader of the Opposition): Thank you, Mr Speaker.
      Hon. Andrew Scheer: The government has not answered.
      Hon. Andrew Scheer: It has not.
      Right Hon. Justin Trudeau (Prime Minister): We have answered.
      Rt. Hon. Justin Trudeau: Again, we have.
      JANE SMITH: I run the partnership.
      Jane Smith: We pay our contributors.
      Lynne Neagle AM: Welcome.
      Lynne Neagle: Thank you all.
      Professor Jean White: I chair the board.
      Jean White: As I said.
      Mr Smith: I am the treasurer.
      Mrs Smith: I am the secretary.
      Dr Jane Wood: I lead research.
      Dr John Wood: I lead practice.
      """;

  @Test
  void labelsDifferingByTitleBracketsLettersOrCaseAreOneSpeaker(@TempDir Path dir)
      throws Exception {
    Transcript t = read(dir, null);
    assertEquals(
        List.of(
            "Hon. Andrew Scheer",
            "Rt. Hon. Justin Trudeau",
            "Jane Smith",
            "Lynne Neagle",
            "Jean White",
            "Mr Smith",
            "Mrs Smith",
            "Dr Jane Wood",
            "Dr John Wood"),
        t.participants().stream().map(Participant::name).toList(),
        "Mr and Mrs Smith, Jane and John Wood stay apart");
    assertEquals(
        List.of("Hon. Andrew Scheer (Leader of the Opposition)"),
        t.variantsOf("Hon. Andrew Scheer"));
    assertEquals("Leader of the Opposition", t.roleOf("Hon. Andrew Scheer"), "the bracketed role");
    assertEquals(List.of("JANE SMITH"), t.variantsOf("Jane Smith"));
    assertEquals(List.of("Lynne Neagle AM"), t.variantsOf("Lynne Neagle"));
    assertEquals(List.of("Professor Jean White"), t.variantsOf("Jean White"));
    assertEquals(List.of(), t.variantsOf("Mr Smith"));
    assertEquals(15, t.turns().size(), "no turn lost");
    assertEquals("Hon. Andrew Scheer", t.turns().get(0).speaker());
    assertEquals(
        "Thank you, Mr Speaker.", t.turns().get(0).span().of(t.text()), "the text is untouched");
  }

  @Test
  void aSpeakersFileOnItsOwnGivesRolesAndKeepsListedPeopleApart(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("speakers.csv"),
        """
        name,role,aliases
        Lynne Neagle,chair,
        Lynne Neagle AM,member,
        Jane Smith,senior leader,Smith J
        """);
    Transcript t = read(dir, null);
    Map<String, String> roles =
        t.participants().stream().collect(Collectors.toMap(Participant::name, Participant::role));
    assertEquals("senior leader", roles.get("Jane Smith"), "speakers.csv without corpus.csv");
    assertEquals("chair", roles.get("Lynne Neagle"));
    assertEquals("member", roles.get("Lynne Neagle AM"), "listed apart, kept apart");
    assertEquals(
        2,
        t.turns().stream().filter(turn -> turn.speaker().equals("Jane Smith")).count(),
        "the manifest's name, whatever the case of the label");
    assertEquals(
        List.of("Hon. Andrew Scheer (Leader of the Opposition)"),
        t.variantsOf("Hon. Andrew Scheer"),
        "unlisted variants still merge");
  }

  @Test
  void theIdentityOfALabel() {
    assertEquals("andrew scheer", SpeakerVariants.identity("Hon. Andrew Scheer (Leader of X)"));
    assertEquals("jane smith", SpeakerVariants.identity("Dr. JANE  SMITH MP"));
    assertEquals("mr smith", SpeakerVariants.identity("Mr. Smith"), "a title stays with a surname");
    assertEquals("the chair", SpeakerVariants.identity("The Chair"));
  }

  private static Transcript read(Path dir, Path manifest) throws Exception {
    Files.writeString(dir.resolve("hearing.txt"), HEARING);
    Corpus corpus =
        Corpus.discover(
            List.of(dir), TranscriptReader.registry(), new Corpus.Options(manifest, false));
    Transcript t = corpus.read(corpus.entries().get(0)).transcript();
    assertEquals(
        HEARING.lines().count(),
        t.turns().stream().map(Turn::index).distinct().count(),
        "every line a turn");
    return t;
  }
}
