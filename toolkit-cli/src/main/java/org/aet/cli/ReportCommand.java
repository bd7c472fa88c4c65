package org.aet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.export.CodedJsonl;
import org.aet.export.OutputTargets;
import org.aet.project.FinalCoding;
import org.aet.report.HtmlReport;
import org.aet.service.CodedReport;
import org.aet.service.FinalExport;
import org.aet.service.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aet report}: the HTML page a team looks at together. From transcripts it codes them first
 * (with the options of {@code aet code}, shared as mixins); from coded .jsonl files it reads the
 * codings back without any language processing; from a project it shows the final coding with the
 * review status and the coders' agreement. An option that cannot apply to the input (how to code,
 * for input coded already) is a usage error.
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
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin CodebookOption codebook;

  @Mixin UnitOption unit;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE.html",
      description = "Where to write the report: a .html file.")
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
    if (output == null
        || !output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
      throw new ParameterException(
          spec.commandLine(),
          "The report is an HTML page: give -o with a file name ending in .html");
    }
    Path project = input.projectFile();
    if (project != null) {
      refuse(project + " is a project, whose final coding is reported as it is", "coding", "unit");
      return fromProject(project);
    }
    List<Path> codedFiles = input.inputs.stream().filter(CodedJsonl::isCoded).toList();
    if (codedFiles.size() == input.inputs.size()) {
      refuse(codedFiles.get(0) + " is coded already and is reported as it is", "coding", "nlp");
      return fromCoded();
    }
    if (!codedFiles.isEmpty()) {
      throw new AetException(
          "Give either transcripts or coded .jsonl files, not both: "
              + codedFiles.get(0)
              + " is a coded file");
    }
    Inputs source = new Inputs.Files(input.inputs, input::corpus);
    CodeCommand.code(
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
   * A usage error naming every option of the {@code mixins} given, since they say how to code
   * transcripts and nothing is coded: {@code why} says so.
   */
  private void refuse(String why, String... mixins) {
    List<String> given =
        Stream.of(mixins).flatMap(m -> CodingOptions.given(spec, m).stream()).toList();
    if (!given.isEmpty()) {
      throw new ParameterException(
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
    Codebook book = codebook.load();
    int transcripts = CodedReport.write(input.inputs, book, unit.unit, output, style.style());
    written(transcripts, book);
    return 0;
  }

  private int fromProject(Path project) throws AetException {
    overwrite.check(
        new OutputTargets().input(project, "the project").output(output, "-o", ".html"));
    boolean named = spec.commandLine().getParseResult().hasMatchedOption("--codebook");
    FinalCoding.Result result =
        FinalExport.write(
            project,
            named ? codebook.codebook : null,
            output,
            new HtmlReport(),
            style.style(),
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
}
