package org.aet.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.aet.model.Segment;
import org.aet.model.Sentence;
import org.aet.model.SentenceWindow;
import org.aet.model.Span;
import org.aet.model.TextAnnotation;

/**
 * The semantic layer's pipeline stage: cuts each segment into sentence windows (each sentence with
 * the one after it, inside the segment) and embeds them, {@value #BATCH_WINDOWS} windows per call,
 * so a long transcript reports how far it has got and a caching embedder keeps an entry per batch.
 */
public final class WindowEmbedding {
  /** Sentences per window: a sentence and the one after it. */
  public static final int WINDOW_SENTENCES = 2;

  /** Windows embedded in one call. */
  static final int BATCH_WINDOWS = 256;

  private final SentenceEmbedder embedder;

  public WindowEmbedding(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  public SentenceEmbedder embedder() {
    return embedder;
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
    List<List<Span>> windowsBySegment = new ArrayList<>(segments.size());
    for (Segment segment : segments) {
      windowsBySegment.add(windows(segment.span(), annotation.sentences()));
    }
    List<String> texts = texts(windowsBySegment, text);
    List<float[]> vectors = new ArrayList<>(texts.size());
    int reported = 0;
    for (int from = 0; from < texts.size(); from += BATCH_WINDOWS) {
      int to = Math.min(texts.size(), from + BATCH_WINDOWS);
      vectors.addAll(embedder.embed(texts.subList(from, to)));
      int done = (int) ((long) text.length() * to / texts.size());
      charactersDone.accept(done - reported);
      reported = done;
    }
    charactersDone.accept(text.length() - reported);
    List<Segment> embedded = new ArrayList<>(segments.size());
    int next = 0;
    for (int i = 0; i < segments.size(); i++) {
      List<SentenceWindow> windows = new ArrayList<>();
      for (Span span : windowsBySegment.get(i)) {
        windows.add(new SentenceWindow(span, vectors.get(next++)));
      }
      embedded.add(segments.get(i).withWindows(windows));
    }
    return embedded;
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
   * The texts the stage embeds for {@code segments}, in order: each window's text, transcription
   * markup masked. Benchmarks embed exactly these with the bare model.
   */
  public static List<String> windowTexts(
      List<Segment> segments, TextAnnotation annotation, String text) {
    return texts(
        segments.stream().map(s -> windows(s.span(), annotation.sentences())).toList(), text);
  }

  private static List<String> texts(List<List<Span>> windowsBySegment, String text) {
    String masked = org.aet.model.Markup.mask(text);
    List<String> texts = new ArrayList<>();
    windowsBySegment.forEach(windows -> windows.forEach(w -> texts.add(w.of(masked))));
    return texts;
  }

  /** The window spans of the segment at {@code span}: one per sentence that starts inside it. */
  static List<Span> windows(Span span, List<Sentence> sentences) {
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
    List<Span> windows = new ArrayList<>(inside.size());
    for (int i = 0; i < inside.size(); i++) {
      int last = Math.min(inside.size() - 1, i + WINDOW_SENTENCES - 1);
      windows.add(new Span(inside.get(i).begin(), inside.get(last).end()));
    }
    return windows;
  }
}
