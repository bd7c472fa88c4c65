package org.aet.semantic;

/** The little vector arithmetic the semantic layer needs. */
public final class Vectors {
  private Vectors() {}

  /** The dot product; for unit-length vectors, their cosine similarity. */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of different lengths: " + a.length + ", " + b.length);
    }
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** A copy of {@code v} scaled to unit length (a zero vector stays zero). */
  public static float[] normalised(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    float[] unit = new float[v.length];
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        unit[i] = (float) (v[i] / norm);
      }
    }
    return unit;
  }
}
