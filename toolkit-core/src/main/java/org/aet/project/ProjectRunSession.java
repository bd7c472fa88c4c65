package org.aet.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.export.ExportSession;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.Segment;
import org.aet.segment.SegmentUnit;

/**
 * An export into a project: a coding run's segments and suggestions are stored as one new run when
 * the run finishes, in one transaction, so an interrupted run adds nothing.
 */
public final class ProjectRunSession implements ExportSession {
  private final ProjectStore store;
  private final Codebook codebook;
  private final SegmentUnit unit;
  private final List<Segment> segments = new ArrayList<>();
  private final List<Coding> codings = new ArrayList<>();
  private final Map<String, String> method;
  private final String runId = UUID.randomUUID().toString();

  /**
   * @param method how the run's suggestions are made ({@code CodingJob.method()}), kept with it
   */
  public ProjectRunSession(
      ProjectStore store, Codebook codebook, SegmentUnit unit, Map<String, String> method) {
    this.store = store;
    this.codebook = codebook;
    this.unit = unit;
    this.method = method;
  }

  @Override
  public void write(CodedTranscript coded) {
    segments.addAll(coded.segments());
    codings.addAll(coded.codings());
  }

  @Override
  public void finish() throws java.io.IOException {
    try {
      store.addCodebook(codebook);
      store.addRun(runId, segments, unit, codings, codebook, method);
    } catch (AetException e) {
      throw new java.io.IOException(e.getMessage(), e);
    }
  }

  @Override
  public void close() {}
}
