package org.aet.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.evaluation.LabelledSegment;
import org.aet.model.Coding;
import org.aet.model.CodingStatus;
import org.aet.model.Evidence;
import org.aet.model.Segment;
import org.aet.nlp.Annotator;
import org.aet.semantic.CodeProfiles;
import org.aet.semantic.RememberingEmbedder;
import org.aet.semantic.WindowEmbedding;

/**
 * aet's default suggestions: detection rules and the semantic layer together, precision first.
 *
 * <p>For every code without children, a segment is a candidate when a rule matches it (route
 * "rule") or, failing that, when it reads like the code (route "semantic"). Its score is the
 * semantic similarity ({@link CodeProfiles.Similarity#score}), and the {@link Calibration} turns
 * the score into the estimated precision of suggestions at that score. A candidate becomes a
 * suggestion only when that estimate reaches the floor: a rule match in a passage that does not
 * read like the code (an "impact" that is not about a business case) is vetoed, and a passage no
 * rule found is suggested only where labelled data show such passages are right often enough. The
 * confidence shown is the estimate; the evidence is the rule's words and the codebook sentence the
 * passage came closest to.
 */
public final class SuggestionCoder implements Coder {
  /** The estimated precision from which a candidate is shown as a suggestion, by default. */
  public static final double DEFAULT_FLOOR = 0.5;

  /** What the coder saw of one code in one segment, whether or not it became a suggestion. */
  public record Candidate(
      String segmentId,
      String codeId,
      Calibration.Route route,
      CodeProfiles.Similarity similarity,
      Coding ruleCoding,
      double estimatedPrecision) {

    /** The semantic similarity the calibration reads. */
    public double score() {
      return similarity.score();
    }
  }

  private final Codebook codebook;
  private final RuleCoder rules;
  private final CodeProfiles profiles;
  private final Calibration calibration;
  private final double floor;
  private final List<Code> leaves;

  /**
   * @param calibration turns scores into estimated precision; null for a coder that only lists
   *     candidates (to gather the observations a calibration is fitted to)
   * @param floor the estimated precision from which a candidate is a suggestion (0 to 1)
   */
  public SuggestionCoder(
      Codebook codebook, CodeProfiles profiles, Calibration calibration, double floor) {
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("the floor must be between 0 and 1: " + floor);
    }
    this.codebook = codebook;
    this.rules = new RuleCoder(codebook);
    this.profiles = profiles;
    this.calibration = calibration;
    this.floor = floor;
    this.leaves =
        codebook.codes().stream().filter(c -> codebook.children(c.id()).isEmpty()).toList();
  }

  /**
   * A coder for {@code codebook} with the semantic layer of {@code embedding}, calibrated on {@code
   * labelled} segments when given, else on the codebook's own examples.
   *
   * @param labelled a team's coded segments or a gold file, or null
   * @param labelledName what {@code labelled} is, for reports (its file name)
   * @param unknownLabels collects labels that name no code of the codebook
   */
  public static SuggestionCoder calibrated(
      Codebook codebook,
      Annotator annotator,
      WindowEmbedding embedding,
      List<LabelledSegment> labelled,
      String labelledName,
      double floor,
      Set<String> unknownLabels) {
    WindowEmbedding once = embedding.with(new RememberingEmbedder(embedding.embedder()));
    CodeProfiles profiles = CodeProfiles.of(codebook, once.embedder());
    Calibration calibration =
        labelled == null
            ? Calibrations.fromCodebook(codebook, profiles, annotator, once)
            : Calibrations.fromLabelled(
                labelled, codebook, profiles, annotator, once, labelledName, unknownLabels);
    return new SuggestionCoder(codebook, profiles, calibration, floor);
  }

  /**
   * A coder calibrated on the codebook's own examples, with the default floor: what the codebook
   * alone expects, with no team's labels anywhere near it (ranking and simulation need exactly
   * that).
   */
  public static SuggestionCoder fromCodebook(
      Codebook codebook, Annotator annotator, WindowEmbedding embedding) {
    return calibrated(
        codebook, annotator, embedding, null, null, DEFAULT_FLOOR, new java.util.TreeSet<>());
  }

  public Calibration calibration() {
    return calibration;
  }

  @Override
  public List<Coding> code(Segment segment) {
    List<Coding> codings = new ArrayList<>();
    for (Candidate candidate : candidates(segment, ruleCodings(segment), null)) {
      if (calibration != null && candidate.estimatedPrecision() >= floor) {
        codings.add(suggestion(segment, candidate));
      }
    }
    return codings;
  }

  /**
   * Every candidate of {@code segment}, shown or not: for calibration, review queues and
   * measurement.
   */
  public List<Candidate> candidates(Segment segment) {
    return candidates(segment, ruleCodings(segment), null);
  }

  /**
   * The candidates of a codebook sentence scored as a segment, leaving the sentence out of the
   * profiles it is compared with.
   */
  List<Candidate> candidatesLeavingOut(Segment segment, String leaveOut) {
    return candidates(segment, ruleCodings(segment), leaveOut);
  }

  private Map<String, Coding> ruleCodings(Segment segment) {
    Map<String, Coding> byCode = new LinkedHashMap<>();
    for (Coding coding : rules.code(segment)) {
      byCode.put(coding.codeId(), coding);
    }
    return byCode;
  }

  private List<Candidate> candidates(Segment segment, Map<String, Coding> ruled, String leaveOut) {
    List<Candidate> candidates = new ArrayList<>();
    for (Code code : leaves) {
      CodeProfiles.Similarity similarity =
          profiles.similarity(segment.windows(), code.id(), leaveOut);
      if (similarity == null) {
        continue;
      }
      Calibration.Route route =
          ruled.containsKey(code.id()) ? Calibration.Route.RULE : Calibration.Route.SEMANTIC;
      double estimate =
          calibration == null
              ? Double.NaN
              : calibration.precision(code.id(), route, similarity.score());
      candidates.add(
          new Candidate(
              segment.id(), code.id(), route, similarity, ruled.get(code.id()), estimate));
    }
    return candidates;
  }

  private Coding suggestion(Segment segment, Candidate candidate) {
    List<Evidence> evidence = new ArrayList<>();
    if (candidate.ruleCoding() != null) {
      evidence.addAll(candidate.ruleCoding().evidence());
    }
    CodeProfiles.Similarity similarity = candidate.similarity();
    String window =
        segment
            .text()
            .substring(
                similarity.window().begin() - segment.span().begin(),
                similarity.window().end() - segment.span().begin());
    evidence.add(
        new Evidence(
            window,
            similarity.window(),
            String.format(
                Locale.ROOT,
                "reads like the codebook's %s \"%s\" (similarity %.2f, %+.2f over the nearest"
                    + " counter-example or everyday talk)",
                similarity.source(),
                similarity.prototype(),
                similarity.positive(),
                similarity.score())));
    return new Coding(
        segment.id(),
        candidate.codeId(),
        candidate.route().label(),
        Math.round(candidate.estimatedPrecision() * 100) / 100.0,
        evidence,
        CodingStatus.SUGGESTED,
        codebook.version());
  }
}
