package org.aet.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aet.model.Span;
import org.aet.model.TextAnnotation;
import org.aet.testing.Shared;
import org.junit.jupiter.api.Test;

/**
 * A long text annotated piece by piece gets exactly the annotation of the whole, with real CoreNLP.
 */
class PiecewiseTest {
  private static String sampleTalk() throws IOException {
    StringBuilder text = new StringBuilder();
    try (var files = Files.walk(Shared.repositoryRoot().resolve("corpora/partnerships"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String body = Files.readString(file);
        text.append(body.substring(body.indexOf("\n---\n") + 5).strip()).append("\n\n");
      }
    }
    String once = text.toString().strip();
    return once + "\n\n" + once;
  }

  @Test
  void piecesCutAtBlankLinesAndCoverTheText() throws IOException {
    String text = sampleTalk();
    List<Span> pieces = Piecewise.pieces(text, 1_000);
    assertTrue(pieces.size() > 3, "pieces: " + pieces.size());
    assertEquals(0, pieces.get(0).begin());
    assertEquals(text.length(), pieces.get(pieces.size() - 1).end());
    for (int i = 1; i < pieces.size(); i++) {
      assertEquals(pieces.get(i - 1).end(), pieces.get(i).begin());
      assertTrue(text.startsWith("\n\n", pieces.get(i).begin()), "piece " + i + " starts mid-turn");
      assertTrue(pieces.get(i - 1).length() >= 1_000);
    }
    assertEquals(List.of(new Span(0, 5)), Piecewise.pieces("short", 1_000));
    assertEquals(List.of(new Span(0, 3_000)), Piecewise.pieces("x".repeat(3_000), 1_000));
  }

  @Test
  void theAnnotationIsTheWholeTextsAndProgressAddsUpToItsLength() throws IOException {
    String text = sampleTalk();
    assertTrue(
        text.length() > 2 * Piecewise.PIECE_CHARACTERS, "too short to cut: " + text.length());
    CoreNlpAnnotator annotator = CoreNlpAnnotator.shared();
    List<Integer> reported = new ArrayList<>();
    TextAnnotation pieced = Piecewise.annotate(annotator, text, reported::add);
    TextAnnotation whole = annotator.annotate(text);
    assertEquals(whole.tokens(), pieced.tokens());
    assertEquals(whole.sentences(), pieced.sentences());
    assertTrue(reported.size() >= 3, "progress reported " + reported.size() + " times");
    assertEquals(text.length(), reported.stream().mapToInt(Integer::intValue).sum());
  }
}
