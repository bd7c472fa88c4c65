package org.aet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aet.diagnostics.AetException;
import org.aet.pseudonym.NameFinder;
import org.aet.pseudonym.NameKind;
import org.aet.pseudonym.PseudonymKey;
import org.aet.pseudonym.Pseudonymisation;
import org.aet.service.Inputs;
import org.aet.service.PseudonymiseWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aet pseudonymise}: a copy of a corpus with people, organisations and places replaced. */
@Command(
    name = "pseudonymise",
    aliases = "pseudonymize",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a copy of transcripts (files, folders or a project) with the names of people,"
          + " organisations and places replaced consistently: speakers become \"Participant 3\","
          + " people named \"[Person 2]\", organisations \"[Organisation B]\", places \"[Place 4]\"."
          + " Names come from the speaker labels and the manifest's aliases, from CoreNLP's named"
          + " entities and from your own lists. The key (real name -> pseudonym) is written only"
          + " where --key says and reused next time, so new transcripts get the same pseudonyms.",
      "",
      "Nothing is released until a person has reviewed every name: with --review the names are"
          + " written to a workbook to accept, reject or correct, and running the same command"
          + " again applies it. --accept-all releases without review.",
      ""
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the pseudonymised copy was written",
      "1:an error (nothing was written)",
      "2:the command line was wrong",
      "3:names wait for review in the --review workbook (nothing was written)"
    },
    footer = {
      "",
      "Examples:",
      "  aet pseudonymise corpora/partnerships --key private/key.csv --review private/review.xlsx"
          + " -o shared",
      "  (review private/review.xlsx, then run the same command again)",
      "  aet code corpora/partnerships --pseudonymise private/key.csv -o shared/coded.xlsx"
    })
final class PseudonymiseCommand implements Callable<Integer> {
  static final int REVIEW_PENDING = 3;

  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY.csv",
      description =
          "The key of real names and pseudonyms: read when it exists, then written with the names"
              + " found added. Keep it private; it may not lie in the output or input folders.")
  Path key;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FOLDER",
      description = "The folder for the pseudonymised copy (new, empty, or an earlier copy).")
  Path output;

  @Option(
      names = "--review",
      paramLabel = "REVIEW.xlsx",
      description =
          "A workbook to review the names in: written when names wait for review, read back (and"
              + " applied to the key) when it exists.")
  Path review;

  @Option(
      names = "--accept-all",
      description = "Accept every name found as proposed and release without review.")
  boolean acceptAll;

  @Option(
      names = "--always",
      paramLabel = "FILE",
      description =
          "Names to replace always, one per line (\"organisation: Eastmoor Trust\" gives the kind).")
  Path always;

  @Option(
      names = "--never",
      paramLabel = "FILE",
      description = "Names never to replace, one per line (a funder, a country).")
  Path never;

  @Option(
      names = "--overwrite",
      description = "Replace an earlier pseudonymised copy in the output folder.")
  boolean overwrite;

  @Override
  public Integer call() throws AetException {
    PrintWriter out = spec.commandLine().getOut();
    ProgressPrinter progress =
        new ProgressPrinter(spec.commandLine().getErr(), false)
            .showing("Finding names")
            .showing("Writing pseudonymised files");
    Path project = input.projectFile();
    Inputs inputs =
        project != null
            ? new Inputs.Project(project)
            : new Inputs.Files(input.inputs, input::corpus);
    PseudonymiseWorkflow.Found found =
        PseudonymiseWorkflow.find(
            new PseudonymiseWorkflow.Request(
                inputs, key, review, output, acceptAll, always, never, overwrite),
            progress);
    report(out, found.key(), found.findings());
    if (found.outcome() == PseudonymiseWorkflow.Outcome.UNREVIEWED) {
      throw new AetException(
          found.key().unreviewed()
              + " name(s) have not been reviewed, so nothing was written to "
              + output
              + ". Add --review review.xlsx to check them in a spreadsheet (then run the same"
              + " command again), or --accept-all to release them as proposed.");
    }
    Pseudonymisation.Released released = PseudonymiseWorkflow.finish(found, progress);
    if (released == null) {
      out.printf(
          "%d name(s) wait for review in %s: choose accept, reject or correct in its Decision"
              + " column, save it, and run the same command again. Nothing was written to %s.%n",
          found.key().unreviewed(), review, output);
      return REVIEW_PENDING;
    }
    printReleased(out, released);
    return 0;
  }

  private void printReleased(PrintWriter out, Pseudonymisation.Released released) {
    StringBuilder counts = new StringBuilder();
    for (NameKind kind : NameKind.values()) {
      int n = released.replacements().getOrDefault(kind, 0);
      if (n > 0) {
        counts.append(counts.isEmpty() ? "" : ", ").append(n).append(' ').append(kind.label());
      }
    }
    out.printf(
        "Wrote %d pseudonymised file(s) to %s, replacing %s name(s) in what was said;"
            + " every file was read back and no accepted name is left. The key stays in %s.%n",
        released.files(), output, counts.isEmpty() ? "no" : counts, key);
  }

  private void report(PrintWriter out, PseudonymKey updated, NameFinder.Findings findings) {
    var decisions = Pseudonymisation.decisions(updated);
    out.printf(
        "The key %s holds %d name(s): %d accepted, %d rejected (never replaced), %d not reviewed;"
            + " %d new in this run.%n",
        key,
        updated.entries().size(),
        decisions.getOrDefault(PseudonymKey.Decision.ACCEPTED, 0L),
        decisions.getOrDefault(PseudonymKey.Decision.REJECTED, 0L),
        decisions.getOrDefault(PseudonymKey.Decision.PROPOSED, 0L),
        findings.added().size());
    StringBuilder kinds = new StringBuilder();
    for (NameKind kind : NameKind.values()) {
      long n = updated.entries().stream().filter(e -> e.kind() == kind).count();
      if (n > 0) {
        kinds.append(kinds.isEmpty() ? "" : ", ").append(n).append(' ').append(kind.label());
      }
    }
    if (!kinds.isEmpty()) {
      out.println("  By kind: " + kinds + ".");
    }
    if (!findings.onlyInLabels().isEmpty()) {
      out.println(
          "  Names that appear only in speaker labels, never in what was said: "
              + String.join(", ", findings.onlyInLabels()));
    }
    if (!findings.unsure().isEmpty()) {
      out.println(
          "  Names CoreNLP was unsure of (probability below "
              + NameFinder.CONFIDENT
              + "), to check first:");
      findings.unsure().stream()
          .limit(20)
          .forEach(
              e ->
                  out.printf(
                      "    %s (%s, %.2f, %d occurrence(s))%n",
                      e.original(), e.kind().label(), e.confidence(), e.occurrences()));
      if (findings.unsure().size() > 20) {
        out.printf("    ... and %d more in the key%n", findings.unsure().size() - 20);
      }
    }
    if (!findings.labelsKept().isEmpty()) {
      out.println(
          "  Speaker labels kept as they are (they name a role, not a person): "
              + String.join(", ", findings.labelsKept()));
    }
  }
}
