package org.aet.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.Folds;
import org.aet.evaluation.LabelledSegment;
import org.aet.evaluation.LabelledSegments;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.learning.PassageModel;
import org.aet.learning.PassageTrial;
import org.aet.model.Segment;
import org.aet.nlp.CachingAnnotator;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.nlp.LazyAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.ranking.ScoredSegment;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.CachingEmbedder;
import org.aet.semantic.WindowEmbedding;

/**
 * What each part of passage-level learning adds, measured leave-one-transcript-out on a labelled
 * file: the turn-level yardstick, then the best window, refined, with words, with "like the
 * passages you coded". Per pole and pooled: precision, recall, kappa. Usage: {@code PassageLearning
 * CACHE GOLD.jsonl TRANSCRIPTS...} (a cache folder as {@code aet --cache} uses it); {@code
 * -Dcodes=PATH,...} measures only those poles.
 */
public final class PassageLearning {
  private PassageLearning() {}

  static final List<PassageModel.Options> VARIANTS =
      List.of(
          PassageModel.Options.TURN,
          new PassageModel.Options(true, true, false, false),
          PassageModel.Options.ALL);

  public static void main(String[] args) throws Exception {
    Path cache = Path.of(args[0]);
    Codebook book = Codebooks.load("four-tensions");
    Map<String, List<String>> gold = new LinkedHashMap<>();
    for (LabelledSegment s : LabelledSegments.read(Path.of(args[1]))) {
      gold.put(s.segmentId(), s.codes());
    }
    List<Path> inputs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    CachingAnnotator annotator =
        new CachingAnnotator(new LazyAnnotator(CoreNlpAnnotator::shared), cache);
    WindowEmbedding embedding =
        new WindowEmbedding(
            new CachingEmbedder(new BgeSmallEmbedder(() -> {}), cache.resolve("embeddings")));
    List<Segment> segments =
        ScoredSegment.segments(
            ReadCorpus.read(
                    Corpus.discover(inputs, TranscriptReader.registry()), ProgressListener.SILENT)
                .transcripts(),
            annotator,
            new Segmenter(SegmentUnit.TURN),
            embedding,
            gold::containsKey);
    List<PassageModel.Turn> turns = new ArrayList<>();
    for (Segment s : segments) {
      Set<String> codes = new LinkedHashSet<>();
      for (String label : gold.get(s.id())) {
        var code = book.find(label);
        if (code != null) {
          codes.add(book.path(code.id()));
        }
      }
      turns.add(PassageModel.Turn.of(s, Folds.transcriptOf(s.id()), codes));
    }
    // -Dcodes=a,b measures only those poles (on a busy machine, each pole is a few minutes a
    // variant).
    String only = System.getProperty("codes", "");
    List<String> poles =
        book.codes().stream()
            .filter(c -> book.children(c.id()).isEmpty())
            .map(c -> book.path(c.id()))
            .filter(p -> only.isEmpty() || List.of(only.split(",")).contains(p))
            .toList();
    System.out.printf(
        "%d turns of %d gold segments; leave one transcript out%n", turns.size(), gold.size());
    // The variants are independent: one thread each, printed in order.
    List<java.util.concurrent.Future<List<Evaluation.CodeScore>>> runs = new ArrayList<>();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(VARIANTS.size());
    for (PassageModel.Options options : VARIANTS) {
      ProgressListener progress =
          new ProgressListener() {
            @Override
            public void progress(String stage, long done, long total) {
              System.err.printf("%s: %d of %d%n", options.label(), done, total);
            }
          };
      runs.add(pool.submit(() -> PassageTrial.leaveOneOut(turns, poles, 2, options, 42, progress)));
    }
    for (int i = 0; i < VARIANTS.size(); i++) {
      print(VARIANTS.get(i).label(), runs.get(i).get());
    }
    pool.shutdown();
  }

  private static void print(String label, List<Evaluation.CodeScore> scores) {
    Evaluation.CodeScore pooled = PassageTrial.pooled(scores);
    System.out.printf(
        Locale.ROOT,
        "== %s%n  %-44s %5s %5s %5s %6s %6s %6s%n",
        label,
        "code",
        "right",
        "wrong",
        "coded",
        "prec",
        "recall",
        "kappa");
    List<Evaluation.CodeScore> rows = new ArrayList<>(scores);
    rows.add(pooled);
    for (Evaluation.CodeScore s : rows) {
      System.out.printf(
          Locale.ROOT,
          "  %-44s %5d %5d %5d %6.2f %6.2f %6.2f%n",
          s.code(),
          s.truePositives(),
          s.falsePositives(),
          s.support(),
          s.precision(),
          s.recall(),
          s.kappa());
    }
    System.out.flush();
  }
}
