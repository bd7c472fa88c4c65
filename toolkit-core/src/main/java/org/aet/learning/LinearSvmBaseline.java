package org.aet.learning;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The yardstick a learned model must beat: a TF-IDF linear support vector machine, the standard
 * text-classification baseline, set up as scikit-learn's {@code TfidfVectorizer} and {@code
 * LinearSVC} are by default (smoothed idf, rows scaled to unit length, squared hinge loss, C = 1,
 * an intercept) and trained by LIBLINEAR, the library under {@code LinearSVC}. It sees the same
 * features as the learner (the lemmas and their neighbouring pairs) and is scored on the same folds
 * (whole transcripts, unless the trainer is told to split them), so the comparison {@code aet
 * train} prints is like for like. Each fold's vectors are weighted by that fold's training segments
 * only, and made once for every code.
 */
final class LinearSvmBaseline {
  private static final double C = 1.0;
  private static final double EPSILON = 1e-3;

  static {
    Linear.disableDebugOutput();
  }

  private final int[] foldOf;
  private final int folds;
  private final long seed;

  /** Per fold, every segment's vector and the number of dimensions (the intercept's included). */
  private final List<Feature[][]> vectors = new ArrayList<>();

  private final List<Integer> dimensions = new ArrayList<>();

  /**
   * @param features each segment's features, as the learner sees them
   * @param foldOf which fold each segment is in
   */
  LinearSvmBaseline(List<List<String>> features, int[] foldOf, int folds, long seed) {
    this.foldOf = foldOf;
    this.folds = folds;
    this.seed = seed;
    List<List<String>> documents = features.stream().map(LinearSvmBaseline::terms).toList();
    for (int fold = 0; fold < folds; fold++) {
      Map<String, Integer> documentFrequency = new TreeMap<>();
      int training = 0;
      for (int i = 0; i < documents.size(); i++) {
        if (foldOf[i] != fold) {
          training++;
          for (String term : new HashSet<>(documents.get(i))) {
            documentFrequency.merge(term, 1, Integer::sum);
          }
        }
      }
      Map<String, Integer> index = new HashMap<>();
      double[] idf = new double[documentFrequency.size()];
      for (Map.Entry<String, Integer> term : documentFrequency.entrySet()) {
        int i = index.size();
        index.put(term.getKey(), i);
        idf[i] = Math.log((1.0 + training) / (1.0 + term.getValue())) + 1;
      }
      Feature[][] foldVectors = new Feature[documents.size()][];
      for (int i = 0; i < documents.size(); i++) {
        foldVectors[i] = vector(documents.get(i), index, idf);
      }
      vectors.add(foldVectors);
      dimensions.add(index.size() + 1);
    }
  }

  /**
   * Counts (right, wrong, missed, rightly left out) over all folds for a code the segments have
   * where {@code actual} says, each fold predicted by an SVM trained on the others.
   */
  int[] crossValidate(boolean[] actual) {
    int[] counts = new int[4];
    for (int fold = 0; fold < folds; fold++) {
      List<Feature[]> train = new ArrayList<>();
      List<Boolean> labels = new ArrayList<>();
      for (int i = 0; i < actual.length; i++) {
        if (foldOf[i] != fold) {
          train.add(vectors.get(fold)[i]);
          labels.add(actual[i]);
        }
      }
      de.bwaldvogel.liblinear.Model model = train(train, labels, dimensions.get(fold));
      boolean always = labels.contains(true);
      for (int i = 0; i < actual.length; i++) {
        if (foldOf[i] == fold) {
          boolean predicted = model == null ? always : yes(model, vectors.get(fold)[i]);
          counts[actual[i] ? (predicted ? 0 : 2) : (predicted ? 1 : 3)]++;
        }
      }
    }
    return counts;
  }

  /**
   * An SVM for {@code labels}, or null when one class is missing (then every answer is the other).
   */
  private de.bwaldvogel.liblinear.Model train(
      List<Feature[]> rows, List<Boolean> labels, int dimension) {
    if (!labels.contains(true) || !labels.contains(false)) {
      return null;
    }
    Problem problem = new Problem();
    problem.l = rows.size();
    problem.n = dimension;
    problem.bias = 1;
    problem.x = rows.toArray(new Feature[0][]);
    problem.y = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      problem.y[i] = labels.get(i) ? 1 : -1;
    }
    Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, C, EPSILON);
    parameter.setRandom(new Random(seed));
    return Linear.train(problem, parameter);
  }

  private static boolean yes(de.bwaldvogel.liblinear.Model model, Feature[] vector) {
    double[] decision = new double[1];
    Linear.predictValues(model, vector, decision);
    // The decision value speaks for the model's first label.
    return (model.getLabels()[0] == 1 ? 1 : -1) * decision[0] > 0;
  }

  /** The terms of a segment: its features and each pair of neighbouring features. */
  static List<String> terms(List<String> features) {
    List<String> terms = new ArrayList<>(features);
    for (int i = 1; i < features.size(); i++) {
      terms.add(features.get(i - 1) + " " + features.get(i));
    }
    return terms;
  }

  /**
   * A segment's TF-IDF vector, unit length, then LIBLINEAR's intercept: a last feature, always 1.
   */
  private static Feature[] vector(List<String> terms, Map<String, Integer> index, double[] idf) {
    TreeMap<Integer, Double> weights = new TreeMap<>();
    for (String term : terms) {
      Integer i = index.get(term);
      if (i != null) {
        weights.merge(i, idf[i], Double::sum);
      }
    }
    double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
    double scale = norm == 0 ? 0 : 1 / norm;
    Feature[] vector = new Feature[weights.size() + 1];
    int n = 0;
    for (Map.Entry<Integer, Double> e : weights.entrySet()) {
      vector[n++] = new FeatureNode(e.getKey() + 1, e.getValue() * scale);
    }
    vector[n] = new FeatureNode(index.size() + 1, 1.0);
    return vector;
  }
}
