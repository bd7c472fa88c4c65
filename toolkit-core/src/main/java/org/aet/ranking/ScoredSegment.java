package org.aet.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.aet.model.Segment;
import org.aet.model.TextAnnotation;
import org.aet.model.Transcript;
import org.aet.nlp.Annotator;
import org.aet.nlp.Piecewise;
import org.aet.pipeline.ProgressListener;
import org.aet.segment.Segmenter;
import org.aet.semantic.WindowEmbedding;

/**
 * A segment as the review loop sees it: its meaning (features) and, per code, what was known of it
 * before the team coded anything (its {@link Prior}). The same for ranked rounds on a project and
 * for simulations, so the two cannot drift apart.
 */
public record ScoredSegment(String id, float[] features, Map<String, Double> priorByCode) {
  /** The progress stage of reading and embedding passages, counted in transcripts. */
  public static final String READING = "reading passages";

  /**
   * Annotates, segments and embeds {@code transcripts} and scores every segment {@code keep}
   * accepts; segments without words are left out.
   */
  public static List<ScoredSegment> of(
      List<Transcript> transcripts,
      Annotator annotator,
      Segmenter segmenter,
      WindowEmbedding embedding,
      Prior prior,
      Predicate<String> keep) {
    return of(segments(transcripts, annotator, segmenter, embedding, keep), prior);
  }

  /** Each of {@code segments} (embedded, with words) with its meaning and prior. */
  public static List<ScoredSegment> of(List<Segment> segments, Prior prior) {
    List<ScoredSegment> scored = new ArrayList<>(segments.size());
    for (Segment segment : segments) {
      scored.add(
          new ScoredSegment(segment.id(), WindowEmbedding.meaning(segment), prior.byCode(segment)));
    }
    return scored;
  }

  /**
   * {@code scored} segments as items of a ranking for {@code target}, with its prior: the one way
   * both ranked rounds on a project and simulations make them.
   */
  public static List<ReviewRanking.Item> items(List<ScoredSegment> scored, ReviewTarget target) {
    List<ReviewRanking.Item> items = new ArrayList<>(scored.size());
    for (ScoredSegment segment : scored) {
      items.add(
          new ReviewRanking.Item(
              segment.id(), segment.features(), target.prior(segment.priorByCode())));
    }
    return items;
  }

  /**
   * The segments of {@code transcripts} that {@code keep} accepts, embedded; those without words
   * (no meaning) are left out.
   */
  public static List<Segment> segments(
      List<Transcript> transcripts,
      Annotator annotator,
      Segmenter segmenter,
      WindowEmbedding embedding,
      Predicate<String> keep) {
    return segments(transcripts, annotator, segmenter, embedding, keep, ProgressListener.SILENT);
  }

  /**
   * As {@link #segments(List, Annotator, Segmenter, WindowEmbedding, Predicate)}, telling {@code
   * progress} how many transcripts are read ({@link #READING}), since reading and embedding a
   * project's passages the first time takes minutes.
   */
  public static List<Segment> segments(
      List<Transcript> transcripts,
      Annotator annotator,
      Segmenter segmenter,
      WindowEmbedding embedding,
      Predicate<String> keep,
      ProgressListener progress) {
    List<Segment> kept = new ArrayList<>();
    int done = 0;
    progress.progress(READING, done, transcripts.size());
    for (Transcript transcript : transcripts) {
      TextAnnotation annotation = Piecewise.annotate(annotator, transcript.text());
      for (Segment segment :
          embedding.embed(
              segmenter.segment(transcript, annotation), annotation, transcript.text())) {
        if (WindowEmbedding.meaning(segment) != null && keep.test(segment.id())) {
          kept.add(segment);
        }
      }
      progress.progress(READING, ++done, transcripts.size());
    }
    return kept;
  }
}
