package org.aet.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.AgreementReport;
import org.aet.evaluation.LabelledSegment;
import org.aet.evaluation.LabelledSegments;
import org.aet.export.OutputTargets;
import org.aet.project.ProjectAgreement;
import org.aet.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aet agree}: how far coders agree, per code, per transcript and pooled. */
@Command(
    name = "agree",
    mixinStandardHelpOptions = true,
    description = {
      "Measures intercoder agreement with the segment as the unit: per code, per transcript and pooled,"
          + " as percent agreement, Cohen's kappa (two coders), Fleiss' kappa, Krippendorff's alpha (nominal, missing"
          + " data allowed) and Brennan-Prediger kappa. Works on a project (--coders A,B; \"machine\" is the latest"
          + " suggestions) or on labelled-segment files, one per coder.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  aet agree study.aet --coders alice,bob -o agreement.xlsx",
      "  aet agree alice.jsonl bob.jsonl carol.jsonl -o agreement.jsonl"
    })
final class AgreeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PROJECT|FILE",
      description = "A project, or one labelled file per coder.")
  List<Path> inputs;

  @Option(
      names = "--coders",
      split = ",",
      paramLabel = "A,B",
      description = "With a project: the coders to compare.")
  List<String> coders;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Also write the report: .xlsx (with a sheet of the disputed segments) or .jsonl.")
  Path output;

  @Mixin OverwriteOption overwrite;

  @Override
  public Integer call() throws AetException {
    overwrite.check(
        new OutputTargets().inputs(inputs, "an input").output(output, "-o", ".xlsx", ".jsonl"));
    AgreementReport.Report report;
    if (inputs.size() == 1 && inputs.get(0).getFileName().toString().endsWith(".aet")) {
      if (coders == null || coders.size() < 2) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "name at least two coders with --coders, for example --coders alice,bob");
      }
      try (ProjectStore store = ProjectStore.openForReading(inputs.get(0))) {
        report = ProjectAgreement.compute(store, coders);
      }
    } else {
      if (inputs.size() < 2) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "give one labelled-segments file per coder (at least two), or a project with --coders");
      }
      report = fromFiles(inputs);
    }
    AgreementReport.print(report, spec.commandLine().getOut());
    if (output != null) {
      AgreementReport.write(report, output);
      spec.commandLine().getOut().println("Wrote " + output + ".");
    }
    return 0;
  }

  private static AgreementReport.Report fromFiles(List<Path> files) throws AetException {
    Map<String, AgreementReport.Unit> units = new LinkedHashMap<>();
    List<AgreementReport.CoderLabels> labels = new ArrayList<>();
    for (Path file : files) {
      Map<String, List<String>> codes = new HashMap<>();
      for (LabelledSegment segment : LabelledSegments.read(file)) {
        codes.put(segment.segmentId(), segment.codes());
        String transcript =
            segment.segmentId().contains("@")
                ? segment.segmentId().substring(0, segment.segmentId().lastIndexOf('@'))
                : "";
        units.putIfAbsent(
            segment.segmentId(),
            new AgreementReport.Unit(segment.segmentId(), transcript, "", segment.text()));
      }
      String name =
          file.getFileName().toString().replaceFirst("\\.[^.]*$", "").toLowerCase(Locale.ROOT);
      labels.add(new AgreementReport.CoderLabels(name, codes, Map.of()));
    }
    return AgreementReport.compute(List.copyOf(units.values()), labels);
  }
}
