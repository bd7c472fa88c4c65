package org.aet.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.aet.codebook.Codebook;
import org.aet.ranking.HeldOutSimulation;
import org.aet.ranking.HeldOutSimulation.Arm;
import org.aet.ranking.ReviewSimulation;
import org.aet.ranking.ReviewTarget;

/** Prints {@code aet simulate --leave-one-out}: per transcript held out, per target, stopping. */
final class HeldOutPrinter {
  private HeldOutPrinter() {}

  static void print(PrintWriter out, List<HeldOutSimulation.Held> held, Codebook codebook) {
    out.printf(
        "Each transcript held out in turn, its first rounds ranked by the codebook alone or by a"
            + " model learned from the others' coding; work saved at 95%% recall (any code):%n");
    out.printf(
        Locale.ROOT,
        "  %-24s %8s %8s %9s %9s %9s   %s%n",
        "held out",
        "segments",
        "relevant",
        "codebook",
        "learned",
        "shuffled",
        "recall after 10/20/30/50% read (learned)");
    for (HeldOutSimulation.Held h : held) {
      ReviewSimulation.Outcome learned = any(Arm.LEARNED, h);
      out.printf(
          Locale.ROOT,
          "  %-24s %8d %8d %9.3f %9.3f %9.3f   %.2f / %.2f / %.2f / %.2f%n",
          h.transcript(),
          learned.segments(),
          learned.relevant(),
          any(Arm.CODEBOOK, h).wss(0.95),
          learned.wss(0.95),
          any(Arm.SHUFFLED, h).wss(0.95),
          learned.recallAfter(0.1),
          learned.recallAfter(0.2),
          learned.recallAfter(0.3),
          learned.recallAfter(0.5));
    }
    out.printf("Mean over the transcripts held out where the target occurs:%n");
    out.printf(
        Locale.ROOT,
        "  %-44s %9s %9s %9s %12s %12s%n",
        "target",
        "codebook",
        "learned",
        "shuffled",
        "r@20% cb",
        "r@20% lrn");
    for (ReviewTarget target : ReviewTarget.of(codebook)) {
      String name = target.name();
      double learned = HeldOutSimulation.mean(held, Arm.LEARNED, name, o -> o.wss(0.95));
      if (Double.isNaN(learned)) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "  %-44s %9.3f %9.3f %9.3f %12.2f %12.2f%n",
          name,
          HeldOutSimulation.mean(held, Arm.CODEBOOK, name, o -> o.wss(0.95)),
          learned,
          HeldOutSimulation.mean(held, Arm.SHUFFLED, name, o -> o.wss(0.95)),
          HeldOutSimulation.mean(held, Arm.CODEBOOK, name, o -> o.recallAfter(0.2)),
          HeldOutSimulation.mean(held, Arm.LEARNED, name, o -> o.recallAfter(0.2)));
    }
    printStopping(out, held);
  }

  private static void printStopping(PrintWriter out, List<HeldOutSimulation.Held> held) {
    out.printf(
        "Stopping when the rounds say fewer than 1 coded segment is left (first rounds learned):%n");
    out.printf(
        Locale.ROOT,
        "  %-24s %14s %16s %26s%n",
        "held out",
        "read",
        "coded found",
        "mean (estimated - left)");
    for (HeldOutSimulation.Held h : held) {
      HeldOutSimulation.Stop stop = HeldOutSimulation.stop(h.modelFirst());
      out.printf(
          Locale.ROOT,
          "  %-24s %6d of %-6d %7d of %-6d %26.1f%n",
          h.transcript(),
          stop.read(),
          stop.segments(),
          stop.found(),
          stop.relevant(),
          stop.meanError());
    }
  }

  private static ReviewSimulation.Outcome any(Arm arm, HeldOutSimulation.Held h) {
    return HeldOutSimulation.outcome(arm.of(h), ReviewTarget.ANY);
  }
}
