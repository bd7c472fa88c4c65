package org.aet.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.DetectionRules;
import org.aet.model.Segment;
import org.aet.model.Sentence;
import org.aet.model.SentenceWindow;
import org.aet.model.Span;
import org.aet.model.TextAnnotation;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.testing.Annotated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semantic layer on the real BGE small model's output, on small texts. */
class SemanticLayerTest {
  static final BgeSmallEmbedder MODEL = new BgeSmallEmbedder();

  @Test
  void vectorsAreUnitLengthAndSayWhatIsAlike() {
    List<float[]> v =
        MODEL.embed(
            List.of(
                "We paid the public contributors for their time.",
                "Patient partners were reimbursed and credited as co-authors.",
                "The weather in Cardiff was cold and wet on Tuesday."));
    assertEquals(3, v.size());
    assertEquals(384, v.get(0).length);
    for (float[] vector : v) {
      assertEquals(1.0, Vectors.dot(vector, vector), 1e-4);
    }
    assertTrue(Vectors.dot(v.get(0), v.get(1)) > Vectors.dot(v.get(0), v.get(2)) + 0.1);
    assertArrayEquals(
        v.get(0),
        MODEL.embed(List.of("We paid the public contributors for their time.")).get(0),
        1e-5f);
  }

  @Test
  void aRememberingEmbedderEmbedsEachTextOnceInOrder() {
    List<String> embedded = new java.util.ArrayList<>();
    SentenceEmbedder counting =
        new SentenceEmbedder() {
          @Override
          public List<float[]> embed(List<String> texts) {
            embedded.addAll(texts);
            return MODEL.embed(texts);
          }

          @Override
          public String description() {
            return MODEL.description();
          }
        };
    RememberingEmbedder once = new RememberingEmbedder(counting);
    List<float[]> first = once.embed(List.of("A budget.", "A partner.", "A budget."));
    List<float[]> second = once.embed(List.of("A partner.", "A meeting."));
    assertEquals(List.of("A budget.", "A partner.", "A meeting."), embedded);
    assertArrayEquals(first.get(0), first.get(2));
    assertArrayEquals(first.get(1), second.get(0));
    assertArrayEquals(MODEL.embed(List.of("A meeting.")).get(0), second.get(1), 1e-5f);
  }

  @Test
  void theCacheAnswersTheSameCallWithTheSameVectorsAndSurvivesADamagedEntry(@TempDir Path dir)
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    SentenceEmbedder counting =
        new SentenceEmbedder() {
          @Override
          public List<float[]> embed(List<String> texts) {
            calls.incrementAndGet();
            return MODEL.embed(texts);
          }

          @Override
          public String description() {
            return MODEL.description();
          }
        };
    CachingEmbedder cache = new CachingEmbedder(counting, dir);
    List<String> texts = List.of("One sentence.", "Another one, a little longer.");
    List<float[]> first = cache.embed(texts);
    List<float[]> second = cache.embed(texts);
    assertEquals(1, calls.get());
    assertEquals(1, cache.hits());
    assertArrayEquals(first.get(1), second.get(1));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".emb")).toList()) {
        Files.write(file, new byte[] {1, 2, 3});
      }
    }
    assertArrayEquals(first.get(0), cache.embed(texts).get(0));
    assertEquals(2, calls.get());
    cache.embed(List.of("One sentence."));
    assertEquals(3, calls.get());
  }

  @Test
  void windowsAreEachSentenceWithTheNextInsideTheSegment() {
    List<Sentence> sentences =
        List.of(
            new Sentence(new Span(0, 10), 0, 3),
            new Sentence(new Span(11, 20), 3, 6),
            new Sentence(new Span(21, 30), 6, 9),
            new Sentence(new Span(32, 40), 9, 12));
    assertEquals(
        List.of(new Span(0, 20), new Span(11, 30), new Span(21, 30)),
        WindowEmbedding.windows(new Span(0, 30), sentences));
    assertEquals(List.of(new Span(32, 40)), WindowEmbedding.windows(new Span(32, 40), sentences));
  }

  @Test
  void aPassageComesClosestToTheCodeItIsAboutAndSaysWhichSentenceItMatched() {
    Code paid =
        new Code(
            "paid",
            "",
            "Payment",
            "Public contributors being paid or reimbursed for their time.",
            "",
            "",
            List.of("We paid contributors at the national rate for every meeting."),
            List.of("The consultants decided everything before the meeting."),
            "",
            DetectionRules.NONE);
    Code jargon =
        new Code(
            "jargon",
            "",
            "Jargon",
            "Technical language and acronyms that partners could not follow.",
            "",
            "",
            List.of("The papers were full of acronyms nobody outside could follow."),
            List.of(),
            "",
            DetectionRules.NONE);
    Codebook book = new Codebook("t", "T", "", "v", List.of(paid, jargon));
    WindowEmbedding stage = new WindowEmbedding(MODEL);
    CodeProfiles profiles = CodeProfiles.of(book, MODEL);
    String text = "Thank you. Our lay members were reimbursed for their time within a week.";
    Segment segment =
        stage
            .embed(List.of(Annotated.segment(text)), CoreNlpAnnotator.shared().annotate(text), text)
            .get(0);
    CodeProfiles.Similarity toPaid = profiles.similarity(segment, "paid");
    CodeProfiles.Similarity toJargon = profiles.similarity(segment, "jargon");
    assertNotNull(toPaid);
    assertTrue(toPaid.score() > 0, "reads more like payment than like everyday talk");
    assertTrue(toPaid.score() > toJargon.score() + 0.05);
    assertTrue(List.of("definition", "example 1").contains(toPaid.source()));
    assertTrue(toPaid.window().of(text).contains("reimbursed"));
  }

  /** The real model, writing down every text it is asked to embed. */
  private static SentenceEmbedder recording(List<String> embedded) {
    return new SentenceEmbedder() {
      @Override
      public List<float[]> embed(List<String> texts) {
        embedded.addAll(texts);
        return MODEL.embed(texts);
      }

      @Override
      public String description() {
        return MODEL.description();
      }
    };
  }

  private static final String THREE =
      "We paid the lay members. They came to every meeting. Nobody else was paid.";

  @Test
  void windowsFromSentencesEmbedEachSentenceOnceAndAverageThem() {
    TextAnnotation annotation = CoreNlpAnnotator.shared().annotate(THREE);
    List<Segment> segments = List.of(Annotated.segment(THREE));
    List<String> asked = new ArrayList<>();
    Segment fromSentences =
        new WindowEmbedding(recording(asked), WindowVectors.SENTENCES)
            .embed(segments, annotation, THREE)
            .get(0);
    List<String> sentences =
        List.of("We paid the lay members.", "They came to every meeting.", "Nobody else was paid.");
    assertEquals(sentences, asked);
    assertEquals(
        sentences,
        WindowEmbedding.embeddedTexts(WindowVectors.SENTENCES, segments, annotation, THREE));

    List<String> askedWindows = new ArrayList<>();
    Segment embedded =
        new WindowEmbedding(recording(askedWindows), WindowVectors.WINDOWS)
            .embed(segments, annotation, THREE)
            .get(0);
    assertEquals(
        List.of(
            "We paid the lay members. They came to every meeting.",
            "They came to every meeting. Nobody else was paid.",
            "Nobody else was paid."),
        askedWindows);
    assertEquals(
        embedded.windows().stream().map(SentenceWindow::span).toList(),
        fromSentences.windows().stream().map(SentenceWindow::span).toList());

    List<float[]> v = MODEL.embed(sentences);
    float[] firstTwo = new float[v.get(0).length];
    for (int i = 0; i < firstTwo.length; i++) {
      firstTwo[i] = v.get(0)[i] + v.get(1)[i];
    }
    assertArrayEquals(Vectors.normalised(firstTwo), fromSentences.windows().get(0).vector(), 1e-5f);
    assertArrayEquals(v.get(2), fromSentences.windows().get(2).vector(), 1e-5f);
    double alike =
        Vectors.dot(embedded.windows().get(0).vector(), fromSentences.windows().get(0).vector());
    assertTrue(alike > 0.8, "the averaged window means much what the embedded one does: " + alike);
  }

  @Test
  void theTwoKindsOfWindowVectorsSayWhichTheyAre() {
    assertEquals(
        MODEL.description(), new WindowEmbedding(MODEL, WindowVectors.WINDOWS).description());
    assertNotEquals(
        MODEL.description(), new WindowEmbedding(MODEL, WindowVectors.SENTENCES).description());
    assertEquals(WindowVectors.SENTENCES, WindowVectors.of(" Sentences "));
    assertEquals("sentences", WindowVectors.SENTENCES.label());
    assertEquals(
        WindowVectors.SENTENCES,
        new WindowEmbedding(MODEL, WindowVectors.SENTENCES)
            .with(new RememberingEmbedder(MODEL))
            .vectors());
  }

  @Test
  void oneCacheServesBothKindsWithoutMixingThem(@TempDir Path dir) {
    TextAnnotation annotation = CoreNlpAnnotator.shared().annotate(THREE);
    List<Segment> segments = List.of(Annotated.segment(THREE));
    for (WindowVectors first : WindowVectors.values()) {
      Path folder = dir.resolve(first.label());
      for (WindowVectors kind : List.of(first, other(first), first)) {
        List<float[]> cached =
            vectors(
                new WindowEmbedding(new CachingEmbedder(MODEL, folder), kind)
                    .embed(segments, annotation, THREE)
                    .get(0));
        List<float[]> fresh =
            vectors(new WindowEmbedding(MODEL, kind).embed(segments, annotation, THREE).get(0));
        for (int w = 0; w < fresh.size(); w++) {
          assertArrayEquals(fresh.get(w), cached.get(w), 1e-5f, kind + " after " + first);
        }
      }
    }
  }

  private static WindowVectors other(WindowVectors kind) {
    return kind == WindowVectors.WINDOWS ? WindowVectors.SENTENCES : WindowVectors.WINDOWS;
  }

  private static List<float[]> vectors(Segment segment) {
    return segment.windows().stream().map(SentenceWindow::vector).toList();
  }
}
