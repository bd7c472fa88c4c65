package org.aet.learning;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.coding.Calibration;
import org.aet.coding.Calibrations;
import org.aet.coding.SuggestionCoder;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.Folds;
import org.aet.evaluation.LabelledSegment;
import org.aet.model.Segment;
import org.aet.nlp.Annotator;
import org.aet.pipeline.ProgressListener;
import org.aet.semantic.WindowEmbedding;

/**
 * Judges aet's suggestions as they will be used: on a transcript they learned nothing from. Each
 * labelled transcript is held out in turn and coded twice: by the codebook alone (rules and the
 * semantic layer, calibrated on the codebook's own sentences, so nothing is learned from the
 * labels) and by a model trained on the other transcripts' labelled segments, its thresholds chosen
 * by cross-validation over those other transcripts only. Every segment is annotated and embedded
 * once, so the whole trial runs in one process. Optionally a learning curve: models trained on the
 * first N labelled turns of the other transcripts, whole transcripts first, in an order fixed by
 * the seed.
 *
 * <p>Scores are over the codes without sub-codes (in four-tensions, the poles), per code and pooled
 * over every code's decisions, with a reliability table: the confidence shown beside each candidate
 * against the share of such candidates that were right.
 */
public final class LeaveOneTranscriptOut {
  /** The progress stage of annotating and embedding the labelled segments, transcript by one. */
  public static final String READING = "Reading the labelled transcripts";

  /** The progress stage of holding out each transcript in turn. */
  public static final String JUDGING = "Judging each transcript by what was learned without it";

  /** The progress stage of the learning curve, size by size. */
  public static final String CURVE = "Learning curve";

  /** The team sizes of the learning curve, in coded turns, unless others are asked for. */
  public static final List<Integer> CURVE_TURNS = List.of(25, 50, 100, 200, 400, 800);

  /**
   * @param meaning whether the learned models read the segments' meaning (sentence embeddings)
   * @param floor the codebook's suggestions are shown from this estimated precision
   * @param curveTurns the sizes of the learning curve (empty: no curve)
   * @param seed fixes the order in which the curve takes transcripts, and the inner folds
   * @param starter a model learned elsewhere (the codebook's starter model), judged on every
   *     transcript as it is, since it learned from none of them; null for none
   */
  public record Settings(
      boolean meaning, double floor, List<Integer> curveTurns, long seed, LearnedModel starter) {
    public Settings {
      curveTurns = List.copyOf(curveTurns);
    }

    /** Settings without a starter model. */
    public Settings(boolean meaning, double floor, List<Integer> curveTurns, long seed) {
      this(meaning, floor, curveTurns, seed, null);
    }
  }

  /**
   * The starter model on this labelled coding: its suggestions on every transcript (as {@code aet
   * code --starter} makes them), and whether they pass the rule for using it ({@link #helps}).
   *
   * @param result its scores, or null when it was not judged
   * @param helps whether it passes the rule against the codebook alone
   * @param learnedFromHere the transcripts of this coding it learned from: when there are any it is
   *     not judged, since its figures would leak
   */
  public record StarterTrial(Result result, boolean helps, Set<String> learnedFromHere) {
    public StarterTrial {
      learnedFromHere = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(learnedFromHere));
    }
  }

  /**
   * The rule a way of suggesting must pass before it is used instead of the codebook alone, set
   * before the four-tensions starter model was built (docs/validity.md): on the same transcripts, a
   * pooled kappa above the codebook alone's, a precision not below it, and a kappa above the
   * codebook's on every code whose suggestions it changes (a figure that cannot be computed, as for
   * a code never suggested, counts as 0).
   */
  public static boolean helps(Result candidate, Result codebook) {
    if (!(orZero(candidate.pooled().kappa()) > orZero(codebook.pooled().kappa()))
        || !(orZero(candidate.pooled().precision()) >= orZero(codebook.pooled().precision()))) {
      return false;
    }
    Map<String, Evaluation.CodeScore> before = new LinkedHashMap<>();
    codebook.codes().forEach(code -> before.put(code.code(), code));
    for (Evaluation.CodeScore code : candidate.codes()) {
      Evaluation.CodeScore was = before.get(code.code());
      boolean changed =
          was == null
              || was.truePositives() != code.truePositives()
              || was.falsePositives() != code.falsePositives();
      double kappaBefore = was == null ? 0 : orZero(was.kappa());
      if (changed && !(orZero(code.kappa()) > kappaBefore)) {
        return false;
      }
    }
    return true;
  }

  private static double orZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  /** One candidate of a code in a segment: the confidence shown, and whether it was right. */
  public record Candidate(
      String segmentId, String code, double confidence, boolean suggested, boolean right) {}

  /**
   * One row of a reliability table: the candidates shown a confidence from {@code from} to below
   * {@code to}, and how many of them were right.
   */
  public record Bin(double from, double to, int candidates, double meanConfidence, int right) {
    /** The share of the bin's candidates that were right. */
    public double observed() {
      return candidates == 0 ? Double.NaN : (double) right / candidates;
    }
  }

  /**
   * How one way of suggesting did on the transcripts held out.
   *
   * @param method what made the suggestions, in words
   * @param codes per code without sub-codes, in the codebook's order
   * @param pooled every code's decisions pooled (micro average)
   * @param suggestions how many suggestions were made
   * @param meanConfidence the mean confidence shown beside them (NaN when there were none)
   * @param reliability shown confidence against observed precision, by tenths, over every candidate
   */
  public record Result(
      String method,
      List<Evaluation.CodeScore> codes,
      Evaluation.CodeScore pooled,
      int suggestions,
      double meanConfidence,
      List<Bin> reliability) {
    public Result {
      codes = List.copyOf(codes);
      reliability = List.copyOf(reliability);
    }
  }

  /** A point of the learning curve: models trained on {@code turns} coded turns of others. */
  public record CurvePoint(int turns, Result result) {}

  /**
   * The whole trial.
   *
   * @param segments labelled segments judged
   * @param transcripts the transcripts, each held out once
   * @param codebookAlone the codebook's own suggestions
   * @param codebookCalibrated the codebook's suggestions with their confidence estimated on the
   *     labelled turns of the other transcripts (as {@code aet code --calibrate} estimates it), not
   *     on the codebook's own sentences
   * @param learned a model trained on all the other transcripts, as {@code aet code --model} uses
   *     it: each code's threshold, and a confidence (the precision observed on held-out transcripts
   *     in training) at or above the floor
   * @param learnedAtThreshold the same model at each code's threshold alone, its probability shown:
   *     how learned models suggested before the confidence curve
   * @param learnedWithCodebook the codebook's own suggestions and that model's together, as {@code
   *     aet code --model} (or {@code --starter}) makes them
   * @param curve models trained on fewer turns of the other transcripts
   * @param trainedOn for each transcript held out, the transcripts its model learned from
   * @param starter the starter model on every transcript, or null when none was given
   */
  public record Outcome(
      int segments,
      List<String> transcripts,
      Result codebookAlone,
      Result codebookCalibrated,
      Result learned,
      Result learnedAtThreshold,
      Result learnedWithCodebook,
      List<CurvePoint> curve,
      Map<String, Set<String>> trainedOn,
      StarterTrial starter) {

    /** This outcome with its learning curve. */
    Outcome withCurve(List<CurvePoint> points) {
      return new Outcome(
          segments,
          transcripts,
          codebookAlone,
          codebookCalibrated,
          learned,
          learnedAtThreshold,
          learnedWithCodebook,
          points,
          trainedOn,
          starter);
    }

    /** Every way of suggesting judged on the whole coding, in the order they are reported. */
    public List<Result> judged() {
      List<Result> results =
          new ArrayList<>(
              List.of(
                  codebookAlone,
                  codebookCalibrated,
                  learned,
                  learnedAtThreshold,
                  learnedWithCodebook));
      if (starter != null && starter.result() != null) {
        results.add(starter.result());
      }
      return results;
    }
  }

  /**
   * Hears of each part of the trial as soon as it is done, so that a long learning curve does not
   * keep the rest waiting.
   */
  public interface Results {
    /** The codebook alone and the models learned from all other transcripts (no curve yet). */
    default void judged(Outcome outcome) {}

    /** One point of the learning curve, in order of size. */
    default void point(CurvePoint point) {}
  }

  /** A labelled segment, annotated and embedded, with the codes it has. */
  private record Prepared(
      String id, Segment segment, Set<String> leaves, Trainer.Example example) {}

  private final Codebook codebook;
  private final Settings settings;
  private final List<String> leaves;
  private final Map<String, List<Prepared>> byTranscript = new LinkedHashMap<>();

  private LeaveOneTranscriptOut(Codebook codebook, Settings settings) {
    this.codebook = codebook;
    this.settings = settings;
    this.leaves =
        codebook.codes().stream()
            .filter(c -> codebook.children(c.id()).isEmpty())
            .map(Code::id)
            .map(codebook::path)
            .toList();
  }

  /**
   * Runs the trial on {@code labelled} segments (their transcript is the part of the segment id
   * before '@'; at least two transcripts are needed).
   *
   * @param embedding the semantic layer (the codebook alone needs it; the models read it with
   *     {@link Settings#meaning})
   * @param unknownCodes collects labels that name no code of the codebook
   * @throws IllegalArgumentException when the segments come from fewer than two transcripts
   */
  public static Outcome run(
      List<LabelledSegment> labelled,
      Codebook codebook,
      Annotator annotator,
      WindowEmbedding embedding,
      Settings settings,
      List<String> unknownCodes,
      ProgressListener progress)
      throws IOException {
    return run(
        labelled,
        codebook,
        annotator,
        embedding,
        settings,
        unknownCodes,
        progress,
        new Results() {});
  }

  /** As {@link #run}, telling {@code results} of each part as soon as it is done. */
  public static Outcome run(
      List<LabelledSegment> labelled,
      Codebook codebook,
      Annotator annotator,
      WindowEmbedding embedding,
      Settings settings,
      List<String> unknownCodes,
      ProgressListener progress,
      Results results)
      throws IOException {
    LeaveOneTranscriptOut trial = new LeaveOneTranscriptOut(codebook, settings);
    trial.prepare(labelled, annotator, embedding, unknownCodes, progress);
    if (trial.byTranscript.size() < 2) {
      throw new IllegalArgumentException(
          "the labelled segments come from "
              + trial.byTranscript.size()
              + " transcript(s); holding one out needs at least two");
    }
    SuggestionCoder codebookAlone =
        SuggestionCoder.calibrated(
            codebook, annotator, embedding, null, null, settings.floor(), new TreeSet<>());
    List<Candidate> aloneCandidates = trial.codebookCandidates(codebookAlone);
    Result alone =
        trial.result(
            "the codebook alone (rules and semantic layer, calibrated on its own sentences)",
            aloneCandidates);
    Result calibrated =
        trial.result(
            "the codebook calibrated on the other transcripts' labelled turns (as --calibrate"
                + " does)",
            trial.calibratedCandidates(codebookAlone));
    Map<String, Set<String>> trainedOn = new LinkedHashMap<>();
    List<String> transcripts = List.copyOf(trial.byTranscript.keySet());
    List<java.util.concurrent.Callable<Judged>> jobs = new ArrayList<>();
    for (String heldOut : transcripts) {
      List<Trainer.Example> others = trial.examplesWithout(heldOut);
      trainedOn.put(heldOut, trial.transcriptsOf(others));
      jobs.add(() -> trial.judge(heldOut, others));
    }
    List<Candidate> learned = new ArrayList<>();
    List<Candidate> atThreshold = new ArrayList<>();
    for (Judged judged : inParallel(jobs, JUDGING, progress, (i, j) -> {})) {
      learned.addAll(judged.learned());
      atThreshold.addAll(judged.atThreshold());
    }
    Result model =
        trial.result(
            "a model learned from the other transcripts"
                + (settings.meaning() ? " (words and meaning)" : " (words)"),
            learned);
    Result before =
        trial.result(
            "the same model at each code's threshold alone, its probability shown", atThreshold);
    Result together =
        trial.result(
            "the codebook and that model together (as aet code --model suggests)",
            together(aloneCandidates, learned));
    StarterTrial starter =
        settings.starter() == null
            ? null
            : trial.starterTrial(settings.starter(), aloneCandidates, alone);
    Outcome judged =
        new Outcome(
            labelled.size(),
            transcripts,
            alone,
            calibrated,
            model,
            before,
            together,
            List.of(),
            trainedOn,
            starter);
    results.judged(judged);
    return judged.withCurve(trial.curve(progress, results));
  }

  /**
   * The starter model's suggestions on every transcript with the codebook's own, as {@code aet code
   * --starter} makes them (each code's threshold and a confidence at the floor), unless it learned
   * from some of the transcripts.
   */
  private StarterTrial starterTrial(
      LearnedModel starter, List<Candidate> codebookCandidates, Result codebookAlone) {
    Set<String> learnedFromHere = starter.learnedFromAmong(byTranscript.keySet());
    if (!learnedFromHere.isEmpty()) {
      return new StarterTrial(null, false, learnedFromHere);
    }
    LearnedCoder coder = new LearnedCoder(starter, codebook, null, null, settings.floor());
    List<Candidate> candidates = new ArrayList<>();
    for (List<Prepared> transcript : byTranscript.values()) {
      for (Prepared p : transcript) {
        for (Map.Entry<String, Double> e : coder.probabilities(p.segment()).entrySet()) {
          String path = e.getKey();
          if (leaves.contains(path)) {
            candidates.add(
                new Candidate(
                    p.id(),
                    path,
                    starter.confidence(path, e.getValue()),
                    coder.suggests(path, e.getValue()),
                    p.leaves().contains(path)));
          }
        }
      }
    }
    Result result =
        result(
            "the codebook with the starter model ("
                + starter.trainingSegments()
                + " segments learned elsewhere), on every transcript as it is (as aet code"
                + " --starter suggests)",
            together(codebookCandidates, candidates));
    return new StarterTrial(result, helps(result, codebookAlone), Set.of());
  }

  /**
   * Two ways of suggesting at once, as {@code aet code} runs the codebook and a model: a code is
   * suggested in a segment when either suggests it, shown with the higher confidence of those that
   * do (of all, when neither does).
   */
  static List<Candidate> together(List<Candidate> first, List<Candidate> second) {
    Map<String, Candidate> byPlace = new LinkedHashMap<>();
    for (List<Candidate> candidates : List.of(first, second)) {
      for (Candidate c : candidates) {
        byPlace.merge(
            c.segmentId() + "\u0000" + c.code(),
            c,
            (a, b) ->
                a.suggested() != b.suggested()
                    ? (a.suggested() ? a : b)
                    : (a.confidence() >= b.confidence() ? a : b));
      }
    }
    return new ArrayList<>(byPlace.values());
  }

  private void prepare(
      List<LabelledSegment> labelled,
      Annotator annotator,
      WindowEmbedding embedding,
      List<String> unknownCodes,
      ProgressListener progress) {
    Map<String, List<LabelledSegment>> grouped = new LinkedHashMap<>();
    for (LabelledSegment segment : labelled) {
      grouped
          .computeIfAbsent(Folds.transcriptOf(segment.segmentId()), k -> new ArrayList<>())
          .add(segment);
    }
    int done = 0;
    for (Map.Entry<String, List<LabelledSegment>> entry : grouped.entrySet()) {
      progress.progress(READING, done++, grouped.size());
      List<LabelledSegment> segments = entry.getValue();
      List<Segment> read =
          Calibrations.standalone(
              segments.stream().map(LabelledSegment::text).toList(), annotator, embedding);
      List<Prepared> prepared = new ArrayList<>();
      for (int i = 0; i < segments.size(); i++) {
        Set<String> codes = Trainer.codesOf(codebook, segments.get(i), unknownCodes);
        Segment segment = read.get(i);
        float[] meaning = settings.meaning() ? WindowEmbedding.meaning(segment) : null;
        Trainer.Example example =
            new Trainer.Example(Features.lemmas(segment.tokens()), meaning, codes, entry.getKey());
        Set<String> leafCodes = new LinkedHashSet<>(codes);
        leafCodes.retainAll(leaves);
        prepared.add(new Prepared(segments.get(i).segmentId(), segment, leafCodes, example));
      }
      byTranscript.put(entry.getKey(), prepared);
    }
    progress.progress(READING, grouped.size(), grouped.size());
  }

  private List<Candidate> codebookCandidates(SuggestionCoder coder) {
    List<Candidate> candidates = new ArrayList<>();
    for (List<Prepared> transcript : byTranscript.values()) {
      for (Prepared p : transcript) {
        for (SuggestionCoder.Candidate c : coder.candidates(p.segment())) {
          String path = codebook.path(c.codeId());
          candidates.add(
              new Candidate(
                  p.id(),
                  path,
                  c.estimatedPrecision(),
                  c.estimatedPrecision() >= settings.floor(),
                  p.leaves().contains(path)));
        }
      }
    }
    return candidates;
  }

  /**
   * The codebook's candidates of each transcript held out, their confidence the precision a
   * calibration fitted to the other transcripts' candidates estimates (every candidate right when
   * its turn carries the code), exactly as {@code --calibrate} fits one to a labelled file.
   */
  private List<Candidate> calibratedCandidates(SuggestionCoder coder) {
    Map<String, List<Calibration.Observation>> observed = new LinkedHashMap<>();
    Map<String, List<Prepared>> owners = new LinkedHashMap<>();
    byTranscript.forEach(
        (transcript, prepared) -> {
          List<Calibration.Observation> observations = new ArrayList<>();
          for (Prepared p : prepared) {
            for (SuggestionCoder.Candidate c : coder.candidates(p.segment())) {
              boolean right = p.leaves().contains(codebook.path(c.codeId()));
              observations.add(
                  new Calibration.Observation(c.codeId(), c.route(), c.score(), right));
            }
          }
          observed.put(transcript, observations);
          owners.put(transcript, prepared);
        });
    List<Candidate> candidates = new ArrayList<>();
    for (String heldOut : byTranscript.keySet()) {
      List<Calibration.Observation> others = new ArrayList<>();
      observed.forEach((t, o) -> others.addAll(t.equals(heldOut) ? List.of() : o));
      Calibration calibration = Calibration.fit(others, "the other transcripts");
      for (Prepared p : owners.get(heldOut)) {
        for (SuggestionCoder.Candidate c : coder.candidates(p.segment())) {
          String path = codebook.path(c.codeId());
          double shown = calibration.precision(c.codeId(), c.route(), c.score());
          candidates.add(
              new Candidate(
                  p.id(), path, shown, shown >= settings.floor(), p.leaves().contains(path)));
        }
      }
    }
    return candidates;
  }

  private List<Trainer.Example> examplesWithout(String heldOut) {
    List<Trainer.Example> examples = new ArrayList<>();
    byTranscript.forEach(
        (transcript, prepared) -> {
          if (!transcript.equals(heldOut)) {
            prepared.forEach(p -> examples.add(p.example()));
          }
        });
    return examples;
  }

  private Set<String> transcriptsOf(List<Trainer.Example> examples) {
    Set<String> transcripts = new TreeSet<>();
    examples.forEach(e -> transcripts.add(e.transcript()));
    return transcripts;
  }

  /** The candidates of one transcript held out: as shown, and at the threshold alone. */
  private record Judged(List<Candidate> learned, List<Candidate> atThreshold) {}

  /**
   * The candidates of a model trained on {@code training} (leaves only, thresholds and confidence
   * by grouped cross-validation over it) on the transcript {@code heldOut}: as {@code aet code
   * --model} shows them, and at the threshold alone with the probability shown. None when nothing
   * could be learned.
   */
  private Judged judge(String heldOut, List<Trainer.Example> training) throws IOException {
    List<Candidate> learned = new ArrayList<>();
    List<Candidate> atThreshold = new ArrayList<>();
    Trainer.Options options =
        new Trainer.Options(
            Trainer.Algorithm.LOGISTIC,
            Trainer.Options.DEFAULT.folds(),
            settings.seed(),
            Trainer.Options.DEFAULT.minPositives());
    LearnedModel model =
        Trainer.train(
            codebook, training, options, new ProgressListener() {}, leaves::contains, false);
    LearnedCoder coder = new LearnedCoder(model, codebook, null, null, settings.floor());
    for (Prepared p : byTranscript.get(heldOut)) {
      for (Map.Entry<String, Double> e : coder.probabilities(p.segment()).entrySet()) {
        String path = e.getKey();
        double probability = e.getValue();
        boolean right = p.leaves().contains(path);
        learned.add(
            new Candidate(
                p.id(),
                path,
                model.confidence(path, probability),
                coder.suggests(path, probability),
                right));
        atThreshold.add(
            new Candidate(p.id(), path, probability, probability >= model.threshold(path), right));
      }
    }
    return new Judged(learned, atThreshold);
  }

  /**
   * Runs {@code jobs} on as many threads as there are processors (each trains its own models; the
   * trial's data are only read) and returns their results in order, handing each to {@code each}
   * (with its index) and telling {@code progress} as it is done.
   */
  private static <T> List<T> inParallel(
      List<java.util.concurrent.Callable<T>> jobs,
      String stage,
      ProgressListener progress,
      java.util.function.BiConsumer<Integer, T> each)
      throws IOException {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors())));
    try {
      List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
      jobs.forEach(job -> futures.add(pool.submit(job)));
      List<T> results = new ArrayList<>();
      progress.progress(stage, 0, jobs.size());
      for (java.util.concurrent.Future<T> future : futures) {
        T result = future.get();
        each.accept(results.size(), result);
        results.add(result);
        progress.progress(stage, results.size(), jobs.size());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The learning curve: for each size, every transcript judged by a model of that many turns. */
  private List<CurvePoint> curve(ProgressListener progress, Results results) throws IOException {
    List<String> transcripts = List.copyOf(byTranscript.keySet());
    List<java.util.concurrent.Callable<Judged>> jobs = new ArrayList<>();
    for (int turns : settings.curveTurns()) {
      for (String heldOut : transcripts) {
        jobs.add(() -> judge(heldOut, firstTurns(heldOut, turns)));
      }
    }
    List<CurvePoint> points = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    inParallel(
        jobs,
        CURVE,
        progress,
        (i, judged) -> {
          candidates.addAll(judged.learned());
          if ((i + 1) % transcripts.size() == 0) {
            int turns = settings.curveTurns().get(i / transcripts.size());
            CurvePoint point =
                new CurvePoint(
                    turns, result("a model learned from " + turns + " coded turns", candidates));
            candidates.clear();
            points.add(point);
            results.point(point);
          }
        });
    return points;
  }

  /**
   * The first {@code turns} labelled turns of the other transcripts, as a team would code them:
   * whole transcripts one after another, in an order shuffled with the seed (and the held-out
   * transcript's name, so each held-out transcript gets an order of its own), turns in their order.
   */
  private List<Trainer.Example> firstTurns(String heldOut, int turns) {
    List<String> order = new ArrayList<>(byTranscript.keySet());
    order.remove(heldOut);
    Collections.shuffle(order, new Random(settings.seed() * 31 + heldOut.hashCode()));
    List<Trainer.Example> sample = new ArrayList<>();
    for (String transcript : order) {
      for (Prepared p : byTranscript.get(transcript)) {
        if (sample.size() == turns) {
          return sample;
        }
        sample.add(p.example());
      }
    }
    return sample;
  }

  private Result result(String method, List<Candidate> candidates) {
    Map<String, Set<String>> suggested = new LinkedHashMap<>();
    double confidence = 0;
    int suggestions = 0;
    for (Candidate c : candidates) {
      if (c.suggested()) {
        suggested.computeIfAbsent(c.segmentId(), k -> new LinkedHashSet<>()).add(c.code());
        confidence += c.confidence();
        suggestions++;
      }
    }
    List<Evaluation.CodeScore> scores = new ArrayList<>();
    for (String code : leaves) {
      int[] counts = new int[4];
      for (List<Prepared> transcript : byTranscript.values()) {
        for (Prepared p : transcript) {
          boolean gold = p.leaves().contains(code);
          boolean given = suggested.getOrDefault(p.id(), Set.of()).contains(code);
          counts[gold ? (given ? 0 : 2) : (given ? 1 : 3)]++;
        }
      }
      scores.add(Evaluation.score(code, counts));
    }
    return new Result(
        method,
        scores,
        Evaluation.micro(scores),
        suggestions,
        suggestions == 0 ? Double.NaN : confidence / suggestions,
        reliability(candidates));
  }

  /** Candidates by tenths of the confidence shown, with how many of each tenth were right. */
  static List<Bin> reliability(List<Candidate> candidates) {
    int[] count = new int[10];
    int[] right = new int[10];
    double[] sum = new double[10];
    for (Candidate c : candidates) {
      int bin = Math.min(9, Math.max(0, (int) Math.floor(c.confidence() * 10)));
      count[bin]++;
      right[bin] += c.right() ? 1 : 0;
      sum[bin] += c.confidence();
    }
    List<Bin> bins = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      if (count[b] > 0) {
        bins.add(new Bin(b / 10.0, (b + 1) / 10.0, count[b], sum[b] / count[b], right[b]));
      }
    }
    return bins;
  }
}
