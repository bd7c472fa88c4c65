package org.aet.learning;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The yardstick a learned model must beat: a TF-IDF linear support vector machine, the standard
 * text-classification baseline, set up as scikit-learn's {@code TfidfVectorizer} and {@code
 * LinearSVC} are by default (smoothed idf, rows scaled to unit length, squared hinge loss, C = 1,
 * an intercept) and trained by LIBLINEAR, the library under {@code LinearSVC}. It sees the same
 * features as the learner (the lemmas and their neighbouring pairs) and is scored on the same
 * folds, so the comparison {@code aet train} prints is like for like.
 */
final class LinearSvmBaseline {
  private static final double C = 1.0;
  private static final double EPSILON = 1e-3;

  private final Map<String, Integer> index = new HashMap<>();
  private final double[] idf;
  private final de.bwaldvogel.liblinear.Model model;

  static {
    Linear.disableDebugOutput();
  }

  private LinearSvmBaseline(List<List<String>> documents, List<Boolean> labels, long seed) {
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (List<String> terms : documents) {
      for (String term : new java.util.HashSet<>(terms)) {
        documentFrequency.merge(term, 1, Integer::sum);
      }
    }
    idf = new double[documentFrequency.size()];
    for (Map.Entry<String, Integer> term : new TreeMap<>(documentFrequency).entrySet()) {
      int i = index.size();
      index.put(term.getKey(), i);
      idf[i] = Math.log((1.0 + documents.size()) / (1.0 + term.getValue())) + 1;
    }
    Problem problem = new Problem();
    problem.l = documents.size();
    problem.n = index.size() + 1;
    problem.bias = 1;
    problem.x = new Feature[documents.size()][];
    problem.y = new double[documents.size()];
    for (int i = 0; i < documents.size(); i++) {
      problem.x[i] = vector(documents.get(i));
      problem.y[i] = labels.get(i) ? 1 : -1;
    }
    Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, C, EPSILON);
    parameter.setRandom(new Random(seed));
    model = Linear.train(problem, parameter);
  }

  /**
   * Whether each of {@code test}'s documents gets the code, by a baseline trained on {@code train}
   * (one class may be missing from it: then every answer is that class).
   */
  static List<Boolean> trainAndPredict(
      List<List<String>> train, List<Boolean> labels, List<List<String>> test, long seed) {
    boolean anyYes = labels.contains(true);
    if (!anyYes || !labels.contains(false)) {
      return test.stream().map(d -> anyYes).toList();
    }
    LinearSvmBaseline baseline = new LinearSvmBaseline(train, labels, seed);
    List<Boolean> predicted = new ArrayList<>(test.size());
    for (List<String> document : test) {
      double[] decision = new double[1];
      Linear.predictValues(baseline.model, baseline.vector(document), decision);
      int yes = baseline.model.getLabels()[0] == 1 ? 1 : -1;
      predicted.add(yes * decision[0] > 0);
    }
    return predicted;
  }

  /** The terms of a segment: its features and each pair of neighbouring features. */
  static List<String> terms(List<String> features) {
    List<String> terms = new ArrayList<>(features);
    for (int i = 1; i < features.size(); i++) {
      terms.add(features.get(i - 1) + " " + features.get(i));
    }
    return terms;
  }

  private Feature[] vector(List<String> terms) {
    TreeMap<Integer, Double> counts = new TreeMap<>();
    for (String term : terms) {
      Integer i = index.get(term);
      if (i != null) {
        counts.merge(i, 1.0, Double::sum);
      }
    }
    double norm = 0;
    for (Map.Entry<Integer, Double> e : counts.entrySet()) {
      double weight = e.getValue() * idf[e.getKey()];
      e.setValue(weight);
      norm += weight * weight;
    }
    double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
    Feature[] vector = new Feature[counts.size() + 1];
    int n = 0;
    for (Map.Entry<Integer, Double> e : counts.entrySet()) {
      vector[n++] = new FeatureNode(e.getKey() + 1, e.getValue() * scale);
    }
    // LIBLINEAR's intercept: a last feature, always 1, that every vector carries.
    vector[n] = new FeatureNode(index.size() + 1, 1.0);
    return vector;
  }
}
