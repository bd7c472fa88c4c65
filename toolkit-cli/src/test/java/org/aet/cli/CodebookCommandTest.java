package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aet.cli.AetRunner.Result;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodebookCommandTest {
  @Test
  void listAndShow() {
    Result list = aet("codebook", "list");
    assertEquals(0, list.exit());
    for (String name :
        new String[] {
          "four-tensions", "involve-principles", "power", "coproduction-barriers-enablers"
        }) {
      assertTrue(list.out().contains(name), list.out());
    }
    Result show = aet("codebook", "show", "power", "--full");
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("Hidden power  [hidden-power]"), show.out());
    assertTrue(show.out().contains("counter: "), show.out());
    assertTrue(show.out().contains("> phrases: behind the scenes"), show.out());
  }

  @Test
  void aStudentCanScaffoldEditValidateAndExport(@TempDir Path dir) throws Exception {
    Path mine = dir.resolve("mine.json");
    Result created = aet("codebook", "new", "mine", "-o", mine.toString());
    assertEquals(0, created.exit(), created.err());
    Result valid = aet("codebook", "validate", mine.toString());
    assertEquals(0, valid.exit(), valid.err());
    assertTrue(valid.out().contains("valid: 3 codes (2 with detection rules)"), valid.out());
    Files.writeString(
        mine,
        Files.readString(mine)
            .replace(
                "\"definition\" : \"What a passage must say",
                "\"definiton\" : \"What a passage must say"));
    Result broken = aet("codebook", "validate", mine.toString());
    assertEquals(1, broken.exit());
    assertTrue(broken.err().contains("unknown key \"definiton\" in a code"), broken.err());
    assertTrue(
        broken
            .err()
            .matches(
                "(?s).*" + java.util.regex.Pattern.quote(mine.toString()) + ":\\d+:\\d+: error.*"),
        broken.err());
  }

  @Test
  void aStudentSeesWhatAChangeToTheRulesDid(@TempDir Path dir) throws Exception {
    Result shipped = aet("codebook", "test", "four-tensions");
    assertEquals(0, shipped.exit(), shipped.err());
    assertTrue(
        shipped.out().contains("the rules of 10 code(s) find 20 of 20 examples and 0 of 20"),
        shipped.out());
    Path mine = dir.resolve("mine.json");
    Files.writeString(
        mine,
        """
        {"name": "mine", "extends": "four-tensions", "remove": ["lack-of-reciprocity"],
         "codes": [
           {"id": "reciprocity", "name": "Reciprocity (ours)",
            "definition": "Recognition given.",
            "examples": ["We paid public contributors for their time."],
            "counter_examples": ["The award was a recognition of the chair's long career."],
            "rules": {"lemmas": ["recognition"], "phrases": ["paid public contributors"]}}
         ]}
        """);
    Result test = aet("codebook", "test", mine.toString());
    assertEquals(1, test.exit(), test.out() + test.err());
    assertTrue(
        test.out()
            .contains(
                "finds the counter-example: The award was a recognition of the chair's long career."
                    + "  through \"recognition\" (lemma \"recognition\")"),
        test.out());
    assertTrue(test.out().contains("power/reciprocity"), "the override kept its parent");
    Result diff = aet("codebook", "diff", mine.toString());
    assertEquals(0, diff.exit(), diff.err());
    String out = diff.out();
    assertTrue(out.contains("0 code(s) added, 1 removed, 1 changed"), out);
    assertTrue(out.contains("- power/lack-of-reciprocity  \"Lack of reciprocity\""), out);
    assertTrue(out.contains("~ power/reciprocity"), out);
    assertTrue(out.contains("name: \"Reciprocity\" -> \"Reciprocity (ours)\""), out);
    assertTrue(
        out.contains("rules: lemmas: + \"recognition\", - \"reciprocity\", - \"reciprocal\""), out);
    assertTrue(!out.contains("    parent:"), "the parent did not change: " + out);
    Result same = aet("codebook", "diff", "four-tensions", "four-tensions");
    assertTrue(same.out().contains("0 code(s) added, 0 removed, 0 changed"), same.out());
    Result alone = aet("codebook", "diff", "four-tensions");
    assertEquals(1, alone.exit());
    assertTrue(alone.err().contains("four-tensions does not extend another codebook"), alone.err());

    Path labelled = dir.resolve("labelled.jsonl");
    Files.writeString(
        labelled,
        """
        {"segment_id": "s1", "text": "We paid public contributors for their time.", "codes": ["reciprocity"]}
        {"segment_id": "s2", "text": "We gave recognition to the groups.", "codes": []}
        {"segment_id": "s3", "text": "Nobody was paid.", "codes": ["reciprocity"]}
        """);
    Result scored =
        aet("codebook", "test", mine.toString(), "--on", labelled.toString(), "--no-semantic");
    assertTrue(
        scored.out().contains("On " + labelled + " (3 segments), the detection rules alone"));
    assertTrue(
        scored.out().matches("(?s).*power/reciprocity +0\\.500 +0\\.500 +0\\.500 .*"),
        scored.out());
    assertTrue(scored.out().contains("over the 13 code(s) of mine"), scored.out());
    Path textless = dir.resolve("textless.jsonl");
    Files.writeString(textless, "{\"segment_id\": \"s1\", \"codes\": [\"reciprocity\"]}\n");
    Result refused = aet("codebook", "test", mine.toString(), "--on", textless.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("1 of 1 segments have no text"), refused.err());
  }

  @Test
  void exportToEveryFormatAndImportBack(@TempDir Path dir) throws Exception {
    for (String extension : new String[] {"md", "xlsx", "qdc", "json"}) {
      Path out = dir.resolve("four-tensions." + extension);
      Result result = aet("codebook", "export", "four-tensions", "-o", out.toString());
      assertEquals(0, result.exit(), result.err());
    }
    org.aet.codebook.Codebook original = org.aet.codebook.Codebooks.load("four-tensions");
    org.aet.codebook.Codebook json =
        org.aet.codebook.Codebooks.load(dir.resolve("four-tensions.json").toString());
    assertEquals(original.codes(), json.codes(), "the .json file is the codebook, whole");
    assertEquals(original.title(), json.title());
    assertEquals(original.sets(), json.sets());
    String markdown = Files.readString(dir.resolve("four-tensions.md"));
    assertTrue(markdown.contains("### 2.2 Reciprocity"));
    for (org.aet.codebook.Code code : original.codes()) {
      assertTrue(markdown.contains(code.name()), code.name());
      assertTrue(markdown.contains(code.definition()), code.name() + "'s definition");
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook(dir.resolve("four-tensions.xlsx").toFile())) {
      assertEquals(15, workbook.getSheet("Table").getPhysicalNumberOfRows());
    }
    Path back = dir.resolve("back.json");
    Result imported =
        aet(
            "codebook",
            "import",
            dir.resolve("four-tensions.qdc").toString(),
            "-o",
            back.toString(),
            "--name",
            "four-tensions");
    assertEquals(0, imported.exit(), imported.err());
    assertEquals("", imported.err(), "our own export comes back with its rules: no warning");
    assertEquals(0, aet("codebook", "validate", back.toString()).exit());
    Result coded =
        aet(
            "code",
            AetRunner.repositoryRoot().resolve("corpora/partnerships").toString(),
            "--codebook",
            back.toString(),
            "-o",
            dir.resolve("coded.csv").toString(),
            "-q");
    assertEquals(0, coded.exit(), coded.err());
    assertTrue(coded.out().contains("power/reciprocity"), coded.out());
  }

  @Test
  void messagesNeverSuggestWhatTheCommandRefuses(@TempDir Path dir) throws Exception {
    Path mine = dir.resolve("mine.json");
    assertEquals(0, aet("codebook", "new", "mine", "-o", mine.toString()).exit());
    Result again = aet("codebook", "new", "mine", "-o", mine.toString());
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("choose another name, or another file with -o"), again.err());
    assertTrue(!again.err().contains("--overwrite"), again.err());
    Result ours = aet("codebook", "import", mine.toString(), "-o", dir.resolve("x.md").toString());
    assertEquals(1, ours.exit());
    assertTrue(ours.err().contains("is an aet codebook already"), ours.err());
    assertTrue(!ours.err().contains("prolog"), ours.err());
  }

  @Test
  void aCodebookWriterDroppedInIsUsedByExportAndListedWhenTheNameIsWrong(@TempDir Path dir)
      throws Exception {
    Path list = dir.resolve("four-tensions.codes");
    Result written = aet("codebook", "export", "four-tensions", "-o", list.toString());
    assertEquals(0, written.exit(), written.err());
    assertTrue(
        Files.readString(list).lines().anyMatch("structural-issues"::equals),
        Files.readString(list));
    Result unknown =
        aet("codebook", "export", "four-tensions", "-o", dir.resolve("x.pdf").toString());
    assertEquals(2, unknown.exit(), unknown.err());
    assertTrue(
        unknown.err().contains(".codes"), "the refusal lists every writer: " + unknown.err());
  }
}
