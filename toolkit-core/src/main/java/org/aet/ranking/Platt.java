package org.aet.ranking;

import java.util.List;

/**
 * Platt scaling: a logistic curve from a ranking model's score to the probability that a segment
 * has the code, fitted on held-out scores without class weights. The ranking model weights the
 * classes equally (so it ranks well with few coded segments), which makes its own probabilities far
 * too high to add up; this curve turns them back into probabilities that can be summed. It is
 * fitted on the logit of the score by Newton's method, with a small ridge so that perfectly
 * separated scores still give a finite curve.
 */
record Platt(double slope, double intercept) {
  /** A held-out score and whether the segment has the code. */
  record Point(double score, boolean has) {}

  static final double RIDGE = 1e-3;
  static final int ITERATIONS = 50;

  /** Fits the curve; with no points, or only one class, the share of positives (or 0). */
  static Platt fit(List<Point> points) {
    long positives = points.stream().filter(Point::has).count();
    if (positives == 0 || positives == points.size()) {
      double share = points.isEmpty() ? 0 : positives / (double) points.size();
      return new Platt(0, share == 0 ? -30 : share == 1 ? 30 : 0);
    }
    double a = 1;
    double b = 0;
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double ga = RIDGE * a;
      double gb = 0;
      double haa = RIDGE;
      double hab = 0;
      double hbb = 1e-9;
      for (Point point : points) {
        double x = logit(point.score());
        double p = DenseLogistic.sigmoid(a * x + b);
        double error = p - (point.has() ? 1 : 0);
        double weight = p * (1 - p);
        ga += error * x;
        gb += error;
        haa += weight * x * x;
        hab += weight * x;
        hbb += weight;
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      // Newton's step can overshoot far from the optimum: halve it until the loss falls.
      double before = loss(points, a, b);
      double step = 1;
      while (step > 1e-6 && loss(points, a - step * da, b - step * db) > before) {
        step /= 2;
      }
      a -= step * da;
      b -= step * db;
      if (step * (Math.abs(da) + Math.abs(db)) < 1e-10) {
        break;
      }
    }
    return new Platt(a, b);
  }

  /** The penalised negative log-likelihood the curve minimises. */
  private static double loss(List<Point> points, double a, double b) {
    double sum = RIDGE * a * a / 2;
    for (Point point : points) {
      double z = a * logit(point.score()) + b;
      // log(1 + e^z) - y z, computed without overflow
      sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (point.has() ? z : 0);
    }
    return sum;
  }

  /** The probability for a ranking model's score. */
  double probability(double score) {
    return DenseLogistic.sigmoid(slope * logit(score) + intercept);
  }

  private static double logit(double p) {
    double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return Math.log(q / (1 - q));
  }
}
