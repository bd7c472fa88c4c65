package org.aet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.ingest.Corpus;
import org.aet.ingest.ReadResult;
import org.aet.ingest.Timestamps;
import org.aet.ingest.TranscriptStats;
import org.aet.model.Transcript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aet inspect}: what each transcript holds, to check an import before coding it. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what aet reads in each transcript: format, encoding, case, turns, speakers with their roles, words,"
          + " duration, and every warning. Nothing is written.",
      ""
    },
    footer = {"", "Example:", "  aet inspect corpora/partnerships"})
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Override
  public Integer call() throws AetException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Corpus corpus = input.corpus();
    if (corpus.manifest() != null) {
      out.println("Manifest: " + corpus.manifest().path());
    }
    corpus.warnings().forEach(w -> err.println(w.format()));
    List<Diagnostic> errors = new ArrayList<>();
    long words = 0;
    int read = 0;
    for (Corpus.Entry entry : corpus.entries()) {
      out.println(entry.path());
      try {
        words += show(out, err, corpus.read(entry));
        read++;
      } catch (InputException e) {
        out.println(
            "  could not be read: "
                + e.diagnostics().size()
                + " problem(s), listed on standard error");
        e.diagnostics().forEach(d -> err.println(d.format()));
        errors.addAll(e.diagnostics());
      }
    }
    out.printf("%d of %d transcript(s) read, %,d words.%n", read, corpus.entries().size(), words);
    out.flush();
    err.flush();
    return errors.isEmpty() ? 0 : ErrorReporter.FAILED;
  }

  /** Shows one transcript read, its warnings on {@code err}; returns its words. */
  private static long show(PrintWriter out, PrintWriter err, ReadResult result) {
    Transcript t = result.transcript();
    TranscriptStats stats = TranscriptStats.of(t);
    out.printf("  transcript  %s (%s, %s)%n", t.id(), t.format(), result.encoding());
    out.printf("  case        %s%n", t.caseName().isEmpty() ? "(none)" : t.caseName());
    if (!t.attributes().isEmpty()) {
      out.printf(
          "  attributes  %s%n",
          t.attributes().entrySet().stream()
              .map(e -> e.getKey() + ": " + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    out.printf(
        "  turns       %,d    words %,d    duration %s%n",
        stats.turns(),
        stats.words(),
        stats.duration() == null ? "(no times)" : Timestamps.format(stats.duration()));
    showSpeakers(out, t, stats);
    out.printf(
        "  warnings    %s%n", result.warnings().isEmpty() ? "none" : result.warnings().size());
    result.warnings().forEach(w -> err.println(w.format()));
    return stats.words();
  }

  /** Each speaker's role, turns and words, and the other ways their name was written. */
  private static void showSpeakers(PrintWriter out, Transcript t, TranscriptStats stats) {
    out.println("  speakers");
    for (TranscriptStats.SpeakerStats s : stats.speakers()) {
      out.printf(
          "    %-28s %-20s %5d turns %7d words%n",
          s.name(), s.role().isEmpty() ? "(no role)" : s.role(), s.turns(), s.words());
      List<String> variants = t.variantsOf(s.name());
      if (!variants.isEmpty()) {
        out.println(
            "      also written as: "
                + variants.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "))
                + " (merged; to keep them apart, list each in the manifest's speakers)");
      }
    }
  }
}
