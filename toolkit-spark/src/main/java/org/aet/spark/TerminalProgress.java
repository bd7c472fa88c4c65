package org.aet.spark;

import java.io.PrintWriter;
import org.aet.pipeline.ProgressListener;

/**
 * Shows a Spark run's notes and how many transcripts are coded on standard error, as {@code aet
 * code} shows its progress: on a terminal the line redraws itself; in a log (no terminal) a line is
 * printed at each tenth of the work, so logs stay short.
 */
final class TerminalProgress implements ProgressListener {
  private final PrintWriter err;
  private final boolean interactive;
  private int lastTenth = -1;
  private boolean lineOpen;

  TerminalProgress(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  @Override
  public synchronized void note(String message) {
    endLine();
    err.println(message);
    err.flush();
  }

  @Override
  public synchronized void progress(String stage, long done, long total) {
    if (!stage.equals(TranscriptProgress.STAGE) || total == 0) {
      return;
    }
    int percent = (int) (100 * done / total);
    String line = String.format("Coding: %3d%% (%,d of %,d transcripts)", percent, done, total);
    if (interactive) {
      err.print("\r" + line);
      lineOpen = true;
      if (done == total) {
        endLine();
      }
    } else if (percent / 10 != lastTenth) {
      lastTenth = percent / 10;
      err.println(line);
    }
    err.flush();
  }

  private void endLine() {
    if (lineOpen) {
      err.println();
      lineOpen = false;
    }
  }
}
