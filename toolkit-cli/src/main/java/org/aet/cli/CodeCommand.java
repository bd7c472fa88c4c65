package org.aet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.SettingException;
import org.aet.export.CodingExporter;
import org.aet.export.OutputTargets;
import org.aet.pipeline.RunSummary;
import org.aet.segment.SegmentUnit;
import org.aet.service.CodeWorkflow;
import org.aet.service.CodingJob;
import org.aet.service.Inputs;
import org.aet.service.OutputStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aet code}: transcripts in, coded segments out. */
@Command(
    name = "code",
    mixinStandardHelpOptions = true,
    description = {
      "Codes transcripts against a codebook and writes the coded segments.",
      "Reads .txt (\"Name: text\" lines), .vtt (Zoom, Teams), .srt, .docx, .csv/.tsv and .json/.jsonl"
          + " transcripts; a folder is read with all its subfolders, each first-level subfolder being a case"
          + " (for example a partnership).",
      "Every coding is a suggestion with its evidence: the words that triggered it.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  aet code corpora/partnerships --codebook four-tensions -o coded.xlsx",
      "  aet code interview-1.txt interview-2.vtt --codebook mine.json -o coded.csv",
      "  aet code corpora/partnerships --unit sentence --entities -o coded.xlsx",
      "",
      "Output formats, chosen by the file's extension:",
      "  .xlsx  coded segments, all segments, the codebook, how the file was made",
      "  .csv   the coded segments table (UTF-8, opens in Excel and LibreOffice)",
      "  .jsonl one JSON object per coding (and per segment without one), for R or Python",
      "  .html  the report: cases side by side, quotes, the codebook (see \"aet report\")"
    })
class CodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Option(
      names = {"-c", "--codebook"},
      paramLabel = "NAME|FILE",
      defaultValue = "four-tensions",
      description =
          "A shipped codebook's name or a codebook .json file (default: ${DEFAULT-VALUE}).")
  String codebook;

  @Option(
      names = {"-u", "--unit"},
      paramLabel = "turn|sentence",
      defaultValue = "turn",
      description =
          "What one coded segment is: a speaker's turn or a sentence (default: ${DEFAULT-VALUE}).")
  SegmentUnit unit;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write: a .xlsx, .csv, .jsonl or .html file (optional when coding a project).")
  Path output;

  @Mixin OverwriteOption overwrite;

  @Mixin MarkupOption markup;

  @Mixin PseudonymiseOption pseudonymise;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "How many transcripts to annotate at once (default: the number of processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin NlpOptions nlp;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "Also suggest codes with a model trained by \"aet train\" (source \"learned\").")
  Path model;

  @Option(
      names = "--min-probability",
      paramLabel = "P",
      description =
          "The probability from which the model's suggestions are kept, above 0 and at most 1,"
              + " for every code (default: each code's own threshold, chosen by cross-validation"
              + " when the model was trained; 0.5 for a model trained without it).")
  Double minProbability;

  @Option(
      names = "--no-semantic",
      description =
          "Rules only: no sentence embeddings, so no rule match is checked against the code's"
              + " meaning and the confidence is the rules' strength, not an estimated precision.")
  boolean noSemantic;

  @Option(
      names = "--calibrate",
      paramLabel = "LABELLED",
      description =
          "Labelled segments (.jsonl or .csv, as \"aet evaluate\" reads them: your team's coding or"
              + " a gold file), or a project (.aet) whose team coding is read, to estimate the"
              + " precision of suggestions from, instead of the codebook's own examples. A project"
              + " that is coded uses its own team coding by default, once the team has made "
              + CodingJob.ENOUGH_TEAM_CODINGS
              + " codings.")
  Path calibrate;

  @Option(
      names = "--floor",
      paramLabel = "P",
      defaultValue = "0.5",
      description =
          "The estimated precision from which a suggestion is shown, from 0 to 1 (default:"
              + " ${DEFAULT-VALUE}: right at least half the time).")
  double floor;

  @Option(
      names = "--queue",
      paramLabel = "FILE.csv",
      description =
          "With --model: write every segment and code the model scored, most uncertain first, for"
              + " review: the team's decisions there teach the model most.")
  Path queue;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description =
          "Also write every segment with its suggested codes in the labelled-segments format (.jsonl"
              + " or .csv), for \"aet evaluate\" and \"aet agree\".")
  Path labels;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print no progress, only warnings, errors and the summary.")
  boolean quiet;

  @Override
  public Integer call() throws AetException {
    Path project = input.projectFile();
    if (output == null && project == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Missing required option: '--output=FILE' (only a project can be coded without one)");
    }
    overwrite.check(
        new OutputTargets()
            .inputs(input.inputs, project == null ? "an input" : "the project")
            .input(model, "the model")
            .input(calibrate, "the labelled file")
            .input(Path.of(codebook), "the codebook")
            .output(
                output,
                "-o",
                CodingExporter.registry().names().stream().map(e -> "." + e).toArray(String[]::new))
            .output(labels, "--labels", ".jsonl", ".csv")
            .output(queue, "--queue", ".csv"));
    Codebook book = Codebooks.load(codebook);
    CodeWorkflow.Result result;
    try {
      CodingJob.Settings settings =
          new CodingJob.Settings(
              book, unit, threads, floor, null, model, minProbability, queue != null);
      Inputs source =
          project != null
              ? new Inputs.Project(project)
              : new Inputs.Files(input.inputs, input::corpus);
      result =
          CodeWorkflow.run(
              new CodeWorkflow.Request(
                  settings, calibrate, !noSemantic, source, output, labels, queue, style()),
              nlp.stack(),
              new ProgressPrinter(spec.commandLine().getErr(), quiet));
    } catch (SettingException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), e.message(SettingOptions::option));
    }
    printResult(spec.commandLine().getOut(), book, result);
    return 0;
  }

  /** How the output shows markup and names, as the options say. */
  OutputStyle style() {
    return new OutputStyle(markup.drops(), pseudonymise.key);
  }

  private void printResult(PrintWriter out, Codebook book, CodeWorkflow.Result result) {
    if (result.project() != null) {
      out.printf("Stored the suggestions in %s as a new coding run.%n", result.project());
    }
    report(out, book, result.summary(), result.unusedCodes());
    if (labels != null) {
      out.println("Wrote the labelled segments to " + labels + ".");
    }
    if (queue != null) {
      out.println("Wrote the review queue, most uncertain first, to " + queue + ".");
    }
    String cacheReport = nlp.cacheReport(result.summary().transcripts());
    if (cacheReport != null) {
      out.println(cacheReport);
    }
  }

  private void report(PrintWriter out, Codebook book, RunSummary summary, List<String> unused) {
    out.printf(
        "Coded %d transcript(s), %,d words, as %,d %s segments: %,d suggested coding(s) from the"
            + " \"%s\" codebook (version %s).%n",
        summary.transcripts(),
        summary.words(),
        summary.segments(),
        unit.label(),
        summary.codings(),
        book.name(),
        book.version());
    int width = summary.codingsByCode().keySet().stream().mapToInt(String::length).max().orElse(10);
    for (Map.Entry<String, Long> entry : summary.codingsByCode().entrySet()) {
      out.printf("  %-" + width + "s %6d%n", entry.getKey(), entry.getValue());
    }
    if (!unused.isEmpty()) {
      out.println(
          "No segment got: "
              + String.join(", ", unused)
              + ". Check those codes' rules, or whether the conversations touch on them.");
    }
    if (summary.warnings() > 0) {
      out.printf("%d warning(s) while reading: see the messages above.%n", summary.warnings());
    }
    if (output != null) {
      out.printf("Wrote %s (%.1f s).%n", output, summary.elapsed().toMillis() / 1000.0);
    }
    out.flush();
  }
}
