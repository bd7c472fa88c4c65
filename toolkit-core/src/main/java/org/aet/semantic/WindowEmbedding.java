package org.aet.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.aet.model.Segment;
import org.aet.model.Sentence;
import org.aet.model.SentenceWindow;
import org.aet.model.Span;
import org.aet.model.TextAnnotation;

/**
 * The semantic layer's pipeline stage: cuts each segment into sentence windows (each sentence with
 * the one after it, inside the segment) and gives each a vector, embedding {@value #BATCH_WINDOWS}
 * texts per call, so a long transcript reports how far it has got and a caching embedder keeps an
 * entry per batch. How a window gets its vector is a {@link WindowVectors}: embedded as one text,
 * or made from its sentences' vectors, each sentence embedded once (half the text to embed).
 */
public final class WindowEmbedding {
  /** Sentences per window: a sentence and the one after it. */
  public static final int WINDOW_SENTENCES = 2;

  /** How windows get their vectors unless told otherwise. */
  public static final WindowVectors DEFAULT_VECTORS = WindowVectors.WINDOWS;

  /** Texts embedded in one call. */
  static final int BATCH_WINDOWS = 256;

  private final SentenceEmbedder embedder;
  private final WindowVectors vectors;

  /** The stage with the {@linkplain #DEFAULT_VECTORS default} window vectors. */
  public WindowEmbedding(SentenceEmbedder embedder) {
    this(embedder, DEFAULT_VECTORS);
  }

  public WindowEmbedding(SentenceEmbedder embedder, WindowVectors vectors) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.vectors = Objects.requireNonNull(vectors, "vectors");
  }

  public SentenceEmbedder embedder() {
    return embedder;
  }

  public WindowVectors vectors() {
    return vectors;
  }

  /** The same stage over another embedder (one that remembers, say): the same window vectors. */
  public WindowEmbedding with(SentenceEmbedder other) {
    return new WindowEmbedding(other, vectors);
  }

  /**
   * The model and how windows get their vectors: two stages with the same description give the same
   * vectors, so methods and models record it.
   */
  public String description() {
    return vectors == WindowVectors.WINDOWS
        ? embedder.description()
        : embedder.description() + ", windows as the mean of their sentences' vectors";
  }

  /**
   * The segments of one transcript with their embedded windows.
   *
   * @param text the transcript text every span points into; its transcription markup is not
   *     embedded
   */
  public List<Segment> embed(List<Segment> segments, TextAnnotation annotation, String text) {
    return embed(segments, annotation, text, characters -> {});
  }

  /**
   * The segments of one transcript with their embedded windows, telling {@code charactersDone} how
   * much of the text is done after each batch (the lengths add up to the text's).
   */
  public List<Segment> embed(
      List<Segment> segments, TextAnnotation annotation, String text, IntConsumer charactersDone) {
    List<List<Span>> sentencesBySegment = new ArrayList<>(segments.size());
    for (Segment segment : segments) {
      sentencesBySegment.add(sentences(segment.span(), annotation.sentences()));
    }
    List<List<Span>> embeddedBySegment =
        vectors == WindowVectors.WINDOWS
            ? sentencesBySegment.stream().map(WindowEmbedding::windowsOver).toList()
            : sentencesBySegment;
    List<float[]> embedded = embedInBatches(texts(embeddedBySegment, text), text, charactersDone);
    List<Segment> result = new ArrayList<>(segments.size());
    int next = 0;
    for (int i = 0; i < segments.size(); i++) {
      List<Span> windows = windowsOver(sentencesBySegment.get(i));
      List<float[]> own = embedded.subList(next, next + embeddedBySegment.get(i).size());
      next += own.size();
      List<SentenceWindow> withVectors = new ArrayList<>(windows.size());
      for (int w = 0; w < windows.size(); w++) {
        withVectors.add(new SentenceWindow(windows.get(w), windowVector(own, w)));
      }
      result.add(segments.get(i).withWindows(withVectors));
    }
    return result;
  }

  /**
   * Window {@code w}'s vector from what was embedded for its segment: the window itself, or the
   * mean of its sentences' vectors (a window of sentences {@code w} to {@code w + WINDOW_SENTENCES
   * - 1}, fewer at the segment's end), scaled to unit length.
   */
  private float[] windowVector(List<float[]> embedded, int w) {
    if (vectors == WindowVectors.WINDOWS) {
      return embedded.get(w);
    }
    int last = Math.min(embedded.size() - 1, w + WINDOW_SENTENCES - 1);
    float[] sum = new float[embedded.get(w).length];
    for (int s = w; s <= last; s++) {
      float[] sentence = embedded.get(s);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += sentence[i];
      }
    }
    return Vectors.normalised(sum);
  }

  private List<float[]> embedInBatches(
      List<String> texts, String text, IntConsumer charactersDone) {
    List<float[]> vectorsOut = new ArrayList<>(texts.size());
    int reported = 0;
    for (int from = 0; from < texts.size(); from += BATCH_WINDOWS) {
      int to = Math.min(texts.size(), from + BATCH_WINDOWS);
      vectorsOut.addAll(embedder.embed(texts.subList(from, to)));
      int done = (int) ((long) text.length() * to / texts.size());
      charactersDone.accept(done - reported);
      reported = done;
    }
    charactersDone.accept(text.length() - reported);
    return vectorsOut;
  }

  /**
   * The meaning of a whole text as one unit vector: the mean of its sentence windows' embeddings
   * (see {@link #meaning(Segment)}); null when it has no words. For texts outside a transcript,
   * such as the segments of a labelled file.
   */
  public float[] meaning(String text, TextAnnotation annotation) {
    Span whole = new Span(0, text.length());
    Segment segment =
        new Segment(
            Segment.idFor("text", whole),
            "text",
            0,
            "",
            "",
            null,
            whole,
            text,
            annotation.tokens());
    return meaning(embed(List.of(segment), annotation, text).get(0));
  }

  /**
   * A segment's meaning as one unit vector: the mean of its sentence windows' embeddings, so a long
   * turn and a short one are alike when they say alike things; null when it has no windows (no
   * words, or the semantic layer did not run).
   */
  public static float[] meaning(Segment segment) {
    List<SentenceWindow> windows = segment.windows();
    if (windows.isEmpty()) {
      return null;
    }
    float[] sum = new float[windows.get(0).vector().length];
    for (SentenceWindow window : windows) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += window.vector()[i];
      }
    }
    return Vectors.normalised(sum);
  }

  /**
   * The texts the stage embeds for {@code segments} with {@code vectors}, in order: each window's
   * or each sentence's text, transcription markup masked. Benchmarks embed exactly these with the
   * bare model.
   */
  public static List<String> embeddedTexts(
      WindowVectors vectors, List<Segment> segments, TextAnnotation annotation, String text) {
    return texts(
        segments.stream()
            .map(s -> sentences(s.span(), annotation.sentences()))
            .map(spans -> vectors == WindowVectors.WINDOWS ? windowsOver(spans) : spans)
            .toList(),
        text);
  }

  private static List<String> texts(List<List<Span>> windowsBySegment, String text) {
    String masked = org.aet.model.Markup.mask(text);
    List<String> texts = new ArrayList<>();
    windowsBySegment.forEach(windows -> windows.forEach(w -> texts.add(w.of(masked))));
    return texts;
  }

  /** The window spans of the segment at {@code span}: one per sentence that starts inside it. */
  static List<Span> windows(Span span, List<Sentence> sentences) {
    return windowsOver(sentences(span, sentences));
  }

  /**
   * The sentences that start inside the segment at {@code span}, cut at its end; the whole span
   * when none starts there (and nothing for an empty span).
   */
  private static List<Span> sentences(Span span, List<Sentence> sentences) {
    List<Span> inside = new ArrayList<>();
    for (Sentence sentence : sentences) {
      Span s = sentence.span();
      if (s.begin() >= span.begin() && s.begin() < span.end()) {
        inside.add(new Span(s.begin(), Math.min(s.end(), span.end())));
      }
    }
    if (inside.isEmpty()) {
      return span.length() == 0 ? List.of() : List.of(span);
    }
    return inside;
  }

  /** One window per sentence: it and the {@code WINDOW_SENTENCES - 1} after it, where there are. */
  private static List<Span> windowsOver(List<Span> sentences) {
    List<Span> windows = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      int last = Math.min(sentences.size() - 1, i + WINDOW_SENTENCES - 1);
      windows.add(new Span(sentences.get(i).begin(), sentences.get(last).end()));
    }
    return windows;
  }
}
