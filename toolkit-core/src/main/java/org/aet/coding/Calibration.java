package org.aet.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aet.evaluation.PrecisionCurve;
import org.aet.model.CodingSource;

/**
 * Turns a suggestion's score into what the number shown to a coder means: the estimated precision
 * of suggestions at that score, that is the share of them a careful coder would accept. It is
 * estimated from labelled data (a codebook's own examples and counter-examples, or a team's coded
 * segments) by isotonic regression: the observed share of correct candidates, made to rise with the
 * score (pool-adjacent-violators), each pooled block smoothed by one correct and one wrong
 * pseudo-observation so that a handful of lucky candidates never reads as certainty.
 *
 * <p>Candidates that a rule found and the semantic layer confirmed are calibrated apart from those
 * only the semantic layer found: the two are right at very different rates for the same similarity.
 * A code with enough labelled positives of its own gets its own curve; the others share one.
 */
public final class Calibration {
  /** How a candidate was found. */
  public enum Route {
    /** A detection rule matched and the passage reads like the code. */
    RULE(CodingSource.RULE),
    /** No rule matched; the passage reads like the code. */
    SEMANTIC(CodingSource.SEMANTIC);

    private final CodingSource source;

    Route(CodingSource source) {
      this.source = source;
    }

    /** The label of the coding source the route gives: "rule" or "semantic". */
    public String label() {
      return source.label();
    }
  }

  /** One labelled candidate: was a suggestion of this code, found this way, at this score right? */
  public record Observation(String codeId, Route route, double score, boolean correct) {
    public Observation {
      Objects.requireNonNull(codeId, "codeId");
      Objects.requireNonNull(route, "route");
    }
  }

  /** Codes with at least this many labelled positives on a route get a curve of their own. */
  public static final int OWN_CURVE_POSITIVES = 8;

  private final String source;
  private final Map<String, PrecisionCurve> curves;

  private Calibration(String source, Map<String, PrecisionCurve> curves) {
    this.source = source;
    this.curves = Map.copyOf(curves);
  }

  /**
   * Fits the curves to {@code observations}.
   *
   * @param source what the observations are, in words, for reports ("the codebook's examples")
   */
  public static Calibration fit(List<Observation> observations, String source) {
    Map<String, List<Observation>> byKey = new LinkedHashMap<>();
    for (Observation o : observations) {
      byKey.computeIfAbsent(o.route().name(), k -> new ArrayList<>()).add(o);
      byKey.computeIfAbsent(o.route().name() + "/" + o.codeId(), k -> new ArrayList<>()).add(o);
    }
    Map<String, PrecisionCurve> curves = new LinkedHashMap<>();
    for (Map.Entry<String, List<Observation>> entry : byKey.entrySet()) {
      PrecisionCurve curve = isotonic(entry.getValue());
      boolean pooled = !entry.getKey().contains("/");
      if (pooled || curve.positives() >= OWN_CURVE_POSITIVES) {
        curves.put(entry.getKey(), curve);
      }
    }
    return new Calibration(source, curves);
  }

  /** What the calibration was estimated from, in words. */
  public String source() {
    return source;
  }

  /**
   * The estimated precision of suggestions of {@code codeId} found by {@code route} at {@code
   * score}; 0 where nothing was observed for the route (such suggestions are never shown).
   */
  public double precision(String codeId, Route route, double score) {
    PrecisionCurve curve = curves.get(route.name() + "/" + codeId);
    if (curve == null) {
      curve = curves.get(route.name());
    }
    return curve == null ? 0 : curve.at(score);
  }

  private static PrecisionCurve isotonic(List<Observation> observations) {
    double[] scores = new double[observations.size()];
    boolean[] right = new boolean[observations.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = observations.get(i).score();
      right[i] = observations.get(i).correct();
    }
    return PrecisionCurve.fit(scores, right);
  }
}
