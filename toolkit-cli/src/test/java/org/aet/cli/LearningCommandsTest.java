package org.aet.cli;

import static org.aet.cli.AetRunner.aet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aet.cli.AetRunner.Result;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train, code with a model, the review queue, labelled output and evaluate, through the command
 * line.
 */
class LearningCommandsTest {
  private static final Path SAMPLE = AetRunner.repositoryRoot().resolve("corpora/partnerships");

  @Test
  void seedAModelFromTheCodebookCodeWithItAndEvaluate(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("starter.model");
    Result trained =
        aet(
            "train",
            "--codebook",
            "four-tensions",
            "--from-examples",
            "-o",
            model.toString(),
            "--cache",
            dir.resolve("cache").toString());
    assertEquals(0, trained.exit(), trained.err());
    assertTrue(
        trained
            .out()
            .contains(
                "Trained 14 code model(s) on 52 segment(s) with logistic, reading their words."),
        trained.out());
    assertTrue(
        trained
            .out()
            .contains(
                "Cross-validation, 5-fold by transcript over 52 transcripts (a transcript's turns"
                    + " are never split) (seed 42); each fold judged at thresholds chosen on the"
                    + " others:"),
        trained.out());
    assertTrue(
        trained.out().contains("threshold precision  recall      F1   kappa"), trained.out());
    assertTrue(
        trained.out().contains("Baseline: a TF-IDF linear SVM on the same features and folds"),
        trained.out());
    assertTrue(trained.out().contains("micro average"), trained.out());
    assertTrue(trained.out().contains("macro average"), trained.out());

    Path coded = dir.resolve("coded.jsonl");
    Path labels = dir.resolve("machine.jsonl");
    Path queue = dir.resolve("queue.csv");
    Result result =
        aet(
            "code",
            SAMPLE.toString(),
            "--model",
            model.toString(),
            "--labels",
            labels.toString(),
            "--queue",
            queue.toString(),
            "-o",
            coded.toString(),
            "-q");
    assertEquals(0, result.exit(), result.err());
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> learned =
        Files.readAllLines(coded).stream()
            .map(l -> read(mapper, l))
            .filter(j -> j.get("source").asText().equals("learned"))
            .toList();
    assertTrue(!learned.isEmpty(), "the seeded model suggests something");
    for (JsonNode coding : learned) {
      assertEquals("suggested", coding.get("status").asText());
      assertTrue(coding.get("evidence").size() > 0, "every learned suggestion shows its words");
      assertTrue(coding.get("evidence").get(0).get("rule").asText().startsWith("learned"));
    }
    List<String> queued =
        Files.readAllLines(queue).stream().filter(l -> l.matches("^\\d+,.*")).toList();
    assertEquals(82 * 14, queued.size(), "every segment scored for every code");
    double first = Double.parseDouble(queued.get(0).split(",")[1]);
    double last = Double.parseDouble(queued.get(queued.size() - 1).split(",")[1]);
    assertTrue(first >= last, "most uncertain first");

    Result perfect = aet("evaluate", "--gold", labels.toString(), "--predicted", labels.toString());
    assertEquals(0, perfect.exit(), perfect.err());
    assertTrue(perfect.out().contains("Scored 82 gold segment(s)."), perfect.out());
    assertTrue(
        perfect.out().matches("(?s).*micro average\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+1\\.000.*"),
        perfect.out());

    Path report = dir.resolve("report.xlsx");
    Result scored =
        aet(
            "evaluate",
            "--gold",
            labels.toString(),
            "--predicted",
            coded.toString(),
            "--level",
            "parent",
            "-o",
            report.toString());
    assertEquals(0, scored.exit(), scored.err());
    try (XSSFWorkbook workbook = new XSSFWorkbook(report.toFile())) {
      assertEquals(
          "Cohen's kappa", workbook.getSheet("Per code").getRow(0).getCell(4).getStringCellValue());
    }
    Path jsonl = dir.resolve("report.jsonl");
    assertEquals(
        0,
        aet(
                "evaluate",
                "--gold",
                labels.toString(),
                "--predicted",
                coded.toString(),
                "-o",
                jsonl.toString())
            .exit());
    JsonNode code = mapper.readTree(Files.readAllLines(jsonl).get(0));
    for (String field : List.of("code", "precision", "recall", "f1", "kappa", "support")) {
      assertTrue(code.has(field), field);
    }
  }

  @Test
  void leaveOneOutJudgesEachTranscriptOnTheTeamsOwnCoding(@TempDir Path dir) throws Exception {
    String[] topics = {"the ferry timetable", "the library budget", "the orchard grant"};
    List<String> lines = new ArrayList<>();
    for (int t = 0; t < topics.length; t++) {
      for (int turn = 0; turn < 4; turn++) {
        boolean coded = turn < 2;
        lines.add(
            String.format(
                "{\"segment_id\": \"hearing_%d@%d-%d\", \"text\": \"%s\", \"codes\": %s}",
                t,
                turn * 100,
                turn * 100 + 50,
                coded
                    ? "The funding system around " + topics[t] + " does not allow us to plan."
                    : "Thank you, we will now hear about " + topics[t] + ".",
                coded ? "[\"motivation-structure/structural-issues\"]" : "[]"));
      }
    }
    Path labels = dir.resolve("team.jsonl");
    Files.write(labels, lines);
    Path report = dir.resolve("trial.xlsx");
    Result trial =
        aet(
            "evaluate",
            "--leave-one-out",
            "--codebook",
            "four-tensions",
            "--from",
            labels.toString(),
            "-o",
            report.toString(),
            "--cache",
            dir.resolve("cache").toString());
    assertEquals(0, trial.exit(), trial.err());
    assertTrue(
        trial
            .out()
            .contains("Each of 3 transcripts judged by what was learned without it (12 labelled"),
        trial.out());
    assertTrue(trial.out().contains("The codebook alone"), trial.out());
    assertTrue(trial.out().contains("A model learned from the other transcripts"), trial.out());
    assertTrue(trial.out().contains("Confidence shown against the share right"), trial.out());
    assertTrue(trial.out().matches("(?s).*structural-issues .*pooled .*"), trial.out());
    assertTrue(
        trial.out().contains("The codebook and that model together (as aet code --model suggests)"),
        trial.out());
    // four-tensions has a starter model, learned from none of these hearings: it is judged on all
    // of them, with the codebook, and the trial says whether it passes the rule.
    assertTrue(
        trial
            .out()
            .contains("The codebook with the starter model (1106 segments learned elsewhere)"),
        trial.out());
    assertTrue(
        trial
            .out()
            .matches("(?s).*The starter model with the codebook (passes|does not pass) the rule.*"),
        trial.out());
    try (XSSFWorkbook workbook = new XSSFWorkbook(report.toFile())) {
      assertEquals(
          "Cohen's kappa", workbook.getSheet("Scores").getRow(0).getCell(6).getStringCellValue());
      assertEquals(
          "Share right",
          workbook.getSheet("Reliability").getRow(0).getCell(5).getStringCellValue());
    }
  }

  @Test
  void leaveOneOutNeedsLabelledSegmentsAndACodebook(@TempDir Path dir) {
    Result without = aet("evaluate", "--leave-one-out", "--codebook", "four-tensions");
    assertEquals(2, without.exit());
    assertTrue(
        without.err().contains("--leave-one-out needs --codebook and --from"), without.err());
    Result neither = aet("evaluate");
    assertEquals(2, neither.exit());
    assertTrue(neither.err().contains("give --gold FILE and --predicted FILE"), neither.err());
  }

  @Test
  void trainingNeedsSomethingToLearnFrom(@TempDir Path dir) {
    Result none =
        aet("train", "--codebook", "four-tensions", "-o", dir.resolve("m.model").toString());
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("--from-examples"), none.err());
  }

  private static JsonNode read(ObjectMapper mapper, String line) {
    try {
      return mapper.readTree(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void foldsKeepATranscriptTogetherUnlessAskedToSplitItAndThenSayItLeaks(@TempDir Path dir)
      throws Exception {
    StringBuilder lines = new StringBuilder();
    String[] talk = {"We paid the members for their time.", "The meeting started at ten."};
    for (int i = 0; i < 12; i++) {
      lines.append(
          String.format(
              "{\"segment_id\": \"hearing@%d-%d\", \"text\": \"%s\", \"codes\": [%s]}%n",
              i * 10, i * 10 + 9, talk[i % 2], i % 2 == 0 ? "\"power/reciprocity\"" : ""));
    }
    Path labelled = dir.resolve("one-hearing.jsonl");
    Files.writeString(labelled, lines);
    String cache = dir.resolve("cache").toString();
    Result whole =
        aet(
            "train",
            "-c",
            "four-tensions",
            "--from",
            labelled.toString(),
            "-o",
            dir.resolve("a.model").toString(),
            "--cache",
            cache);
    assertEquals(0, whole.exit(), whole.err());
    assertTrue(
        whole.out().contains("Not cross-validated: the segments come from one transcript"),
        whole.out());
    Result split =
        aet(
            "train",
            "-c",
            "four-tensions",
            "--from",
            labelled.toString(),
            "--split-transcripts",
            "-o",
            dir.resolve("b.model").toString(),
            "--cache",
            cache);
    assertEquals(0, split.exit(), split.err());
    assertTrue(
        split.out().contains("5-fold by segment: turns of one transcript are split"), split.out());
    assertTrue(split.out().contains("LEAK"), split.out());
  }

  @Test
  void aThresholdBelowOneHalfIsHonouredAndNonsenseThresholdsAreUsageErrors(@TempDir Path dir)
      throws Exception {
    Path model = dir.resolve("starter.model");
    String cache = dir.resolve("cache").toString();
    assertEquals(
        0,
        aet(
                "train",
                "-c",
                "four-tensions",
                "--from-examples",
                "-o",
                model.toString(),
                "--cache",
                cache,
                "--folds",
                "0")
            .exit());
    long[] learned = new long[2];
    String[] thresholds = {"0.5", "0.2"};
    for (int i = 0; i < 2; i++) {
      Path out = dir.resolve("coded-" + i + ".jsonl");
      Result result =
          aet(
              "code",
              SAMPLE.toString(),
              "--no-semantic",
              "--model",
              model.toString(),
              "--min-probability",
              thresholds[i],
              "-o",
              out.toString(),
              "-q");
      assertEquals(0, result.exit(), result.err());
      learned[i] = Files.readAllLines(out).stream().filter(l -> l.contains("\"learned\"")).count();
    }
    assertTrue(
        learned[1] > learned[0], "0.2 keeps more than 0.5: " + learned[0] + " vs " + learned[1]);

    for (String[] bad :
        new String[][] {
          {
            "code",
            SAMPLE.toString(),
            "--min-probability",
            "0",
            "-o",
            dir.resolve("x.jsonl").toString()
          },
          {
            "code",
            SAMPLE.toString(),
            "--min-probability",
            "1.5",
            "-o",
            dir.resolve("x.jsonl").toString()
          },
          {"code", SAMPLE.toString(), "--floor", "2", "-o", dir.resolve("x.jsonl").toString()},
          {
            "train",
            "-c",
            "power",
            "--from-examples",
            "--folds",
            "1",
            "-o",
            dir.resolve("y.model").toString()
          },
          {
            "train",
            "-c",
            "power",
            "--from-examples",
            "--folds",
            "-3",
            "-o",
            dir.resolve("y.model").toString()
          }
        }) {
      Result result = aet(bad);
      assertEquals(2, result.exit(), String.join(" ", bad) + ": " + result.err());
      assertFalse(Files.exists(dir.resolve("x.jsonl")));
    }
  }

  @Test
  void theStarterModelCodesOnRequestAndTheWorkbookAndReportSayWhatItWasLearnedFrom(
      @TempDir Path dir) throws Exception {
    Path coded = dir.resolve("coded.xlsx");
    Result result = aet("code", SAMPLE.toString(), "--starter", "-o", coded.toString(), "-q");
    assertEquals(0, result.exit(), result.err());
    String learned = null;
    try (XSSFWorkbook book = new XSSFWorkbook(coded.toFile())) {
      for (org.apache.poi.ss.usermodel.Row row : book.getSheet("About")) {
        if (row.getCell(0).getStringCellValue().equals("Learned model")) {
          learned = row.getCell(1).getStringCellValue();
        }
      }
    }
    assertTrue(learned != null && learned.startsWith("the four-tensions starter model: "), learned);
    assertTrue(
        learned.contains(
            "1106 labelled segments of senedd-four-tensions-dev.jsonl (361 segments of 3"
                + " transcripts, SHA-256 "),
        learned);
    assertTrue(learned.contains("senedd-four-tensions-set2.jsonl (745 segments of 4"), learned);
    Path page = dir.resolve("report.html");
    Result report = aet("report", SAMPLE.toString(), "--starter", "-o", page.toString());
    assertEquals(0, report.exit(), report.err());
    assertTrue(
        Files.readString(page).contains("the four-tensions starter model"),
        "the report names the starter model");
    Path study = dir.resolve("study.aet");
    assertEquals(0, aet("init", study.toString()).exit());
    assertEquals(0, aet("add", study.toString(), SAMPLE.toString()).exit());
    Result stored = aet("code", study.toString(), "--starter", "-q");
    assertEquals(0, stored.exit(), stored.err());
    try (org.aet.project.ProjectStore store = org.aet.project.ProjectStore.open(study)) {
      assertEquals(learned, store.latestRun().method().get("Learned model"));
    }
  }

  @Test
  void theStarterModelIsOneModelAndOnlyForTheCodebookItWasLearnedFor(@TempDir Path dir) {
    Result both =
        aet(
            "code",
            SAMPLE.toString(),
            "--starter",
            "--model",
            dir.resolve("team.model").toString(),
            "-o",
            dir.resolve("c.jsonl").toString());
    assertEquals(2, both.exit(), both.err());
    assertTrue(
        both.err().contains("--model and --starter each name a model to suggest with"), both.err());
    Result power =
        aet(
            "code",
            SAMPLE.toString(),
            "--codebook",
            "power",
            "--starter",
            "--no-semantic",
            "-o",
            dir.resolve("p.jsonl").toString());
    assertEquals(1, power.exit(), power.err());
    assertTrue(
        power.err().contains("no starter model is shipped for the codebook power"), power.err());
    assertFalse(Files.exists(dir.resolve("c.jsonl")) || Files.exists(dir.resolve("p.jsonl")));
  }

  @Test
  void aModelTrainedForAnotherCodebookIsRefused(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("power.model");
    String cache = dir.resolve("cache").toString();
    assertEquals(
        0,
        aet(
                "train",
                "--codebook",
                "power",
                "--from-examples",
                "--folds",
                "0",
                "-o",
                model.toString(),
                "--cache",
                cache)
            .exit());
    Result result =
        aet(
            "code",
            SAMPLE.toString(),
            "--codebook",
            "four-tensions",
            "--model",
            model.toString(),
            "--no-semantic",
            "-o",
            dir.resolve("c.jsonl").toString());
    assertEquals(1, result.exit(), result.err());
    assertTrue(result.err().contains("trained for the codebook \"power\""), result.err());
    assertFalse(Files.exists(dir.resolve("c.jsonl")));
  }

  @Test
  void aDamagedModelFileIsReportedBeforeAnyModelLoads(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.model");
    Files.write(broken, new byte[] {'P', 'K', 3, 4, 0, 0});
    Result result =
        aet(
            "code",
            SAMPLE.resolve("Northbrook").toString(),
            "--model",
            broken.toString(),
            "--no-cache",
            "-o",
            dir.resolve("c.jsonl").toString());
    assertEquals(1, result.exit(), result.err());
    assertTrue(
        result.err().contains("broken.model: error: cannot read this model file"), result.err());
    assertFalse(result.err().contains("Loading the sentence-embedding model"), result.err());
    assertFalse(result.err().contains("Loading the English language models"), result.err());
    assertFalse(Files.exists(dir.resolve("c.jsonl")));
  }

  @Test
  void aModelThatReadsMeaningCodesWithTheSemanticLayerOnly(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("meaning.model");
    String cache = dir.resolve("cache").toString();
    Result trained =
        aet(
            "train",
            "-c",
            "four-tensions",
            "--from-examples",
            "--embeddings",
            "--folds",
            "0",
            "-o",
            model.toString(),
            "--cache",
            cache);
    assertEquals(0, trained.exit(), trained.err());
    assertTrue(
        trained.out().contains("reading their words and their meaning (sentence embeddings)"),
        trained.out());

    Path northbrook = SAMPLE.resolve("Northbrook");
    Result withoutMeaning =
        aet(
            "code",
            northbrook.toString(),
            "--model",
            model.toString(),
            "--no-semantic",
            "-o",
            dir.resolve("none.jsonl").toString());
    assertEquals(1, withoutMeaning.exit(), withoutMeaning.err());
    assertTrue(
        withoutMeaning.err().contains("needs the semantic layer: leave out --no-semantic"),
        withoutMeaning.err());
    assertFalse(Files.exists(dir.resolve("none.jsonl")));

    Path coded = dir.resolve("coded.jsonl");
    Result result =
        aet(
            "code",
            northbrook.toString(),
            "--model",
            model.toString(),
            "--min-probability",
            "0.3",
            "-o",
            coded.toString(),
            "-q");
    assertEquals(0, result.exit(), result.err());
    assertTrue(
        Files.readAllLines(coded).stream().anyMatch(l -> l.contains("\"learned\"")),
        "the model suggests");

    Result maxent =
        aet(
            "train",
            "-c",
            "four-tensions",
            "--from-examples",
            "--embeddings",
            "--algorithm",
            "maxent",
            "-o",
            dir.resolve("x.model").toString());
    assertEquals(2, maxent.exit(), maxent.err());
    assertTrue(maxent.err().contains("--embeddings works with --algorithm logistic only"));
    assertFalse(Files.exists(dir.resolve("x.model")));
  }
}
