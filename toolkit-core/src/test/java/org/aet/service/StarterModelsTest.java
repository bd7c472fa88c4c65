package org.aet.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.learning.LearnedModel;
import org.aet.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four-tensions starter model: what it says it was learned from, rebuilt, and kept fresh. */
class StarterModelsTest {
  private static final Path SHIPPED =
      Shared.repositoryRoot().resolve("codebooks/four-tensions" + StarterModels.SUFFIX);

  @TempDir Path temp;

  @Test
  void theShippedStarterModelIsForTheShippedCodebookAndSaysWhatItWasLearnedFrom() throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    // Fails when four-tensions.json is edited without rebuilding the model (see rebuildCommand).
    LearnedModel model = StarterModels.of(book);
    assertEquals(book.version(), model.codebookVersion());
    assertEquals(
        List.of("senedd-four-tensions-dev.jsonl", "senedd-four-tensions-set2.jsonl"),
        model.learnedFrom().stream().map(LearnedModel.Source::file).toList());
    assertEquals(1106, model.learnedFrom().stream().mapToInt(LearnedModel.Source::segments).sum());
    assertEquals(
        7, model.learnedFrom().stream().mapToInt(source -> source.transcripts().size()).sum());
    assertTrue(model.learnedFrom().get(1).transcripts().contains("education_3"));
    assertEquals(1106, model.trainingSegments());
    assertFalse(model.readsMeaning(), "the starter model reads words only");
    assertTrue(model.validation().contains("by transcript"), model.validation());
    assertEquals(
        "./aet train --codebook four-tensions"
            + " --from ../shared/gold/senedd-four-tensions-dev.jsonl"
            + " --from ../shared/gold/senedd-four-tensions-set2.jsonl"
            + " -o codebooks/four-tensions.starter.model --overwrite",
        StarterModels.rebuildCommand(model));
    assertArrayEquals(
        Files.readAllBytes(SHIPPED), bytesOf(model), "saving it again changes nothing");
  }

  @Test
  void aCodebookEditRetiresTheStarterModelInsteadOfUsingItSilently() throws Exception {
    String json = Files.readString(Shared.repositoryRoot().resolve("codebooks/four-tensions.json"));
    String edited = json.replaceFirst("\"definition\"\\s*:\\s*\"", "\"definition\": \"Edited. ");
    assertFalse(edited.equals(json), "the test edits a definition");
    Path file = temp.resolve("four-tensions.json");
    Files.writeString(file, edited);
    Codebook book = Codebooks.load(file.toString());
    assertEquals("four-tensions", book.name());
    // A user's edited copy (the shipped codebook is as the model knows it): refused, and told so,
    // without the developers' rebuild command.
    AetException copy = assertThrows(AetException.class, () -> StarterModels.of(book));
    assertTrue(
        copy.getMessage().contains("this one is version " + book.version()), copy.getMessage());
    assertTrue(copy.getMessage().contains("an edited copy"), copy.getMessage());
    assertFalse(copy.getMessage().contains("Rebuild it with"), copy.getMessage());
    AetException viaSource =
        assertThrows(AetException.class, () -> ModelSource.starter().load(book));
    assertEquals(copy.getMessage(), viaSource.getMessage());
    // The shipped codebook itself edited (as a developer's edit of codebooks/four-tensions.json
    // makes it): the shipped model is stale, and the message says how to rebuild it.
    LearnedModel model = StarterModels.shipped("four-tensions").orElseThrow();
    String refused = StarterModels.refusal(model, book, book.version());
    assertTrue(refused.contains("is now version " + book.version()), refused);
    assertTrue(refused.contains("it is not used"), refused);
    assertTrue(refused.contains("Rebuild it with: ./aet train"), refused);
    assertEquals(null, StarterModels.refusal(model, Codebooks.load("four-tensions"), ""));
  }

  @Test
  void aCodebookWithoutAStarterModelSaysSo() throws Exception {
    Codebook power = Codebooks.load("power");
    assertTrue(StarterModels.shipped("power").isEmpty());
    AetException none = assertThrows(AetException.class, () -> StarterModels.of(power));
    assertTrue(none.getMessage().contains("no starter model is shipped for the codebook power"));
  }

  private byte[] bytesOf(LearnedModel model) throws Exception {
    Path copy = temp.resolve("copy.model");
    model.save(copy);
    return Files.readAllBytes(copy);
  }
}
