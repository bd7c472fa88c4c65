package org.aet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.AgreementFiles;
import org.aet.evaluation.AgreementReport;
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
          + " data allowed) and Brennan-Prediger kappa, and any statistic a plug-in adds. Works on a project (--coders A,B; \"machine\" is the latest"
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

  @Option(
      names = "--missing",
      paramLabel = "no-code|exclude",
      defaultValue = "no-code",
      converter = MissingConverter.class,
      description =
          "With files: what a segment a coder's file lists without codes means: that coder's"
              + " decision that no code applies (no-code; a segment without text still counts as"
              + " not coded), or not coded by that coder (exclude). A segment a file does not list"
              + " is always not coded. Default: ${DEFAULT-VALUE}.")
  AgreementFiles.Missing missing;

  @Mixin OverwriteOption overwrite;

  /** Reads "exclude" and "no-code". */
  static final class MissingConverter
      implements picocli.CommandLine.ITypeConverter<AgreementFiles.Missing> {
    @Override
    public AgreementFiles.Missing convert(String value) {
      try {
        return AgreementFiles.Missing.of(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "expected exclude or no-code, not " + value);
      }
    }
  }

  @Override
  public Integer call() throws AetException {
    overwrite.check(
        new OutputTargets().inputs(inputs, "an input").output(output, "-o", ".xlsx", ".jsonl"));
    AgreementReport.Report report;
    if (inputs.size() == 1 && ProjectStore.isProjectFile(inputs.get(0))) {
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
      AgreementFiles.Result result = AgreementFiles.compare(inputs, missing);
      result.warnings().forEach(w -> spec.commandLine().getErr().println("Note: " + w));
      report = result.report();
    }
    AgreementReport.print(report, spec.commandLine().getOut());
    if (output != null) {
      AgreementReport.write(report, output);
      spec.commandLine().getOut().println("Wrote " + output + ".");
    }
    return 0;
  }
}
