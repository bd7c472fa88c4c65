package org.aet.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.model.Segment;
import org.aet.model.SentenceWindow;
import org.aet.model.Span;

/**
 * What each code of a codebook means, as vectors: its definition, when to use it and its examples
 * on one side, its counter-examples and a background of everyday meeting talk on the other. A
 * passage's similarity to a code is how much closer it comes to the nearest of the code's own
 * sentences than to the nearest of the others ({@link Similarity#score}): above zero, the passage
 * reads more like the code than like anything that is not it.
 */
public final class CodeProfiles {
  private static final String BACKGROUND = "/org/aet/semantic/background.txt";

  /** One sentence of the codebook (or the background) and its vector. */
  record Prototype(String text, String source, float[] vector) {}

  /**
   * How close a segment comes to a code.
   *
   * @param score similarity to the nearest of the code's sentences minus similarity to the nearest
   *     counter-example or background sentence
   * @param positive similarity to the nearest of the code's sentences
   * @param window the segment's sentences that came closest
   * @param prototype the codebook sentence they came closest to
   * @param source where that sentence is in the codebook ("example 2", "definition", ...)
   */
  public record Similarity(
      double score, double positive, Span window, String prototype, String source) {}

  private final String embedderDescription;
  private final Map<String, List<Prototype>> positives = new LinkedHashMap<>();
  private final Map<String, List<Prototype>> negatives = new LinkedHashMap<>();

  private CodeProfiles(String embedderDescription) {
    this.embedderDescription = embedderDescription;
  }

  /** The profiles of every code of {@code codebook} that has a definition or examples. */
  public static CodeProfiles of(Codebook codebook, SentenceEmbedder embedder) {
    CodeProfiles profiles = new CodeProfiles(embedder.description());
    List<String> background = BACKGROUND_SENTENCES;
    List<float[]> backgroundVectors = embedder.embed(background);
    List<Prototype> shared = new ArrayList<>();
    for (int i = 0; i < background.size(); i++) {
      shared.add(new Prototype(background.get(i), "background", backgroundVectors.get(i)));
    }
    for (Code code : codebook.codes()) {
      List<String[]> own = new ArrayList<>();
      if (!code.definition().isBlank()) {
        own.add(new String[] {code.definition(), "definition"});
      }
      if (!code.useWhen().isBlank()) {
        own.add(new String[] {code.useWhen(), "use when"});
      }
      for (int i = 0; i < code.examples().size(); i++) {
        own.add(new String[] {code.examples().get(i), "example " + (i + 1)});
      }
      List<String[]> against = new ArrayList<>();
      for (int i = 0; i < code.counterExamples().size(); i++) {
        against.add(new String[] {code.counterExamples().get(i), "counter-example " + (i + 1)});
      }
      if (own.isEmpty()) {
        continue;
      }
      profiles.positives.put(code.id(), prototypes(own, embedder));
      List<Prototype> negative = new ArrayList<>(prototypes(against, embedder));
      negative.addAll(shared);
      profiles.negatives.put(code.id(), negative);
    }
    return profiles;
  }

  private static List<Prototype> prototypes(List<String[]> texts, SentenceEmbedder embedder) {
    List<float[]> vectors = embedder.embed(texts.stream().map(t -> t[0]).toList());
    List<Prototype> prototypes = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      prototypes.add(new Prototype(texts.get(i)[0], texts.get(i)[1], vectors.get(i)));
    }
    return prototypes;
  }

  /** The model the profiles were made with: segments must be embedded by the same one. */
  public String embedderDescription() {
    return embedderDescription;
  }

  /** True when {@code codeId} has a profile (a definition or examples). */
  public boolean has(String codeId) {
    return positives.containsKey(codeId);
  }

  /**
   * How close the nearest of the segment's windows comes to the code, or null when the code has no
   * profile or the segment no embedded windows.
   */
  public Similarity similarity(Segment segment, String codeId) {
    return similarity(segment.windows(), codeId, null);
  }

  /**
   * As {@link #similarity(Segment, String)}, leaving out the codebook sentence {@code leaveOut}
   * (when a codebook's own example is scored, so that it is not compared with itself).
   */
  public Similarity similarity(List<SentenceWindow> windows, String codeId, String leaveOut) {
    List<Prototype> own = positives.get(codeId);
    if (own == null || windows.isEmpty()) {
      return null;
    }
    Similarity best = null;
    for (SentenceWindow window : windows) {
      Prototype nearest = null;
      double positive = Double.NEGATIVE_INFINITY;
      for (Prototype prototype : own) {
        if (prototype.text().equals(leaveOut)) {
          continue;
        }
        double similarity = Vectors.dot(window.vector(), prototype.vector());
        if (similarity > positive) {
          positive = similarity;
          nearest = prototype;
        }
      }
      if (nearest == null) {
        return null;
      }
      double negative = Double.NEGATIVE_INFINITY;
      for (Prototype prototype : negatives.get(codeId)) {
        if (!prototype.text().equals(leaveOut)) {
          negative = Math.max(negative, Vectors.dot(window.vector(), prototype.vector()));
        }
      }
      double score = positive - negative;
      if (best == null || score > best.score()) {
        best = new Similarity(score, positive, window.span(), nearest.text(), nearest.source());
      }
    }
    return best;
  }

  /** The everyday meeting talk every code is contrasted with. */
  public List<String> background() {
    return BACKGROUND_SENTENCES;
  }

  private static final List<String> BACKGROUND_SENTENCES = readBackground();

  private static List<String> readBackground() {
    try (InputStream in = CodeProfiles.class.getResourceAsStream(BACKGROUND)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BACKGROUND);
      }
      List<String> lines = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line.strip());
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
