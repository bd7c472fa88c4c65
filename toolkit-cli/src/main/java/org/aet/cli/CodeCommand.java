package org.aet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.SettingException;
import org.aet.export.CodingExporter;
import org.aet.export.OutputTargets;
import org.aet.pipeline.RunSummary;
import org.aet.segment.SegmentUnit;
import org.aet.service.CodeWorkflow;
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
final class CodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin CodebookOption codebook;

  @Mixin UnitOption unit;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where to write: a ${sys:aet.exporters} file (optional when coding a project).")
  Path output;

  @Mixin OverwriteOption overwrite;

  @Mixin OutputStyleOptions style;

  @Mixin CodingOptions coding;

  @Mixin NlpOptions nlp;

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
    Inputs source =
        project != null
            ? new Inputs.Project(project)
            : new Inputs.Files(input.inputs, input::corpus);
    code(
        spec,
        input,
        source,
        output,
        codebook,
        unit.unit,
        overwrite,
        style.style(),
        coding,
        nlp,
        quiet);
    return 0;
  }

  /**
   * Codes {@code source} into {@code output} as the options say and prints the summary: the work of
   * {@code aet code}, and of {@code aet report} on transcripts.
   */
  static void code(
      CommandSpec spec,
      InputOptions input,
      Inputs source,
      Path output,
      CodebookOption codebook,
      SegmentUnit unit,
      OverwriteOption overwrite,
      OutputStyle style,
      CodingOptions coding,
      NlpOptions nlp,
      boolean quiet)
      throws AetException {
    boolean project = source instanceof Inputs.Project;
    OutputTargets targets =
        coding.inputs(
            new OutputTargets().inputs(input.inputs, project ? "the project" : "an input"));
    overwrite.check(
        coding.outputs(
            targets
                .input(Path.of(codebook.codebook), "the codebook")
                .output(
                    output,
                    "-o",
                    CodingExporter.registry().names().stream()
                        .map(e -> "." + e)
                        .toArray(String[]::new))));
    Codebook book = codebook.load();
    CodeWorkflow.Result result;
    try {
      result =
          CodeWorkflow.run(
              coding.request(book, unit, source, output, style),
              nlp.stack(),
              new ProgressPrinter(spec.commandLine().getErr(), quiet));
    } catch (SettingException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), e.message(SettingOptions::option));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (result.project() != null) {
      out.printf("Stored the suggestions in %s as a new coding run.%n", result.project());
    }
    report(out, book, unit, output, result.summary(), result.unusedCodes());
    coding.printWritten(out);
    String cacheReport = nlp.cacheReport(result.summary().transcripts());
    if (cacheReport != null) {
      out.println(cacheReport);
    }
  }

  private static void report(
      PrintWriter out,
      Codebook book,
      SegmentUnit unit,
      Path output,
      RunSummary summary,
      List<String> unused) {
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
