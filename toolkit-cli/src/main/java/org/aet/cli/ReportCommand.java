package org.aet.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.export.CodedJsonl;
import org.aet.export.ExportContext;
import org.aet.export.OutputTargets;
import org.aet.model.CodedTranscript;
import org.aet.model.Indicators;
import org.aet.model.Transcript;
import org.aet.pipeline.ReadCorpus;
import org.aet.project.FinalCoding;
import org.aet.report.HtmlReport;
import org.aet.service.FinalExport;
import org.aet.service.OutputStyle;
import picocli.CommandLine.Command;

/**
 * {@code aet report}: the HTML page a team looks at together. From transcripts it codes them first
 * (with every option of {@code aet code}); from coded .jsonl files it reads the codings back
 * without any language processing; from a project it shows the final coding with the review status
 * and the coders' agreement.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one HTML page a team can open together: the cases side by side (a heatmap of each"
          + " code's share of each case, marking where a case clearly has more or less of a code),"
          + " which codes go together, quotes for every code and case with the evidence"
          + " highlighted, breakdowns by speaker role, for a project the review status and the"
          + " coders' agreement, and the codebook. It works offline and prints.",
      "Give it transcripts (they are coded first, as \"aet code\" does), coded .jsonl files"
          + " written by \"aet code\" (read back as they are, nothing is coded again), or a project"
          + " (its final coding).",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  aet report corpora/partnerships --codebook four-tensions -o report.html",
      "  aet report coded.jsonl --codebook four-tensions -o report.html",
      "  aet report study.aet -o report.html",
      "  aet report coded.jsonl --pseudonymise key.csv -o shareable-report.html"
    })
final class ReportCommand extends CodeCommand {
  /**
   * Options that say how to code transcripts: they mean nothing for input that is coded already.
   */
  private static final List<String> CODING_ONLY =
      List.of(
          "--threads",
          "--model",
          "--min-probability",
          "--no-semantic",
          "--calibrate",
          "--floor",
          "--queue",
          "--labels");

  @Override
  public Integer call() throws AetException {
    if (output == null
        || !output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "The report is an HTML page: give -o with a file name ending in .html");
    }
    Path project = input.projectFile();
    if (project != null) {
      refuseCodingOptions(project + " is a project, whose final coding is reported as it is");
      return fromProject(project);
    }
    List<Path> codedFiles = input.inputs.stream().filter(CodedJsonl::isCoded).toList();
    if (codedFiles.size() == input.inputs.size()) {
      refuseCodingOptions(codedFiles.get(0) + " is coded already and is reported as it is");
      return fromCoded();
    }
    if (!codedFiles.isEmpty()) {
      throw new AetException(
          "Give either transcripts or coded .jsonl files, not both: "
              + codedFiles.get(0)
              + " is a coded file");
    }
    return super.call();
  }

  /** A usage error naming every coding option given, since nothing is coded for this input. */
  private void refuseCodingOptions(String why) {
    var parsed = spec.commandLine().getParseResult();
    List<String> given = CODING_ONLY.stream().filter(parsed::hasMatchedOption).toList();
    if (!given.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          String.join(", ", given)
              + (given.size() == 1 ? " says" : " say")
              + " how to code transcripts, but "
              + why
              + ": leave "
              + (given.size() == 1 ? "it" : "them")
              + " out, or give the transcripts instead");
    }
  }

  private int fromCoded() throws AetException {
    overwrite.check(
        new OutputTargets().inputs(input.inputs, "an input").output(output, "-o", ".html"));
    Codebook book = Codebooks.load(codebook);
    List<CodedTranscript> coded = new ArrayList<>();
    for (Path file : input.inputs) {
      coded.addAll(CodedJsonl.read(file, book));
    }
    OutputStyle.Applied style = style().applyTo(transcripts(coded));
    ExportContext context =
        new ExportContext(
            book,
            unit,
            style.inputs(input.names()),
            Instant.now(),
            ReadCorpus.of(transcripts(coded)).attributes(),
            Indicators.standard());
    style.write(new HtmlReport(), output, context, coded);
    written(coded.size(), book);
    return 0;
  }

  private int fromProject(Path project) throws AetException {
    overwrite.check(
        new OutputTargets().input(project, "the project").output(output, "-o", ".html"));
    boolean named = spec.commandLine().getParseResult().hasMatchedOption("--codebook");
    FinalCoding.Result result =
        FinalExport.write(
            project,
            named ? codebook : null,
            output,
            new HtmlReport(),
            style(),
            nlp.annotator(new ProgressPrinter(spec.commandLine().getErr(), quiet)));
    result.notes().forEach(n -> spec.commandLine().getErr().println("Note: " + n));
    written(result.coded().size(), result.codebook());
    return 0;
  }

  private void written(int transcripts, Codebook book) {
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %s: %d transcript(s) against the codebook %s (version %s). Open it in a web"
                + " browser.%n",
            output, transcripts, book.name(), book.version());
  }

  private static List<Transcript> transcripts(List<CodedTranscript> coded) {
    return coded.stream().map(CodedTranscript::transcript).toList();
  }
}
