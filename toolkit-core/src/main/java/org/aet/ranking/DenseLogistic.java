package org.aet.ranking;

import java.util.List;

/**
 * Logistic regression on dense features (sentence embeddings), with an L2 penalty and the two
 * classes weighted to count equally: in review rounds the coded segments are few, and without the
 * weighting a model learns to call everything "nothing to code". Fitted by full-batch gradient
 * descent from zero, so a fit is deterministic.
 */
final class DenseLogistic {
  static final double L2 = 0.01;
  static final int ITERATIONS = 300;
  static final double STEP = 0.5;

  private final double[] weights;
  private final double bias;

  private DenseLogistic(double[] weights, double bias) {
    this.weights = weights;
    this.bias = bias;
  }

  /**
   * Fits {@code features} to {@code labels}; both classes must occur.
   *
   * @throws IllegalArgumentException when one class is missing
   */
  static DenseLogistic fit(List<float[]> features, List<Boolean> labels) {
    int n = features.size();
    long positives = labels.stream().filter(b -> b).count();
    if (positives == 0 || positives == n) {
      throw new IllegalArgumentException(
          "both classes are needed to fit, got " + positives + " of " + n);
    }
    int d = features.get(0).length;
    double positiveWeight = n / (2.0 * positives);
    double negativeWeight = n / (2.0 * (n - positives));
    double[] w = new double[d];
    double b = 0;
    double[] gradient = new double[d];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      java.util.Arrays.fill(gradient, 0);
      double gradientBias = 0;
      for (int i = 0; i < n; i++) {
        float[] x = features.get(i);
        boolean y = labels.get(i);
        double error =
            (sigmoid(dot(w, x) + b) - (y ? 1 : 0)) * (y ? positiveWeight : negativeWeight);
        for (int j = 0; j < d; j++) {
          gradient[j] += error * x[j];
        }
        gradientBias += error;
      }
      for (int j = 0; j < d; j++) {
        w[j] -= STEP * (gradient[j] / n + L2 * w[j]);
      }
      b -= STEP * gradientBias / n;
    }
    return new DenseLogistic(w, b);
  }

  /** The probability that {@code x} is positive. */
  double probability(float[] x) {
    return sigmoid(dot(weights, x) + bias);
  }

  private static double dot(double[] w, float[] x) {
    double sum = 0;
    for (int j = 0; j < w.length; j++) {
      sum += w[j] * x[j];
    }
    return sum;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
