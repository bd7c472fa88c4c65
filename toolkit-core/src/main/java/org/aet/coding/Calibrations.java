package org.aet.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.evaluation.LabelledSegment;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.TextAnnotation;
import org.aet.model.Token;
import org.aet.nlp.Annotator;
import org.aet.semantic.CodeProfiles;
import org.aet.semantic.WindowEmbedding;

/**
 * Where a {@link Calibration} comes from: the labelled data at hand, scored exactly as the
 * suggestions will be.
 *
 * <ul>
 *   <li>{@link #fromCodebook}: the codebook's own examples (correct for their code) and every other
 *       example, counter-example and background sentence (wrong for it), each compared with the
 *       profiles without itself. Examples are written to be clear, so this estimate is optimistic
 *       on real talk; it is what aet has before a team has coded anything.
 *   <li>{@link #fromLabelled}: segments a team has coded (or a gold file): every candidate is
 *       correct when the segment carries the code.
 * </ul>
 */
public final class Calibrations {
  private Calibrations() {}

  /** A calibration from the codebook's own sentences. */
  public static Calibration fromCodebook(
      Codebook codebook, CodeProfiles profiles, Annotator annotator, WindowEmbedding embedding) {
    Map<String, Set<String>> labels = new LinkedHashMap<>();
    for (Code code : codebook.codes()) {
      code.examples()
          .forEach(e -> labels.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(code.id()));
      code.counterExamples().forEach(e -> labels.computeIfAbsent(e, k -> new LinkedHashSet<>()));
    }
    profiles.background().forEach(b -> labels.computeIfAbsent(b, k -> new LinkedHashSet<>()));
    List<String> texts = new ArrayList<>(labels.keySet());
    List<Segment> segments = standalone(texts, annotator, embedding);
    SuggestionCoder coder = new SuggestionCoder(codebook, profiles, null, 0);
    List<Calibration.Observation> observations = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Set<String> codes = labels.get(texts.get(i));
      for (SuggestionCoder.Candidate c :
          coder.candidatesLeavingOut(segments.get(i), texts.get(i))) {
        observations.add(
            new Calibration.Observation(
                c.codeId(), c.route(), c.score(), codes.contains(c.codeId())));
      }
    }
    return Calibration.fit(
        observations,
        "the codebook's " + texts.size() + " examples, counter-examples and background sentences");
  }

  /**
   * A calibration from labelled segments. Codes are named by path, id or name; labels that name no
   * code are added to {@code unknownLabels}.
   */
  public static Calibration fromLabelled(
      List<LabelledSegment> labelled,
      Codebook codebook,
      CodeProfiles profiles,
      Annotator annotator,
      WindowEmbedding embedding,
      String sourceName,
      Set<String> unknownLabels) {
    List<Calibration.Observation> observations =
        observations(labelled, codebook, profiles, annotator, embedding, unknownLabels);
    return Calibration.fit(
        observations, sourceName + " (" + labelled.size() + " labelled segments)");
  }

  /** Every candidate of the labelled segments, with whether it is right. */
  public static List<Calibration.Observation> observations(
      List<LabelledSegment> labelled,
      Codebook codebook,
      CodeProfiles profiles,
      Annotator annotator,
      WindowEmbedding embedding,
      Set<String> unknownLabels) {
    List<Segment> segments =
        standalone(labelled.stream().map(LabelledSegment::text).toList(), annotator, embedding);
    SuggestionCoder coder = new SuggestionCoder(codebook, profiles, null, 0);
    List<Calibration.Observation> observations = new ArrayList<>();
    for (int i = 0; i < labelled.size(); i++) {
      Set<String> codes = new LinkedHashSet<>();
      for (String label : labelled.get(i).codes()) {
        Code code = codebook.find(label);
        if (code == null) {
          unknownLabels.add(label);
        } else {
          codes.add(code.id());
        }
      }
      for (SuggestionCoder.Candidate c : coder.candidates(segments.get(i))) {
        observations.add(
            new Calibration.Observation(
                c.codeId(), c.route(), c.score(), codes.contains(c.codeId())));
      }
    }
    return observations;
  }

  /**
   * Each text as a segment of its own, annotated and embedded (not embedded when {@code embedding}
   * is null). The texts are laid out as one document, a blank line apart, so the language models
   * and the embedder each run once.
   */
  public static List<Segment> standalone(
      List<String> texts, Annotator annotator, WindowEmbedding embedding) {
    StringBuilder document = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    for (String text : texts) {
      if (document.length() > 0) {
        document.append("\n\n");
      }
      String clean = text.strip().replace("\n\n", "\n");
      spans.add(new Span(document.length(), document.length() + clean.length()));
      document.append(clean);
    }
    String all = document.toString();
    TextAnnotation annotation = annotator.annotate(all);
    List<Segment> segments = new ArrayList<>();
    int next = 0;
    List<Token> tokens = annotation.tokens();
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      while (next < tokens.size() && tokens.get(next).span().begin() < span.begin()) {
        next++;
      }
      int first = next;
      while (next < tokens.size() && tokens.get(next).span().end() <= span.end()) {
        next++;
      }
      segments.add(
          new Segment(
              Segment.idFor("labelled", span),
              "labelled",
              i,
              "",
              "",
              null,
              span,
              span.of(all),
              tokens.subList(first, next)));
    }
    return embedding == null ? segments : embedding.embed(segments, annotation, all);
  }
}
