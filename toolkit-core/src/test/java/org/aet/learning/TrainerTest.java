package org.aet.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.TrainingParameters;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.InputException;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.LabelledSegment;
import org.aet.model.Coding;
import org.aet.model.CodingSource;
import org.aet.model.Evidence;
import org.aet.model.Segment;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.WindowEmbedding;
import org.aet.testing.Annotated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a labelled set written for the test, with real CoreNLP lemmas and real OpenNLP
 * models.
 */
class TrainerTest {
  private static final String PAY = "power/reciprocity";
  private static final String JARGON = "language/excluding-language";

  /** Thirty segments: ten about paying contributors, ten about jargon, ten about neither. */
  static List<LabelledSegment> labelled() {
    String[] pay = {
      "We paid the contributors for their time.",
      "Payment reached the public members within a week.",
      "Contributors were reimbursed for travel and paid a fee.",
      "The fee for each meeting was paid promptly.",
      "Paying people properly showed we valued them.",
      "They were paid at the national rate.",
      "We reimbursed expenses and paid for their time.",
      "The panel was paid like any other expert.",
      "Every contributor received payment and a thank-you letter.",
      "Fees and expenses were paid the same day."
    };
    String[] jargon = {
      "The papers were full of jargon and acronyms.",
      "Nobody understood the acronyms on the slides.",
      "The jargon left the public members lost.",
      "Acronyms like NIHR and CLAHRC confused everyone.",
      "Technical jargon made the report unreadable.",
      "The slides were dense with jargon.",
      "People were baffled by the acronyms.",
      "All that jargon shut people out of the discussion.",
      "The protocol was written in impenetrable jargon.",
      "Acronyms nobody explained filled every page."
    };
    String[] neither = {
      "The meeting started at ten.",
      "We sat around a large table.",
      "The steering group met" + " monthly.",
      "The project ran for three years.",
      "Lunch was served in the hall.",
      "The trust hosted the" + " event.",
      "Our office moved to a new building.",
      "The weather was awful that winter.",
      "We recorded every" + " conversation.",
      "The report was finished in May."
    };
    List<LabelledSegment> segments = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      segments.add(new LabelledSegment("pay-" + i, pay[i], List.of(PAY)));
      segments.add(new LabelledSegment("jargon-" + i, jargon[i], List.of(JARGON)));
      segments.add(new LabelledSegment("neither-" + i, neither[i], List.of()));
    }
    return segments;
  }

  private static LearnedModel train(long seed) throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    List<String> unknown = new ArrayList<>();
    List<Long> done = new ArrayList<>();
    List<Trainer.Example> examples =
        Trainer.examples(
            labelled(),
            book,
            CoreNlpAnnotator.shared(),
            null,
            unknown,
            new ProgressListener() {
              @Override
              public void progress(String stage, long segments, long total) {
                assertEquals(Trainer.READING, stage);
                assertEquals(30, total);
                done.add(segments);
              }
            });
    assertTrue(unknown.isEmpty());
    assertEquals(31, done.size(), "progress before each segment and at the end");
    assertEquals(30L, done.get(30));
    return Trainer.train(
        book, examples, new Trainer.Options(Trainer.Algorithm.LOGISTIC, 5, seed, 2));
  }

  @Test
  void trainingAndCrossValidationAreDeterministicForASeed() throws Exception {
    LearnedModel first = train(42);
    LearnedModel second = train(42);
    assertEquals(
        List.of("power", PAY, "language", JARGON),
        List.copyOf(first.models().keySet()),
        "a pole counts for its tension too");
    assertEquals(first.scores(), second.scores());
    double p1 = probability(first, JARGON, "The acronyms were baffling jargon.");
    assertEquals(p1, probability(second, JARGON, "The acronyms were baffling jargon."));
    var jargon =
        first.scores().stream().filter(s -> s.code().equals(JARGON)).findFirst().orElseThrow();
    assertEquals(10, jargon.support());
    assertTrue(
        jargon.f1() > 0.6 && jargon.kappa() > 0.4,
        "better than chance from ten examples: " + jargon);
  }

  @Test
  void theSameModelSavedTwiceIsTheSameBytes(@TempDir Path dir) throws Exception {
    LearnedModel model = train(42);
    Path first = dir.resolve("first.model");
    Path second = dir.resolve("second.model");
    model.save(first);
    model.save(second);
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(first.toFile())) {
      zip.stream()
          .forEach(e -> assertEquals(LearnedModel.SAVED_AT, e.getTimeLocal(), "no clock in " + e));
    }
  }

  @Test
  void aSavedModelSuggestsWithReadableEvidence(@TempDir Path dir) throws Exception {
    LearnedModel model = train(42);
    Path file = dir.resolve("m.model");
    model.save(file);
    LearnedModel loaded = LearnedModel.load(file);
    assertEquals(model.codebookVersion(), loaded.codebookVersion());
    String text = "They were paid for their time, promptly.";
    assertEquals(probability(model, PAY, text), probability(loaded, PAY, text));
    ReviewQueue queue = new ReviewQueue();
    LearnedCoder coder = new LearnedCoder(loaded, Codebooks.load("four-tensions"), 0.5, queue);
    List<Coding> codings = coder.code(Annotated.segment(text));
    Coding pay =
        codings.stream().filter(c -> c.codeId().equals("reciprocity")).findFirst().orElseThrow();
    assertEquals(CodingSource.LEARNED.label(), pay.source());
    assertEquals(model.confidence().keySet(), loaded.confidence().keySet());
    assertTrue(loaded.confidence().containsKey(PAY), "cross-validation fitted a confidence curve");
    assertArrayEquals(
        model.confidence().get(PAY).values(), loaded.confidence().get(PAY).values(), 0);
    double p = probability(loaded, PAY, text);
    assertTrue(p >= 0.5);
    assertEquals(
        Math.round(loaded.confidence(PAY, p) * 1000) / 1000.0,
        pay.confidence(),
        1e-9,
        "the confidence shown is the precision held-out folds observed, not the probability");
    Evidence first = pay.evidence().get(0);
    assertTrue(first.rule().startsWith("learned word \"pay\""), first.toString());
    assertEquals("paid", first.text());
    assertFalse(codings.stream().anyMatch(c -> c.codeId().equals("excluding-language")));
    assertEquals(4, queue.ranked().size(), "every code the model knows was scored");
  }

  @Test
  void thresholdsAreChosenWhereTheModelAgreesBestWithTheCoding() {
    // Ranked by probability: right, right, wrong, right, wrong x6. Kappa is best after the first
    // four (3 right, 1 wrong, 0 missed, 6 rightly left out: kappa 0.78), so the threshold falls
    // halfway between 0.4 and the next probability down, 0.3.
    double[] p = {0.9, 0.8, 0.6, 0.4, 0.3, 0.3, 0.2, 0.2, 0.1, 0.1};
    boolean[] actual = {true, true, false, true, false, false, false, false, false, false};
    assertEquals(0.35, Trainer.bestThreshold(p, actual, i -> true), 1e-9);
    // Leaving out the two highest, the best cut is after 0.4 still (1 right, 1 wrong).
    assertEquals(0.35, Trainer.bestThreshold(p, actual, i -> i >= 2), 1e-9);
    // Probabilities that point the wrong way: no threshold reaches fair agreement.
    boolean[] noise = {false, false, false, false, false, false, false, true, false, true};
    assertEquals(Trainer.DEFAULT_THRESHOLD, Trainer.bestThreshold(p, noise, i -> true), 1e-9);
  }

  @Test
  void crossValidationScoresTheModelAndTheSvmBaselineOnTheSameFoldsAndKeepsThem(@TempDir Path dir)
      throws Exception {
    LearnedModel model = train(42);
    assertEquals(model.scores().size(), model.baseline().size());
    for (int i = 0; i < model.scores().size(); i++) {
      var learned = model.scores().get(i);
      var svm = model.baseline().get(i);
      assertEquals(learned.code(), svm.code());
      assertEquals(
          30,
          learned.truePositives()
              + learned.falsePositives()
              + learned.falseNegatives()
              + learned.trueNegatives(),
          "every segment judged once");
      assertEquals(
          30,
          svm.truePositives() + svm.falsePositives() + svm.falseNegatives() + svm.trueNegatives(),
          "the baseline judges every segment too");
      assertEquals(learned.support(), svm.support());
    }
    var svmJargon =
        model.baseline().stream().filter(s -> s.code().equals(JARGON)).findFirst().orElseThrow();
    assertTrue(svmJargon.f1() > 0.5, "the baseline learns too: " + svmJargon);
    assertEquals(
        Evaluation.micro(model.scores()).f1() > Evaluation.micro(model.baseline()).f1()
            && Evaluation.macro(model.scores()).f1() > Evaluation.macro(model.baseline()).f1(),
        model.beatsBaseline());
    double threshold = model.threshold(JARGON);
    assertTrue(threshold > 0 && threshold < 1, "a threshold was chosen: " + threshold);
    Path file = dir.resolve("m.model");
    model.save(file);
    LearnedModel loaded = LearnedModel.load(file);
    assertEquals(threshold, loaded.threshold(JARGON));
    assertEquals(model.baseline(), loaded.baseline());
    assertEquals(
        model.scores().stream().map(s -> s.truePositives()).toList(),
        loaded.scores().stream().map(s -> s.truePositives()).toList());
  }

  @Test
  void theCodebookExamplesCanSeedAModel() throws Exception {
    Codebook book = Codebooks.load("power");
    List<Trainer.Example> examples = Trainer.fromCodebook(book, CoreNlpAnnotator.shared(), null);
    int written =
        book.codes().stream().mapToInt(c -> c.examples().size() + c.counterExamples().size()).sum();
    assertTrue(written >= 12, "four codes, two examples and a counter-example or more each");
    assertEquals(written, examples.size(), "one training example per example and counter-example");
    LearnedModel model =
        Trainer.train(book, examples, new Trainer.Options(Trainer.Algorithm.NAIVE_BAYES, 0, 1, 2));
    assertEquals(4, model.models().size());
    assertTrue(model.scores().isEmpty(), "no cross-validation asked for");
  }

  @Test
  void aModelCanReadMeaningAndCarriesItToSuggestions(@TempDir Path dir) throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    WindowEmbedding embedding = new WindowEmbedding(new BgeSmallEmbedder());
    List<Trainer.Example> examples = examples(embedding);
    assertTrue(examples.stream().allMatch(e -> e.meaning() != null && e.meaning().length == 384));
    Trainer.Options options = new Trainer.Options(Trainer.Algorithm.LOGISTIC, 5, 42, 2);
    List<Trainer.Example> withSilence = new ArrayList<>(examples);
    withSilence.add(new Trainer.Example(List.of(), null, java.util.Set.of(), "silence"));
    assertTrue(
        Trainer.train(book, withSilence, options).readsMeaning(),
        "a segment without words (so without meaning) trains beside the others");
    LearnedModel model = Trainer.train(book, examples, options);
    assertTrue(model.readsMeaning());
    assertEquals(model.scores(), Trainer.train(book, examples, options).scores(), "same seed");
    LearnedModel words = train(42);

    // No word of these sentences is in the training set: only their meaning tells them apart.
    String unseen = "Attendees got a cheque for coming.";
    String gibberish = "The handouts were incomprehensible gibberish.";
    assertEquals(
        probability(words, PAY, unseen),
        probability(words, PAY, gibberish),
        1e-12,
        "words alone cannot tell them apart");
    var annotation = CoreNlpAnnotator.shared().annotate(unseen);
    Features.Context context =
        Features.context(
            Features.lemmas(annotation.tokens()), embedding.meaning(unseen, annotation));
    var otherAnnotation = CoreNlpAnnotator.shared().annotate(gibberish);
    Features.Context other =
        Features.context(
            Features.lemmas(otherAnnotation.tokens()),
            embedding.meaning(gibberish, otherAnnotation));
    double byMeaning = Trainer.probability(model.models().get(PAY), context);
    assertTrue(
        byMeaning > Trainer.probability(model.models().get(PAY), other),
        "a cheque reads more like pay than gibberish does");
    assertTrue(
        Trainer.probability(model.models().get(JARGON), other)
            > Trainer.probability(model.models().get(JARGON), context),
        "and gibberish more like jargon");

    Path file = dir.resolve("m.model");
    model.save(file);
    LearnedModel loaded = LearnedModel.load(file);
    assertTrue(loaded.readsMeaning());
    assertEquals(byMeaning, Trainer.probability(loaded.models().get(PAY), context), 1e-12);
    Segment segment =
        embedding.embed(List.of(Annotated.segment(unseen)), annotation, unseen).get(0);
    LearnedCoder coder = new LearnedCoder(loaded, book, byMeaning / 2, null);
    assertEquals(
        byMeaning,
        coder.probabilities(segment).get(PAY),
        1e-6,
        "the coder reads the segment's windows as training read the text");
    Coding pay =
        coder.code(segment).stream()
            .filter(c -> c.codeId().equals("reciprocity"))
            .findFirst()
            .orElseThrow();
    assertEquals(Math.round(loaded.confidence(PAY, byMeaning) * 1000) / 1000.0, pay.confidence());
  }

  @Test
  void aModelWithMeaningNeedsLogisticRegression() throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    List<Trainer.Example> examples =
        List.of(
            new Trainer.Example(List.of("pay"), new float[] {1, 0}, java.util.Set.of(PAY), "a"),
            new Trainer.Example(List.of("jargon"), new float[] {0, 1}, java.util.Set.of(), "b"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Trainer.train(
                    book, examples, new Trainer.Options(Trainer.Algorithm.NAIVE_BAYES, 0, 1, 1)));
    assertTrue(e.getMessage().contains("only logistic regression"), e.getMessage());
  }

  @Test
  void aModelFileOfTheFirstFormatReadsAsItDidThenAndHostileCountsAreRefused(@TempDir Path dir)
      throws Exception {
    // The first format held OpenNLP document categorisers, trained on the same predicates.
    Codebook book = Codebooks.load("four-tensions");
    List<Trainer.Example> examples = examples(null);
    List<opennlp.tools.doccat.DocumentSample> samples = new ArrayList<>();
    for (Trainer.Example example : examples) {
      samples.add(
          new opennlp.tools.doccat.DocumentSample(
              example.codes().contains(PAY) ? LearnedModel.YES : LearnedModel.NO,
              tokens(example.features())));
    }
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
    parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
    parameters.put("PrintMessages", false);
    var doccat =
        opennlp.tools.doccat.DocumentCategorizerME.train(
            "en",
            opennlp.tools.util.ObjectStreamUtils.createObjectStream(samples),
            parameters,
            new opennlp.tools.doccat.DoccatFactory(
                new opennlp.tools.doccat.FeatureGenerator[] {
                  new opennlp.tools.doccat.BagOfWordsFeatureGenerator(),
                  new opennlp.tools.doccat.NGramFeatureGenerator(2, 2)
                }));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    doccat.serialize(bytes);
    Path old = dir.resolve("old.model");
    writeModelFile(
        old,
        "{\"format\": \"aet learned model 1\", \"codebook\": \"four-tensions\","
            + " \"algorithm\": \"logistic\", \"codes\": [{\"code\": \""
            + PAY
            + "\", \"file\": \"code-0.bin\"}]}",
        bytes.toByteArray());
    LearnedModel loaded = LearnedModel.load(old);
    assertFalse(loaded.readsMeaning());
    String text = "They were paid for their time, promptly.";
    List<String> lemmas = Features.lemmas(CoreNlpAnnotator.shared().annotate(text).tokens());
    double expected =
        new opennlp.tools.doccat.DocumentCategorizerME(doccat)
            .categorize(tokens(lemmas))[doccat.getMaxentModel().getIndex(LearnedModel.YES)];
    assertEquals(
        expected,
        Trainer.probability(loaded.models().get(PAY), Features.context(lemmas, null)),
        1e-12,
        "the predicates are the categoriser's own");

    // A model that claims two billion outcomes is refused, not allocated.
    java.io.ByteArrayOutputStream hostile = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream data = new java.io.DataOutputStream(hostile)) {
      data.writeUTF("QN");
      data.writeInt(2_000_000_000);
    }
    Path bad = dir.resolve("hostile.model");
    writeModelFile(
        bad,
        "{\"format\": \"aet learned model 2\", \"codebook\": \"four-tensions\","
            + " \"algorithm\": \"logistic\", \"codes\": [{\"code\": \""
            + PAY
            + "\", \"file\": \"code-0.bin\"}]}",
        hostile.toByteArray());
    InputException e = assertThrows(InputException.class, () -> LearnedModel.load(bad));
    assertTrue(e.getMessage().contains("hostile.model"), e.getMessage());
    assertTrue(e.getMessage().contains("count of 2000000000"), e.getMessage());

    // A model cut short in the middle says so.
    LearnedModel whole = train(42);
    Path saved = dir.resolve("whole.model");
    whole.save(saved);
    byte[] bin;
    try (var zip = new java.util.zip.ZipFile(saved.toFile())) {
      bin = zip.getInputStream(zip.getEntry("code-0.bin")).readAllBytes();
    }
    Path cut = dir.resolve("cut.model");
    writeModelFile(
        cut,
        "{\"format\": \"aet learned model 2\", \"codebook\": \"four-tensions\","
            + " \"algorithm\": \"logistic\", \"codes\": [{\"code\": \""
            + PAY
            + "\", \"file\": \"code-0.bin\"}]}",
        java.util.Arrays.copyOf(bin, bin.length / 2));
    InputException cutShort = assertThrows(InputException.class, () -> LearnedModel.load(cut));
    assertTrue(cutShort.getMessage().contains("cut short"), cutShort.getMessage());

    Path future = dir.resolve("future.model");
    writeModelFile(future, "{\"format\": \"aet learned model 9\"}", new byte[0]);
    InputException f = assertThrows(InputException.class, () -> LearnedModel.load(future));
    assertTrue(f.getMessage().contains("train the model again"), f.getMessage());
  }

  private static void writeModelFile(Path file, String manifest, byte[] model) throws Exception {
    try (var zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(file))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("model.json"));
      zip.write(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new java.util.zip.ZipEntry("code-0.bin"));
      zip.write(model);
      zip.closeEntry();
    }
  }

  /** The first format's input: the lemmas after the constant token. */
  private static String[] tokens(List<String> lemmas) {
    List<String> tokens = new ArrayList<>();
    tokens.add("_always_");
    tokens.addAll(lemmas);
    return tokens.toArray(new String[0]);
  }

  /** The thirty labelled segments as four-tensions examples, with their meaning or not. */
  private static List<Trainer.Example> examples(WindowEmbedding embedding) throws Exception {
    return Trainer.examples(
        labelled(),
        Codebooks.load("four-tensions"),
        CoreNlpAnnotator.shared(),
        embedding,
        new ArrayList<>(),
        new ProgressListener() {});
  }

  private static double probability(LearnedModel model, String code, String text) {
    return Trainer.probability(
        model.models().get(code),
        Features.context(Features.lemmas(CoreNlpAnnotator.shared().annotate(text).tokens()), null));
  }
}
