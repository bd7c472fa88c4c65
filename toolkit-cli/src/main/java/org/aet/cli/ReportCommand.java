package org.aet.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.export.CodedJsonl;
import org.aet.export.ExportContext;
import org.aet.export.OutputTargets;
import org.aet.model.CodedTranscript;
import org.aet.model.Indicators;
import org.aet.model.Transcript;
import org.aet.project.FinalCoding;
import org.aet.project.ProjectReview;
import org.aet.project.ProjectStore;
import org.aet.pseudonym.Pseudonymiser;
import org.aet.report.HtmlReport;
import org.aet.report.ReviewState;
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
      return fromProject(project);
    }
    if (input.inputs.stream().allMatch(CodedJsonl::isCoded)) {
      return fromCoded();
    }
    if (input.inputs.stream().anyMatch(CodedJsonl::isCoded)) {
      throw new AetException(
          "Give either transcripts or coded .jsonl files, not both: "
              + input.inputs.stream().filter(CodedJsonl::isCoded).findFirst().orElseThrow()
              + " is a coded file");
    }
    return super.call();
  }

  private int fromCoded() throws AetException {
    overwrite.check(
        new OutputTargets().inputs(input.inputs, "an input").output(output, "-o", ".html"));
    Codebook book = Codebooks.load(codebook);
    List<CodedTranscript> coded = new ArrayList<>();
    Set<String> attributes = new LinkedHashSet<>();
    for (Path file : input.inputs) {
      for (CodedTranscript c : CodedJsonl.read(file, book)) {
        coded.add(c);
        attributes.addAll(c.transcript().attributes().keySet());
      }
    }
    Pseudonymiser pseudonymiser = pseudonymise.load(transcripts(coded));
    ExportContext context =
        new ExportContext(
            book,
            unit,
            PseudonymiseOption.inputs(pseudonymiser, input.names()),
            Instant.now(),
            List.copyOf(attributes),
            Indicators.NAMES);
    write(new HtmlReport(), context, coded, pseudonymiser);
    return 0;
  }

  private int fromProject(Path project) throws AetException {
    overwrite.check(
        new OutputTargets().input(project, "the project").output(output, "-o", ".html"));
    boolean named = spec.commandLine().getParseResult().hasMatchedOption("--codebook");
    FinalCoding.Result result;
    ReviewState review;
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      result =
          FinalCoding.of(
              store,
              named ? codebook : null,
              nlp.annotator(new ProgressPrinter(spec.commandLine().getErr(), quiet)));
      review = ProjectReview.of(store);
    }
    Set<String> attributes = new LinkedHashSet<>();
    result.coded().forEach(c -> attributes.addAll(c.transcript().attributes().keySet()));
    Pseudonymiser pseudonymiser = pseudonymise.load(transcripts(result.coded()));
    ExportContext context =
        new ExportContext(
            result.codebook(),
            result.unit(),
            PseudonymiseOption.inputs(pseudonymiser, List.of(project.toString())),
            Instant.now(),
            List.copyOf(attributes),
            Indicators.NAMES,
            true);
    result.notes().forEach(n -> spec.commandLine().getErr().println("Note: " + n));
    write(
        new HtmlReport(pseudonymiser == null ? review : review.renamed(pseudonymiser::apply)),
        context,
        result.coded(),
        pseudonymiser);
    return 0;
  }

  private void write(
      HtmlReport report,
      ExportContext context,
      List<CodedTranscript> coded,
      Pseudonymiser pseudonymiser)
      throws AetException {
    PseudonymiseOption.export(report, output, context, markup, pseudonymiser, coded);
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %s: %d transcript(s) against the codebook %s (version %s). Open it in a web"
                + " browser.%n",
            output, coded.size(), context.codebook().name(), context.codebook().version());
  }

  private static List<Transcript> transcripts(List<CodedTranscript> coded) {
    return coded.stream().map(CodedTranscript::transcript).toList();
  }
}
