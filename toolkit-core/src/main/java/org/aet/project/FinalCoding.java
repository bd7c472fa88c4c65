package org.aet.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.CodingStatus;
import org.aet.model.Segment;
import org.aet.model.Transcript;
import org.aet.nlp.Annotator;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;

/**
 * A project's final coding: where the team recorded a consensus, its codes (source "consensus");
 * elsewhere each coder's latest decision (source the coder's name). Every coding is accepted and
 * says who made it, so the export shows the provenance of every code. Segments are rebuilt from the
 * transcripts: their ids are stable, so they are the very segments that were reviewed.
 */
public final class FinalCoding {
  private FinalCoding() {}

  public static List<CodedTranscript> of(
      ProjectStore store, Codebook codebook, Annotator annotator, SegmentUnit unit)
      throws AetException {
    Map<String, List<ProjectStore.Decision>> bySegment = new LinkedHashMap<>();
    for (ProjectStore.Decision d : store.latestDecisions()) {
      bySegment.computeIfAbsent(d.segmentId(), k -> new ArrayList<>()).add(d);
    }
    Segmenter segmenter = new Segmenter(unit);
    List<CodedTranscript> result = new ArrayList<>();
    for (Transcript transcript : store.transcripts()) {
      List<Segment> segments = segmenter.segment(transcript, annotator.annotate(transcript.text()));
      List<Coding> codings = new ArrayList<>();
      for (Segment segment : segments) {
        List<ProjectStore.Decision> decisions = bySegment.getOrDefault(segment.id(), List.of());
        List<ProjectStore.Decision> consensus =
            decisions.stream().filter(d -> d.kind().equals("consensus")).toList();
        for (ProjectStore.Decision d : consensus.isEmpty() ? decisions : consensus) {
          for (String path : d.codes()) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            codings.add(
                new Coding(
                    segment.id(),
                    id,
                    consensus.isEmpty() ? d.coder() : "consensus",
                    1,
                    List.of(),
                    CodingStatus.ACCEPTED,
                    codebook.version()));
          }
        }
      }
      result.add(new CodedTranscript(transcript, segments, codings));
    }
    return result;
  }
}
