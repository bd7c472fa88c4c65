package org.aet.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.nlp.Annotator;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.testing.Golden;
import org.aet.testing.Shared;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CodebookValidationTest {
  private static final Path INVALID = Golden.sourceResources().resolve("org/aet/codebook/invalid");

  /** Each invalid codebook reports every problem, as file:line:col, matching its golden file. */
  @TestFactory
  Stream<DynamicTest> invalidCodebooksReportEveryProblem() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(INVALID)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      InputException e =
                          assertThrows(InputException.class, () -> Codebooks.load(file));
                      String report =
                          e.diagnostics().stream()
                                  .map(d -> d.format().replace(INVALID + File.separator, ""))
                                  .collect(Collectors.joining("\n"))
                                  .replace(System.lineSeparator(), "\n")
                              + "\n";
                      Golden.check(file.resolveSibling(file.getFileName() + ".expected"), report);
                    }));
  }

  /**
   * Each valid codebook under warnings/ gets the warnings in its golden file (lemmas checked with
   * CoreNLP itself); the shipped codebooks get none.
   */
  @TestFactory
  Stream<DynamicTest> validCodebooksWarnAboutWhatIsProbablyNotMeant() throws IOException {
    Path folder = Golden.sourceResources().resolve("org/aet/codebook/warnings");
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    Annotator lemmatiser = CoreNlpAnnotator.shared();
    Stream<DynamicTest> warned =
        files.stream()
            .map(
                file ->
                    DynamicTest.dynamicTest(
                        file.getFileName().toString(),
                        () -> {
                          CodebookCheck check = Codebooks.check(file.toString(), lemmatiser);
                          String report =
                              check.warnings().stream()
                                      .map(d -> d.format().replace(folder + File.separator, ""))
                                      .collect(Collectors.joining("\n"))
                                      .replace(System.lineSeparator(), "\n")
                                  + "\n";
                          Golden.check(
                              file.resolveSibling(file.getFileName() + ".expected"), report);
                        }));
    Stream<DynamicTest> shipped =
        Codebooks.shipped().stream()
            .map(
                name ->
                    DynamicTest.dynamicTest(
                        "shipped " + name,
                        () ->
                            assertEquals(List.of(), Codebooks.check(name, lemmatiser).warnings())));
    return Stream.concat(warned, shipped);
  }

  @Test
  void theNewCodebookTemplateWarnsUntilItsGuidanceIsReplaced(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.json");
    org.aet.codebook.CodebookDocuments.write(CodebookTemplate.of("mine"), file);
    List<Diagnostic> warnings =
        Codebooks.check(file.toString(), CoreNlpAnnotator.shared()).warnings();
    long placeholders =
        warnings.stream().filter(w -> w.message().contains("guidance from")).count();
    assertEquals(warnings.size(), placeholders, warnings.toString());
    assertTrue(placeholders >= 20, "every field of the template: " + placeholders);
  }

  @Test
  void codesWithNothingToRecogniseThemByAreNamedBeforeCoding(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("bare.json"),
        """
        {"name": "bare", "codes": [
          {"id": "group", "name": "Group", "definition": "Gathers the others."},
          {"id": "ruled", "parent": "group", "name": "Ruled", "definition": "Has a rule.",
           "rules": {"lemmas": ["reimburse"]}},
          {"id": "exemplified", "parent": "group", "name": "Exemplified", "definition": "Examples.",
           "examples": ["We paid people for their time."]},
          {"id": "bare", "parent": "group", "name": "Bare", "definition": "Nothing else."}
        ]}
        """);
    Codebook book = Codebooks.load(dir.resolve("bare.json"));
    String semantic = CodebookCheck.unsuggestable(book, true).orElseThrow();
    assertTrue(semantic.startsWith("1 of the 4 codes of bare cannot be suggested"), semantic);
    assertTrue(semantic.contains(": group/bare."), semantic);
    String rulesOnly = CodebookCheck.unsuggestable(book, false).orElseThrow();
    assertTrue(rulesOnly.contains(": group/exemplified, group/bare."), rulesOnly);
    assertEquals(
        java.util.Optional.empty(),
        CodebookCheck.unsuggestable(Codebooks.load("four-tensions"), true),
        "every shipped code has rules or examples");
  }

  @Test
  void shippedCodebooksLoadByNameFromAnyFolder() throws AetException {
    Codebook book = Codebooks.load("four-tensions");
    assertEquals("four-tensions", book.name());
    assertEquals(
        List.of("narratives", "power", "language", "motivation-structure"),
        book.codes().stream().filter(Code::isTopLevel).map(Code::id).toList());
    assertEquals("power/reciprocity", book.path("reciprocity"));
    assertEquals("power", book.root("lack-of-reciprocity").id());
    assertEquals(12, book.version().length());
  }

  @Test
  void everyShippedCodeIsFullyDocumented() throws AetException {
    assertEquals(
        List.of("four-tensions", "involve-principles", "power", "coproduction-barriers-enablers"),
        Codebooks.shipped());
    for (String name : Codebooks.shipped()) {
      Codebook book = Codebooks.load(name);
      assertTrue(!book.description().isBlank(), name);
      for (Code code : book.codes()) {
        String what = name + "/" + code.id();
        assertTrue(
            !code.definition().isBlank()
                && !code.useWhen().isBlank()
                && !code.doNotUseWhen().isBlank(),
            what);
        assertTrue(code.examples().size() >= 2, what + " needs two examples");
        assertTrue(code.counterExamples().size() >= 1, what + " needs a counter-example");
        assertTrue(
            !code.rules().isEmpty() || book.children(code.id()).size() >= 2,
            what + " needs detection rules, or poles as children");
      }
    }
  }

  @Test
  void theIndexListsExactlyTheShippedFiles() throws IOException {
    Path folder = Shared.repositoryRoot().resolve("codebooks");
    List<String> files;
    try (Stream<Path> list = Files.list(folder)) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .map(n -> n.substring(0, n.length() - 5))
              .sorted()
              .toList();
    }
    assertEquals(files, Codebooks.shipped().stream().sorted().toList());
  }

  @Test
  void theJsonSchemaAcceptsExactlyTheKeysTheParserDoes() throws IOException {
    com.fasterxml.jackson.databind.JsonNode schema =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Shared.repositoryRoot().resolve("docs/codebook.schema.json").toFile());
    assertEquals(CodebookParser.CODEBOOK_KEYS, names(schema.get("properties")));
    assertEquals(CodebookParser.CODE_KEYS, names(schema.at("/$defs/code/properties")));
    assertEquals(CodebookParser.RULE_KEYS, names(schema.at("/$defs/rules/properties")));
    assertEquals(
        CodebookParser.WEIGHT_KEYS, names(schema.at("/$defs/rules/properties/weights/properties")));
  }

  private static java.util.Set<String> names(com.fasterxml.jackson.databind.JsonNode object) {
    java.util.Set<String> names = new java.util.HashSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void anUnknownNameListsWhatIsShipped() {
    AetException e = assertThrows(AetException.class, () -> Codebooks.load("four-tension"));
    assertEquals(
        "no codebook called \"four-tension\": aet ships four-tensions, involve-principles, power,"
            + " coproduction-barriers-enablers; or give the path of a codebook .json file",
        e.getMessage());
  }

  @Test
  void theVersionIsTheContentHash(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String json =
        "{\"name\": \"x\", \"codes\": [{\"id\": \"a\", \"name\": \"A\", \"definition\": \"d\"}]}";
    Files.writeString(dir.resolve("one.json"), json);
    Files.writeString(dir.resolve("two.json"), json);
    Files.writeString(dir.resolve("three.json"), json.replace("\"d\"", "\"e\""));
    String one = Codebooks.load(dir.resolve("one.json")).version();
    assertEquals(one, Codebooks.load(dir.resolve("two.json")).version());
    assertTrue(!one.equals(Codebooks.load(dir.resolve("three.json")).version()));
  }

  @Test
  void aCodebookMayExtendAnotherAndOverrideRemoveOrAddCodes(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("mine.json"),
        """
        {"name": "mine", "extends": "four-tensions", "remove": ["lack-of-reciprocity"],
         "codes": [
           {"id": "reciprocity", "parent": "power", "name": "Reciprocity (our version)",
            "definition": "Our narrower definition.", "rules": {"lemmas": ["reimburse"]}},
           {"id": "payment", "parent": "power", "name": "Payment", "definition": "Money for time."},
           {"id": "tokenistic", "name": "Tokenism (ours)", "definition": "Our words."},
           {"id": "realistic", "parent": "", "name": "Realism", "definition": "On its own."}
         ]}
        """);
    Codebook base = Codebooks.load("four-tensions");
    Codebook mine = Codebooks.load(dir.resolve("mine.json"));
    assertEquals(base.codes().size(), mine.codes().size(), "one removed, one added");
    assertEquals("Reciprocity (our version)", mine.code("reciprocity").name());
    assertEquals(
        base.codes().indexOf(base.code("reciprocity")),
        mine.codes().indexOf(mine.code("reciprocity")),
        "an override keeps its place");
    assertEquals("power/payment", mine.path("payment"));
    assertEquals("narratives", mine.code("tokenistic").parent(), "an override keeps the parent");
    assertTrue(mine.code("realistic").isTopLevel(), "\"parent\": \"\" moves it to the top");
    assertTrue(mine.codes().stream().noneMatch(c -> c.id().equals("lack-of-reciprocity")));
    Files.writeString(
        dir.resolve("loop.json"),
        "{\"name\": \"loop\", \"extends\": \"loop2.json\", \"codes\": []}");
    Files.writeString(
        dir.resolve("loop2.json"),
        "{\"name\": \"loop2\", \"extends\": \"loop.json\", \"codes\": []}");
    InputException loop =
        assertThrows(InputException.class, () -> Codebooks.load(dir.resolve("loop.json")));
    assertEquals(1, loop.diagnostics().size(), loop.getMessage());
    assertTrue(
        loop.getMessage().contains("in a loop: loop.json extends loop2.json extends loop.json"),
        loop.getMessage());
  }

  @Test
  void childrenMayComeBeforeTheirParentsInTheFile(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("b.json"),
        "{\"name\": \"x\", \"codes\": ["
            + "{\"id\": \"child\", \"parent\": \"top\", \"name\": \"C\", \"definition\": \"d\"},"
            + "{\"id\": \"top\", \"name\": \"T\", \"definition\": \"d\"}]}");
    Codebook book = Codebooks.load(dir.resolve("b.json"));
    assertEquals(List.of("top", "child"), book.codes().stream().map(Code::id).toList());
  }
}
