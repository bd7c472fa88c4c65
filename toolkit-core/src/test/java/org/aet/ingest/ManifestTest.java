package org.aet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.io.Registry;
import org.aet.model.Participant;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
  private static final Registry<TranscriptReader> READERS = TranscriptReader.registry();
  private static final String TALK =
      "Dr Jane Smith: We paid people.\nJANE SMITH: Eventually.\nJane: Sorry.\n"
          + "Interviewer: Why?\nI: And then?\n";

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Transcript read(Corpus corpus, int index) throws InputException {
    return corpus.read(corpus.entries().get(index)).transcript();
  }

  @Test
  void csvManifestGivesCasesAttributesRolesAndAliases(@TempDir Path dir) throws Exception {
    write(dir.resolve("folder-a/one.txt"), TALK);
    write(dir.resolve("folder-a/two.txt"), "I: Hello.\nJane Smith: Hi.\n");
    write(
        dir.resolve("corpus.csv"),
        "file,case,date,site\nfolder-a/one.txt,Northbrook,2019-03-14,urban\n"
            + "folder-a/two.txt,Riverside,2019-04-02,\n");
    write(
        dir.resolve("speakers.csv"),
        "name,role,aliases,file\n"
            + "Jane Smith,senior leader,Dr Jane Smith; JANE SMITH ; Jane,\n"
            + "Helen Ward,researcher,Interviewer;I,folder-a/one.txt\n");
    Corpus corpus = Corpus.discover(List.of(dir), READERS);
    assertEquals(dir.resolve("corpus.csv"), corpus.manifest().path());
    assertEquals(2, corpus.entries().size(), "the manifest files are not read as transcripts");
    assertTrue(corpus.warnings().isEmpty());
    Transcript one = read(corpus, 0);
    assertEquals("Northbrook", one.caseName());
    assertEquals(Map.of("date", "2019-03-14", "site", "urban"), one.attributes());
    assertEquals(
        List.of("Jane Smith", "Jane Smith", "Jane Smith", "Helen Ward", "Helen Ward"),
        one.turns().stream().map(Turn::speaker).toList());
    assertEquals(
        List.of(
            new Participant("Jane Smith", "senior leader"),
            new Participant("Helen Ward", "researcher")),
        one.participants());
    Transcript two = read(corpus, 1);
    assertEquals("Riverside", two.caseName());
    assertEquals(
        List.of("I", "Jane Smith"),
        two.turns().stream().map(Turn::speaker).toList(),
        "an alias limited to one file does not apply to another");
  }

  @Test
  void jsonManifestWorksTheSameWay(@TempDir Path dir) throws Exception {
    write(dir.resolve("t/one.txt"), TALK);
    write(
        dir.resolve("m.json"),
        """
        {"transcripts": [{"file": "t/one.txt", "case": "Eastmoor", "date": "2019-05-21",
                          "attributes": {"site": "rural"}},
                         {"file": "t/missing.txt", "case": "Nowhere"}],
         "speakers": [{"name": "Jane Smith", "role": "senior leader",
                       "aliases": ["Dr Jane Smith", "JANE SMITH", "Jane"]}]}
        """);
    Corpus corpus =
        Corpus.discover(
            List.of(dir.resolve("t")), READERS, new Corpus.Options(dir.resolve("m.json"), false));
    Transcript one = read(corpus, 0);
    assertEquals("Eastmoor", one.caseName());
    assertEquals(Map.of("date", "2019-05-21", "site", "rural"), one.attributes());
    assertEquals("senior leader", one.roleOf("Jane Smith"));
    List<Diagnostic> warnings = corpus.warnings();
    assertEquals(1, warnings.size());
    assertEquals(3, warnings.get(0).line());
    assertTrue(warnings.get(0).message().contains("\"t/missing.txt\""), warnings.get(0).message());
  }

  @Test
  void manifestErrorsNameTheirLine(@TempDir Path dir) throws Exception {
    write(dir.resolve("t/one.txt"), TALK);
    write(dir.resolve("corpus.csv"), "path,case\nt/one.txt,A\n");
    InputException e =
        assertThrows(InputException.class, () -> Corpus.discover(List.of(dir), READERS));
    assertTrue(
        e.getMessage()
            .startsWith(
                dir.resolve("corpus.csv")
                    + ":1:1: error: expected a header row with a"
                    + " \"file\" column"),
        e.getMessage());
  }

  @Test
  void aFileListedTwiceIsAnErrorNamingBothLines(@TempDir Path dir) throws Exception {
    write(dir.resolve("t/one.txt"), TALK);
    write(dir.resolve("corpus.csv"), "file,case\nt/one.txt,A\nt/./one.txt,B\n");
    String message =
        assertThrows(InputException.class, () -> Corpus.discover(List.of(dir), READERS))
            .getMessage();
    assertTrue(message.startsWith(dir.resolve("corpus.csv") + ":3:1: error:"), message);
    assertTrue(message.contains("line 2"), message);

    write(
        dir.resolve("corpus.json"),
        "{\"transcripts\": [{\"file\": \"t/one.txt\", \"case\": \"A\"},\n"
            + " {\"file\": \"t/one.txt\", \"case\": \"B\"}]}");
    message =
        assertThrows(InputException.class, () -> Manifest.load(dir.resolve("corpus.json")))
            .getMessage();
    assertTrue(message.startsWith(dir.resolve("corpus.json") + ":2:"), message);
  }

  @Test
  void anImpossibleDateIsAnErrorWithItsColumn(@TempDir Path dir) throws Exception {
    write(dir.resolve("t/one.txt"), TALK);
    write(dir.resolve("corpus.csv"), "file,case,date\nt/one.txt,A,2019-13-45\n");
    String message =
        assertThrows(InputException.class, () -> Corpus.discover(List.of(dir), READERS))
            .getMessage();
    assertTrue(message.startsWith(dir.resolve("corpus.csv") + ":2:13: error:"), message);
    assertTrue(message.contains("2019-13-45"), message);
    write(dir.resolve("corpus.csv"), "file,case,date\nt/one.txt,A,2019-02-29\n");
    assertThrows(InputException.class, () -> Corpus.discover(List.of(dir), READERS));
    write(dir.resolve("corpus.csv"), "file,case,date\nt/one.txt,A,2020-02-29\n");
    assertEquals(
        "2020-02-29", read(Corpus.discover(List.of(dir), READERS), 0).attributes().get("date"));
  }

  @Test
  void listedSpeakersNamingEachOtherAreNeverMerged(@TempDir Path dir) throws Exception {
    write(dir.resolve("t/one.txt"), "Jane Smith: Hello.\nHelen Ward: Hi.\n");
    write(
        dir.resolve("speakers.csv"),
        "name,role,aliases\nJane Smith,leader,Helen Ward\nHelen Ward,researcher,Jane Smith\n");
    String message =
        assertThrows(InputException.class, () -> Corpus.discover(List.of(dir), READERS))
            .getMessage();
    assertTrue(message.startsWith(dir.resolve("speakers.csv") + ":3:23: error:"), message);
    assertTrue(message.contains("Jane Smith (line 2)"), message);

    write(
        dir.resolve("speakers.csv"),
        "name,role,aliases\nJane Smith,leader,JS;Jane\nHelen Ward,researcher,jane\n");
    message =
        assertThrows(InputException.class, () -> Corpus.discover(List.of(dir), READERS))
            .getMessage();
    assertTrue(message.contains(":3:"), message);
    assertTrue(message.contains("Jane Smith"), message);
  }

  @Test
  void strictTurnsWarningsIntoErrors(@TempDir Path dir) throws Exception {
    write(dir.resolve("one.txt"), "A heading without a speaker\nJane: hello\n");
    Corpus lenient = Corpus.discover(List.of(dir), READERS);
    assertEquals(1, lenient.read(lenient.entries().get(0)).warnings().size());
    Corpus strict = Corpus.discover(List.of(dir), READERS, new Corpus.Options(null, true));
    InputException e =
        assertThrows(InputException.class, () -> strict.read(strict.entries().get(0)));
    assertTrue(e.diagnostics().get(0).isError());
    assertTrue(
        e.getMessage().contains(":1:1: error: text before the first speaker label"),
        e.getMessage());
    assertTrue(e.getMessage().contains("(an error with --strict)"), e.getMessage());
  }
}
