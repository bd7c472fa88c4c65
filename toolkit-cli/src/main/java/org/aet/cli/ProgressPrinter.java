package org.aet.cli;

import java.io.PrintWriter;
import org.aet.diagnostics.Diagnostic;
import org.aet.pipeline.ProgressListener;

/**
 * Shows a run's warnings and progress on standard error. On a terminal the progress line redraws
 * itself; in a log (no terminal) it prints a line at each tenth of the work, so logs stay short.
 */
final class ProgressPrinter implements ProgressListener {
  private final PrintWriter err;
  private final boolean interactive;
  private final boolean quiet;
  private final java.util.Set<String> stages = new java.util.HashSet<>(java.util.Set.of("coding"));
  private int lastTenth = -1;
  private boolean lineOpen;

  ProgressPrinter(PrintWriter err, boolean quiet) {
    this.err = err;
    this.interactive = System.console() != null;
    this.quiet = quiet;
  }

  @Override
  public void warning(Diagnostic warning) {
    endLine();
    err.println(warning.format());
    err.flush();
  }

  @Override
  public void progress(String stage, long done, long total) {
    if (quiet || !stages.contains(stage) || total == 0) {
      return;
    }
    int percent = (int) (100 * done / total);
    String line =
        stage.equals("coding")
            ? String.format("Coding: %3d%% (%,d of %,d words)", percent, done, total)
            : String.format("%s: %3d%% (%,d of %,d)", stage, percent, done, total);
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

  /** Shows the progress of {@code stage} too (by default only coding is shown). */
  ProgressPrinter showing(String stage) {
    stages.add(stage);
    return this;
  }

  @Override
  public void note(String text) {
    message(text);
  }

  void message(String text) {
    if (!quiet) {
      endLine();
      err.println(text);
      err.flush();
    }
  }

  private void endLine() {
    if (lineOpen) {
      err.println();
      lineOpen = false;
    }
  }
}
