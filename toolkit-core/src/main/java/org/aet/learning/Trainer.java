package org.aet.learning;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.Folds;
import org.aet.evaluation.LabelledSegment;
import org.aet.evaluation.PrecisionCurve;
import org.aet.model.TextAnnotation;
import org.aet.nlp.Annotator;
import org.aet.pipeline.ProgressListener;
import org.aet.semantic.WindowEmbedding;

/**
 * Trains one OpenNLP model per code (one-vs-rest: does a segment get this code or not?) on the
 * lemmas and lemma pairs of labelled segments, and optionally their meaning (sentence embeddings),
 * and measures it by k-fold cross-validation with a fixed seed, so the same data always gives the
 * same model and the same figures. A segment labelled with a pole counts for its tension too
 * ({@code power/reciprocity} is also {@code power}).
 */
public final class Trainer {
  /**
   * The learning algorithm: logistic regression fitted by quasi-Newton (L-BFGS) with an L2 penalty
   * (the default: it converges, and the penalty keeps the few hundred segments a team codes from
   * being learnt by heart), maximum entropy by iterative scaling, or naive Bayes.
   */
  public enum Algorithm {
    LOGISTIC("logistic", "MAXENT_QN"),
    MAXENT("maxent", "MAXENT"),
    NAIVE_BAYES("naive-bayes", "NAIVEBAYES");

    final String label;
    final String opennlp;

    Algorithm(String label, String opennlp) {
      this.label = label;
      this.opennlp = opennlp;
    }

    /** The name used on the command line and in model files ("naive-bayes"). */
    public String label() {
      return label;
    }

    /**
     * The algorithm {@code name} names: its label, or a common alias ("lbfgs" and "qn" for logistic
     * regression, "nb" for naive Bayes), in any case.
     *
     * @throws IllegalArgumentException when it names none
     */
    public static Algorithm of(String name) {
      return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "logistic", "lbfgs", "qn" -> LOGISTIC;
        case "maxent" -> MAXENT;
        case "naive-bayes", "naivebayes", "nb" -> NAIVE_BAYES;
        default ->
            throw new IllegalArgumentException(
                "expected logistic, maxent or naive-bayes, not " + name);
      };
    }
  }

  /**
   * @param algorithm the learner
   * @param folds the k of k-fold cross-validation (0 or 1: no cross-validation)
   * @param seed fixes how segments are dealt into folds
   * @param minPositives codes with fewer positive segments than this get no model (too little to
   *     learn from)
   * @param splitTranscripts deal single segments into folds, so that turns of one transcript are on
   *     both sides and the figures leak ({@link Folds#bySegment}); by default each transcript stays
   *     in one fold ({@link Folds#byTranscript})
   */
  public record Options(
      Algorithm algorithm, int folds, long seed, int minPositives, boolean splitTranscripts) {
    public static final Options DEFAULT = new Options(Algorithm.LOGISTIC, 5, 42, 2);

    public Options {
      if (folds < 0) {
        throw new IllegalArgumentException("folds must not be negative: " + folds);
      }
    }

    /** Options that keep each transcript in one fold. */
    public Options(Algorithm algorithm, int folds, long seed, int minPositives) {
      this(algorithm, folds, seed, minPositives, false);
    }

    /** The folds for {@code examples}, as these options deal them. */
    Folds folds(List<Example> examples) {
      List<String> transcripts = examples.stream().map(Example::transcript).toList();
      return splitTranscripts
          ? Folds.bySegment(transcripts, folds, seed)
          : Folds.byTranscript(transcripts, folds, seed);
    }
  }

  /**
   * One training segment.
   *
   * @param features its lemmas ({@link Features#lemmas})
   * @param meaning its sentence embedding ({@link WindowEmbedding#meaning(String,
   *     TextAnnotation)}), or null when the model does not read meaning or the segment has no words
   * @param codes the code paths it has
   * @param transcript the transcript (or case) it comes from: cross-validation keeps a transcript's
   *     segments in one fold
   */
  public record Example(
      List<String> features, float[] meaning, Set<String> codes, String transcript) {
    public Example {
      features = List.copyOf(features);
      codes = Set.copyOf(codes);
      java.util.Objects.requireNonNull(transcript, "transcript");
    }

    Features.Context context() {
      return Features.context(features, meaning);
    }
  }

  /** The progress stage of reading (annotating and embedding) labelled segments. */
  public static final String READING = "Reading the labelled segments";

  /** The progress stage of training and cross-validating, code by code. */
  public static final String TRAINING = "Training, code by code";

  /** The L2 penalty of {@link Algorithm#LOGISTIC}. */
  static final double L2_COST = 0.1;

  private Trainer() {}

  /**
   * Training examples from labelled segments, their texts annotated with {@code annotator}.
   *
   * @param embedding embeds each segment's meaning, for a model that reads it; null for lemmas only
   * @param progress hears of each segment read, as stage {@value #READING}
   */
  public static List<Example> examples(
      List<LabelledSegment> labelled,
      Codebook codebook,
      Annotator annotator,
      WindowEmbedding embedding,
      List<String> unknownCodes,
      ProgressListener progress) {
    List<Example> examples = new ArrayList<>();
    for (LabelledSegment segment : labelled) {
      progress.progress(READING, examples.size(), labelled.size());
      examples.add(
          example(
              segment.text(),
              codesOf(codebook, segment, unknownCodes),
              Folds.transcriptOf(segment.segmentId()),
              annotator,
              embedding));
    }
    progress.progress(READING, examples.size(), labelled.size());
    return examples;
  }

  /**
   * The code paths of a labelled segment, each with its ancestors; labels that name no code are
   * added to {@code unknownCodes} (once each).
   */
  static Set<String> codesOf(
      Codebook codebook, LabelledSegment segment, List<String> unknownCodes) {
    Set<String> codes = new LinkedHashSet<>();
    for (String label : segment.codes()) {
      String path = pathOf(codebook, label);
      if (path == null) {
        if (!unknownCodes.contains(label)) {
          unknownCodes.add(label);
        }
      } else {
        codes.addAll(withAncestors(path));
      }
    }
    return codes;
  }

  private static Example example(
      String text,
      Set<String> codes,
      String transcript,
      Annotator annotator,
      WindowEmbedding embedding) {
    TextAnnotation annotation = annotator.annotate(text);
    return new Example(
        Features.lemmas(annotation.tokens()),
        embedding == null ? null : embedding.meaning(text, annotation),
        codes,
        transcript);
  }

  /**
   * Examples from the codebook itself, for a team that has coded nothing yet: each code's examples
   * are positive for it (and its parent), its counter-examples are segments without it. Each
   * sentence counts as a transcript of its own (they were written one by one).
   */
  public static List<Example> fromCodebook(
      Codebook codebook, Annotator annotator, WindowEmbedding embedding) {
    List<Example> examples = new ArrayList<>();
    for (Code code : codebook.codes()) {
      String path = codebook.path(code.id());
      for (String text : code.examples()) {
        examples.add(
            example(text, withAncestors(path), codebookSource(examples), annotator, embedding));
      }
      for (String text : code.counterExamples()) {
        examples.add(example(text, Set.of(), codebookSource(examples), annotator, embedding));
      }
    }
    return examples;
  }

  private static String codebookSource(List<Example> sofar) {
    return "the codebook's sentence " + (sofar.size() + 1);
  }

  /**
   * Trains a model for every code with enough positive examples. With cross-validation, each code
   * also gets the probability threshold that agrees best with the coding on the segments its models
   * did not see ({@link #bestThreshold}), and two sets of scores on the same folds: the learner's,
   * each fold judged at a threshold chosen on the other folds only, and the {@link
   * LinearSvmBaseline TF-IDF linear SVM}'s, the yardstick it has to beat. The models read meaning
   * when the examples carry it.
   *
   * @throws IllegalArgumentException when the examples carry meaning and the algorithm is not
   *     logistic regression (the others take no real-valued features)
   */
  public static LearnedModel train(Codebook codebook, List<Example> examples, Options options)
      throws IOException {
    return train(codebook, examples, options, new ProgressListener() {});
  }

  /**
   * As {@link #train(Codebook, List, Options)}, telling {@code progress} of each code done, as
   * stage {@value #TRAINING}.
   */
  public static LearnedModel train(
      Codebook codebook, List<Example> examples, Options options, ProgressListener progress)
      throws IOException {
    return train(codebook, examples, options, progress, path -> true, true);
  }

  /**
   * As {@link #train(Codebook, List, Options, ProgressListener)}, for the codes {@code trained}
   * accepts only, and without the baseline when {@code baseline} is false (a held-out trial needs
   * neither the tensions' models nor the SVM's figures).
   */
  static LearnedModel train(
      Codebook codebook,
      List<Example> examples,
      Options options,
      ProgressListener progress,
      java.util.function.Predicate<String> trained,
      boolean baseline)
      throws IOException {
    boolean meaning = examples.stream().anyMatch(e -> e.meaning() != null);
    if (meaning && options.algorithm() != Algorithm.LOGISTIC) {
      throw new IllegalArgumentException(
          "only logistic regression reads sentence embeddings, not " + options.algorithm().label());
    }
    Map<String, MaxentModel> models = new LinkedHashMap<>();
    Map<String, Double> thresholds = new LinkedHashMap<>();
    List<Evaluation.CodeScore> scores = new ArrayList<>();
    List<Evaluation.CodeScore> svmScores = new ArrayList<>();
    Map<String, PrecisionCurve> confidence = new LinkedHashMap<>();
    Folds dealt = options.folds(examples);
    int folds = dealt.count();
    int[] foldOf = dealt.foldOf();
    LinearSvmBaseline svm =
        folds > 1 && baseline
            ? new LinearSvmBaseline(
                examples.stream().map(Example::features).toList(), foldOf, folds, options.seed())
            : null;
    List<Code> codes = codebook.codes();
    for (int c = 0; c < codes.size(); c++) {
      progress.progress(TRAINING, c, codes.size());
      String path = codebook.path(codes.get(c).id());
      if (!trained.test(path)) {
        continue;
      }
      boolean[] actual = new boolean[examples.size()];
      long positives = 0;
      for (int i = 0; i < actual.length; i++) {
        actual[i] = examples.get(i).codes().contains(path);
        positives += actual[i] ? 1 : 0;
      }
      if (positives < options.minPositives() || positives == examples.size()) {
        continue;
      }
      models.put(path, trainOne(path, examples, options));
      if (folds > 1) {
        double[] outOfFold = outOfFold(path, examples, foldOf, folds, options);
        thresholds.put(path, bestThreshold(outOfFold, actual, i -> true));
        confidence.put(path, PrecisionCurve.fit(outOfFold, actual));
        scores.add(scoreOf(path, heldOutCounts(outOfFold, actual, foldOf, folds)));
        if (svm != null) {
          svmScores.add(scoreOf(path, svm.crossValidate(actual)));
        }
      } else {
        thresholds.put(path, DEFAULT_THRESHOLD);
      }
    }
    progress.progress(TRAINING, codes.size(), codes.size());
    return new LearnedModel(
        codebook.name(),
        codebook.version(),
        options.algorithm(),
        meaning,
        models,
        thresholds,
        scores,
        svmScores,
        examples.size(),
        folds > 1 ? dealt.description() : "",
        confidence,
        List.of());
  }

  /**
   * The least agreement with the coding (Cohen's kappa) at which a threshold is chosen: the lower
   * bound of "fair" agreement in Landis and Koch's reading of kappa.
   */
  static final double FAIR_AGREEMENT = 0.2;

  /** The probability threshold of a code that cross-validation could not choose one for. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  /** Each example's probability of the code, from the model trained without its fold. */
  private static double[] outOfFold(
      String path, List<Example> examples, int[] foldOf, int folds, Options options)
      throws IOException {
    double[] probabilities = new double[examples.size()];
    for (int fold = 0; fold < folds; fold++) {
      List<Example> train = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (foldOf[i] != fold) {
          train.add(examples.get(i));
        }
      }
      boolean learnable =
          train.stream().anyMatch(e -> e.codes().contains(path))
              && train.stream().anyMatch(e -> !e.codes().contains(path));
      MaxentModel model = learnable ? trainOne(path, train, options) : null;
      for (int i = 0; i < examples.size(); i++) {
        if (foldOf[i] == fold) {
          probabilities[i] = model == null ? 0 : probability(model, examples.get(i).context());
        }
      }
    }
    return probabilities;
  }

  /**
   * The threshold at which the model agrees best with the coding, beyond chance (Cohen's kappa),
   * over the examples {@code included}: halfway between the lowest probability it lets through and
   * the next one below (ties go to the higher threshold: fewer, surer suggestions). Kappa, not F1,
   * because with a rare code F1 rewards suggesting it everywhere, and kappa gives that zero. {@link
   * #DEFAULT_THRESHOLD} when no threshold reaches {@link #FAIR_AGREEMENT}: a code the model cannot
   * tell apart gets no threshold tuned to noise.
   */
  static double bestThreshold(
      double[] probabilities, boolean[] actual, java.util.function.IntPredicate included) {
    List<Integer> ranked = new ArrayList<>();
    int positives = 0;
    for (int i = 0; i < probabilities.length; i++) {
      if (included.test(i)) {
        ranked.add(i);
        positives += actual[i] ? 1 : 0;
      }
    }
    ranked.sort((a, b) -> Double.compare(probabilities[b], probabilities[a]));
    double best = Double.NEGATIVE_INFINITY;
    double threshold = DEFAULT_THRESHOLD;
    int right = 0;
    for (int k = 0; k < ranked.size(); k++) {
      right += actual[ranked.get(k)] ? 1 : 0;
      double p = probabilities[ranked.get(k)];
      boolean lastOfItsValue = k + 1 == ranked.size() || probabilities[ranked.get(k + 1)] < p;
      if (!lastOfItsValue) {
        continue;
      }
      int wrong = k + 1 - right;
      int missed = positives - right;
      int rightlyLeftOut = ranked.size() - k - 1 - missed;
      double kappa = org.aet.evaluation.Agreement.cohenKappa(right, wrong, missed, rightlyLeftOut);
      if (kappa >= FAIR_AGREEMENT && kappa > best) {
        best = kappa;
        threshold = k + 1 == ranked.size() ? p : (p + probabilities[ranked.get(k + 1)]) / 2;
      }
    }
    return threshold;
  }

  /**
   * Counts (right, wrong, missed, rightly left out) over all folds, each fold's examples judged at
   * the threshold chosen on the other folds' out-of-fold probabilities: an honest estimate of how
   * the chosen thresholds do on segments nobody has coded yet.
   */
  private static int[] heldOutCounts(
      double[] outOfFold, boolean[] actual, int[] foldOf, int folds) {
    int[] counts = new int[4];
    for (int fold = 0; fold < folds; fold++) {
      int held = fold;
      double threshold = bestThreshold(outOfFold, actual, i -> foldOf[i] != held);
      for (int i = 0; i < outOfFold.length; i++) {
        if (foldOf[i] == fold) {
          count(counts, actual[i], outOfFold[i] >= threshold);
        }
      }
    }
    return counts;
  }

  private static void count(int[] counts, boolean actual, boolean predicted) {
    counts[actual ? (predicted ? 0 : 2) : (predicted ? 1 : 3)]++;
  }

  private static Evaluation.CodeScore scoreOf(String path, int[] counts) {
    double precision =
        counts[0] + counts[1] == 0 ? 0 : (double) counts[0] / (counts[0] + counts[1]);
    double recall = counts[0] + counts[2] == 0 ? 0 : (double) counts[0] / (counts[0] + counts[2]);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new Evaluation.CodeScore(
        path,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        precision,
        recall,
        f1,
        org.aet.evaluation.Agreement.cohenKappa(counts[0], counts[1], counts[2], counts[3]),
        counts[0] + counts[2]);
  }

  private static MaxentModel trainOne(String path, List<Example> examples, Options options)
      throws IOException {
    boolean realValues = examples.stream().anyMatch(e -> e.meaning() != null);
    List<Event> events = new ArrayList<>();
    for (Example example : examples) {
      Features.Context context = example.context();
      float[] values = context.values();
      if (realValues && values == null) {
        // A segment without words has no meaning to read: its predicates all count 1.
        values = new float[context.predicates().length];
        java.util.Arrays.fill(values, 1f);
      }
      events.add(
          new Event(
              example.codes().contains(path) ? LearnedModel.YES : LearnedModel.NO,
              context.predicates(),
              values));
    }
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(TrainingParameters.ALGORITHM_PARAM, options.algorithm().opennlp);
    parameters.put(TrainingParameters.ITERATIONS_PARAM, 300);
    if (options.algorithm() == Algorithm.LOGISTIC) {
      parameters.put("L2Cost", L2_COST);
      parameters.put("L1Cost", 0.0);
    }
    parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
    parameters.put("PrintMessages", false);
    if (realValues) {
      parameters.put(
          AbstractEventTrainer.DATA_INDEXER_PARAM,
          AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
    }
    return TrainerFactory.getEventTrainer(parameters, null)
        .train(ObjectStreamUtils.createObjectStream(events));
  }

  /** The probability that a segment read as {@code context} gets the model's code. */
  static double probability(MaxentModel model, Features.Context context) {
    double[] outcomes =
        context.values() == null
            ? model.eval(context.predicates())
            : model.eval(context.predicates(), context.values());
    int yes = model.getIndex(LearnedModel.YES);
    return yes < 0 ? 0 : outcomes[yes];
  }

  /**
   * The code path a label names: a path of the codebook, a code id, or a code's name when only one
   * code has it; null when it is none of these.
   */
  static String pathOf(Codebook codebook, String label) {
    Code code = codebook.find(label);
    return code == null ? null : codebook.path(code.id());
  }

  private static Set<String> withAncestors(String path) {
    Set<String> paths = new LinkedHashSet<>();
    String[] parts = path.split("/");
    for (int i = 1; i <= parts.length; i++) {
      paths.add(String.join("/", java.util.Arrays.copyOf(parts, i)));
    }
    return paths;
  }
}
