package org.aet.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.CodingStatus;
import org.aet.model.Review;
import org.aet.model.Segment;
import org.aet.model.Transcript;
import org.aet.nlp.Annotator;
import org.aet.nlp.Piecewise;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;

/**
 * A project's final coding against one codebook: where the team recorded a consensus on a segment,
 * its codes (source "consensus"); elsewhere each coder's latest decision (source the coder's name),
 * so there is one row per segment, code and coder-or-consensus, each with its memo. Beside the
 * codings, each transcript carries its {@link Review reviews}: who decided each segment (a decided
 * segment without codes is "no code applies") and every memo, also one written without a decision.
 * A project may hold decisions against several codebooks; one is exported at a time, and what is
 * left out is said in {@link Result#notes()}. Segments are rebuilt from the transcripts: their ids
 * are stable, so they are the very segments that were reviewed.
 */
public final class FinalCoding {
  private FinalCoding() {}

  /**
   * The final coding, its codebook and unit, and notes on what was not exported.
   *
   * @param codings how many codings there are in all
   */
  public record Result(
      Codebook codebook,
      SegmentUnit unit,
      List<CodedTranscript> coded,
      int codings,
      List<String> notes) {}

  /**
   * The final coding against the codebook named {@code codebookName}, or when null against the
   * codebook of the latest decision (or, with none yet, of the latest run).
   *
   * @throws AetException when the project has no codebook of that name, or was never coded
   */
  public static Result of(ProjectStore store, String codebookName, Annotator annotator)
      throws AetException {
    Map<String, String> names = store.codebookNames();
    List<ProjectStore.Decision> all = store.latestDecisions();
    Codebook codebook = chosenCodebook(store, codebookName);
    String chosen = codebook.name();
    SegmentUnit unit = SegmentUnit.TURN;
    for (ProjectStore.Run run : store.runs()) {
      if (chosen.equals(names.get(run.codebookVersion()))) {
        unit = run.unit();
      }
    }
    Map<String, List<ProjectStore.Decision>> bySegment = new LinkedHashMap<>();
    Map<String, Integer> otherCodebooks = new TreeMap<>();
    for (ProjectStore.Decision d : all) {
      String of = names.get(d.codebookVersion());
      if (!chosen.equals(of)) {
        otherCodebooks.merge(of, 1, Integer::sum);
      } else if (d.isCoding() || d.decision() == Verdict.MEMO) {
        bySegment.computeIfAbsent(d.segmentId(), k -> new ArrayList<>()).add(d);
      }
    }
    Map<String, String> idsByPath = new LinkedHashMap<>();
    codebook.codes().forEach(c -> idsByPath.put(codebook.path(c.id()), c.id()));
    Map<String, Integer> unknownPaths = new TreeMap<>();
    Segmenter segmenter = new Segmenter(unit);
    List<CodedTranscript> result = new ArrayList<>();
    int count = 0;
    for (Transcript transcript : store.transcripts()) {
      List<Segment> segments =
          segmenter.segment(transcript, Piecewise.annotate(annotator, transcript.text()));
      List<Coding> codings = new ArrayList<>();
      List<Review> reviews = new ArrayList<>();
      for (Segment segment : segments) {
        decide(
            segment,
            bySegment.getOrDefault(segment.id(), List.of()),
            codebook,
            idsByPath,
            unknownPaths,
            codings,
            reviews);
      }
      count += codings.size();
      result.add(new CodedTranscript(transcript, segments, codings, reviews));
    }
    List<String> notes = new ArrayList<>();
    otherCodebooks.forEach(
        (other, n) ->
            notes.add(
                n
                    + " decision(s) against the codebook \""
                    + other
                    + "\" are not in this export; export them with --codebook "
                    + other));
    if (!unknownPaths.isEmpty()) {
      notes.add(
          "codes no longer in "
              + codebook.name()
              + " version "
              + codebook.version()
              + " are not in this export (they stay in the project): "
              + unknownPaths);
    }
    return new Result(codebook, unit, result, count, notes);
  }

  /**
   * Adds the final codings of {@code segment} to {@code codings} and who decided it, with their
   * memos, to {@code reviews}: the consensus where there is one, else each coder's decision; a memo
   * written without a decision is kept as a memo.
   */
  private static void decide(
      Segment segment,
      List<ProjectStore.Decision> entries,
      Codebook codebook,
      Map<String, String> idsByPath,
      Map<String, Integer> unknownPaths,
      List<Coding> codings,
      List<Review> reviews) {
    List<ProjectStore.Decision> decisions =
        entries.stream().filter(ProjectStore.Decision::isCoding).toList();
    List<ProjectStore.Decision> consensus =
        decisions.stream().filter(d -> d.kind() == DecisionKind.CONSENSUS).toList();
    for (ProjectStore.Decision d : consensus.isEmpty() ? decisions : consensus) {
      String by = consensus.isEmpty() ? d.coder() : ProjectAgreement.CONSENSUS;
      reviews.add(new Review(segment.id(), by, true, d.memo()));
      for (String path : d.codes()) {
        String id = idsByPath.get(path);
        if (id == null) {
          unknownPaths.merge(path, 1, Integer::sum);
          continue;
        }
        codings.add(
            new Coding(
                segment.id(),
                id,
                by,
                1,
                List.of(),
                CodingStatus.ACCEPTED,
                codebook.version(),
                d.memo()));
      }
    }
    for (ProjectStore.Decision d : entries) {
      if (d.decision() == Verdict.MEMO && !d.memo().isBlank()) {
        reviews.add(new Review(segment.id(), d.coder(), false, d.memo()));
      }
    }
  }

  /**
   * How the suggestions the team reviewed were made, item by item, for an export's record: from the
   * coding runs whose review workbooks came back or that coders decided in the browser workspace (a
   * decision there reviews the run that was the latest when it was made; the latest run when
   * nothing was reviewed yet); empty when no such run says (runs stored before aet kept it, and
   * imports). With several runs, each item names its run's date.
   */
  public static Map<String, String> reviewedMethod(ProjectStore store) throws AetException {
    java.util.Set<String> reviewed = new java.util.HashSet<>();
    for (ProjectStore.Workbook w : store.workbooks()) {
      if (w.importedAt() != null && w.runId() != null) {
        reviewed.add(w.runId());
      }
    }
    List<ProjectStore.Run> all = store.runs();
    for (java.time.Instant at : store.decisionTimes(ProjectStore.Decision.WORKSPACE)) {
      all.stream()
          .filter(r -> !r.createdAt().isAfter(at))
          .max(java.util.Comparator.comparing(ProjectStore.Run::createdAt))
          .ifPresent(r -> reviewed.add(r.id()));
    }
    List<ProjectStore.Run> runs = all;
    if (reviewed.isEmpty() && !runs.isEmpty()) {
      runs = runs.subList(runs.size() - 1, runs.size());
    }
    List<ProjectStore.Run> described =
        runs.stream()
            .filter(r -> reviewed.isEmpty() || reviewed.contains(r.id()))
            .filter(r -> !r.method().isEmpty())
            .toList();
    Map<String, String> method = new LinkedHashMap<>();
    if (described.isEmpty()) {
      return method;
    }
    method.put(
        "Suggestions",
        "the machine's suggestions "
            + (reviewed.isEmpty() ? "in the project's latest coding run" : "the team reviewed")
            + " were made as follows");
    for (ProjectStore.Run run : described) {
      String which = described.size() == 1 ? "" : " (run of " + run.createdAt() + ")";
      run.method().forEach((item, how) -> method.put(item + which, how));
    }
    return method;
  }

  /**
   * The latest version of the codebook named {@code codebookName}, or when null the codebook of the
   * latest decision (or, with none yet, of the latest run).
   *
   * @throws AetException when the project has no codebook of that name, or was never coded
   */
  public static Codebook chosenCodebook(ProjectStore store, String codebookName)
      throws AetException {
    Map<String, String> names = store.codebookNames();
    List<ProjectStore.Decision> all = store.latestDecisions();
    String chosen = codebookName;
    if (chosen == null) {
      chosen =
          all.isEmpty()
              ? names.get(store.latestRun().codebookVersion())
              : names.get(all.get(all.size() - 1).codebookVersion());
    }
    if (!names.containsValue(chosen)) {
      throw new AetException(
          store.file()
              + " has no codebook \""
              + chosen
              + "\"; its codebooks: "
              + String.join(", ", new java.util.TreeSet<>(names.values())));
    }
    String version = null;
    for (Map.Entry<String, String> entry : names.entrySet()) {
      if (entry.getValue().equals(chosen)) {
        version = entry.getKey();
      }
    }
    return store.codebook(version);
  }
}
