package org.aet.pipeline;

import org.aet.diagnostics.Diagnostic;

/**
 * Hears how a run is going. The library never prints; a command line or a user interface implements
 * this to show progress and warnings. Methods are called from the thread that runs the job, one at
 * a time.
 */
public interface ProgressListener {
  ProgressListener SILENT = new ProgressListener() {};

  /** A note for the person running the job: what was assumed, what to check. */
  default void note(String message) {}

  /** A recoverable problem in an input file: the work goes on. */
  default void warning(Diagnostic warning) {}

  /**
   * {@code done} of {@code total} units of {@code stage} are finished ("reading" transcripts,
   * "coding" words).
   */
  default void progress(String stage, long done, long total) {}
}
