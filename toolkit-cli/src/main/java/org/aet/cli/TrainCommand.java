package org.aet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.EvaluationReports;
import org.aet.export.OutputTargets;
import org.aet.learning.LearnedModel;
import org.aet.learning.Trainer;
import org.aet.service.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aet train}: learn to suggest codes from the team's own coding. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Learns to suggest codes from segments the team has coded (Apache OpenNLP, one model per code on lemmas and"
          + " pairs of lemmas), reports cross-validated precision, recall, F1 and kappa per code, and saves the"
          + " model with the codebook's version. Use it with \"aet code ... --model FILE\".",
      "The cross-validation keeps each transcript's segments together (the part of a segment id before"
          + " '@'), so every figure is judged on transcripts the model did not learn from.",
      "A team that has coded nothing yet can start from the codebook's own examples (--from-examples).",
      "With --embeddings the models also read what each segment means (its sentence embeddings), not only"
          + " its words.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  aet train --codebook four-tensions --from team.jsonl -o tensions.model",
      "  aet train --codebook four-tensions --from-examples -o from-codebook.model"
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NlpOptions nlp;

  @Option(
      names = {"-c", "--codebook"},
      required = true,
      paramLabel = "NAME|FILE",
      description = "The codebook.")
  String codebook;

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description =
          "Labelled segments (.jsonl or .csv), or a project (.aet), whose team coding is read;"
              + " repeatable.")
  List<Path> from = new ArrayList<>();

  @Option(
      names = "--from-examples",
      description = "Also learn from the codebook's examples and counter-examples.")
  boolean fromExamples;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The model file to write (.model).")
  Path output;

  @Option(
      names = "--algorithm",
      paramLabel = "logistic|maxent|naive-bayes",
      defaultValue = "logistic",
      description =
          "The learner: logistic regression by quasi-Newton with an L2 penalty, maximum entropy"
              + " by iterative scaling, or naive Bayes (default: ${DEFAULT-VALUE}).",
      converter = AlgorithmConverter.class)
  Trainer.Algorithm algorithm;

  @Option(
      names = "--embeddings",
      description =
          "Let the models read each segment's meaning too (its sentence embeddings, BGE small),"
              + " besides its words; logistic regression only. Coding with such a model needs the"
              + " semantic layer.")
  boolean embeddings;

  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "5",
      description =
          "Folds for cross-validation; with this many transcripts or fewer, each transcript is a"
              + " fold of its own; 0 to skip it (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Fixes how transcripts are dealt into folds (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--split-transcripts",
      description =
          "Deal single segments into the folds, so that turns of one transcript are both learnt"
              + " from and judged. The figures then leak (a transcript's topic words give its codes"
              + " away) and the thresholds fit the leak; for comparison only.")
  boolean splitTranscripts;

  @Mixin OverwriteOption overwrite;

  @Override
  public Integer call() throws AetException {
    checkUsage();
    overwrite.check(
        new OutputTargets()
            .inputs(from, "a labelled file")
            .input(Path.of(codebook), "the codebook")
            .output(output, "-o", ".model"));
    PrintWriter out = spec.commandLine().getOut();
    ProgressPrinter progress =
        new ProgressPrinter(spec.commandLine().getErr(), false)
            .showing(Trainer.READING)
            .showing(Trainer.TRAINING);
    Codebook book = Codebooks.load(codebook);
    Trainer.Options options =
        new Trainer.Options(
            algorithm, folds, seed, Trainer.Options.DEFAULT.minPositives(), splitTranscripts);
    Training.Result trained =
        Training.run(
            new Training.Request(book, from, fromExamples, options),
            nlp.annotator(progress),
            embeddings ? nlp.windowEmbedding(progress) : null,
            progress);
    if (!trained.unknownCodes().isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "warning: these codes are not in "
                  + book.name()
                  + " and were left out: "
                  + trained.unknownCodes());
    }
    LearnedModel model = trained.model();
    printTrained(out, trained);
    try {
      model.save(output);
    } catch (IOException e) {
      throw new AetException(output + ": cannot write: " + e.getMessage(), e);
    }
    out.printf(
        "Saved the model to %s (codebook %s, version %s).%n", output, book.name(), book.version());
    return 0;
  }

  /** The usage errors picocli cannot see by itself. */
  private void checkUsage() {
    if (from.isEmpty() && !fromExamples) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "give labelled segments with --from FILE, or --from-examples, or both");
    }
    if (folds < 0 || folds == 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--folds must be 0 (no cross-validation) or at least 2, not " + folds);
    }
    if (embeddings && algorithm != Trainer.Algorithm.LOGISTIC) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--embeddings works with --algorithm logistic only, not " + algorithm.label());
    }
  }

  /** What was trained, its cross-validated scores, and what its confidence means. */
  private void printTrained(PrintWriter out, Training.Result trained) {
    LearnedModel model = trained.model();
    out.printf(
        "Trained %d code model(s) on %d segment(s) with %s, reading %s.%n",
        model.models().size(),
        trained.examples(),
        algorithm.label(),
        model.readsMeaning()
            ? "their words and their meaning (sentence embeddings)"
            : "their words");
    if (!model.scores().isEmpty()) {
      printScores(out, model);
      out.println(
          "Confidence: each code keeps how often its probabilities were right on the transcripts"
              + " held out above; \"aet code --model\" shows that as a suggestion's confidence and"
              + " suggests a code at its threshold only with a confidence at the floor (--floor,"
              + " 0.5 by default).");
    } else if (folds > 1) {
      out.println(
          "Not cross-validated: the segments come from one transcript, and a model cannot be judged"
              + " on a transcript it has not seen; every code keeps the threshold "
              + Trainer.DEFAULT_THRESHOLD
              + ".");
    }
  }

  /**
   * The cross-validated scores per code with its chosen threshold and the baseline's F1, their
   * averages, and whether the model beats the baseline.
   */
  private void printScores(PrintWriter out, LearnedModel model) {
    out.printf(
        "Cross-validation, %s (seed %d); each fold judged at thresholds chosen on the others:%n",
        model.validation(), seed);
    int width = model.scores().stream().mapToInt(s -> s.code().length()).max().orElse(10);
    String row = "  %-" + width + "s %9s %9s %7s %7s %7s %8s %7s%n";
    out.printf(row, "code", "threshold", "precision", "recall", "F1", "kappa", "support", "SVM F1");
    List<Evaluation.CodeScore> rows = new ArrayList<>(model.scores());
    List<Evaluation.CodeScore> baseline = new ArrayList<>(model.baseline());
    Evaluation.CodeScore micro = Evaluation.micro(model.scores());
    Evaluation.CodeScore macro = Evaluation.macro(model.scores());
    Evaluation.CodeScore baselineMicro = Evaluation.micro(model.baseline());
    Evaluation.CodeScore baselineMacro = Evaluation.macro(model.baseline());
    rows.add(micro);
    rows.add(macro);
    baseline.add(baselineMicro);
    baseline.add(baselineMacro);
    for (int i = 0; i < rows.size(); i++) {
      Evaluation.CodeScore s = rows.get(i);
      out.printf(
          Locale.ROOT,
          row,
          s.code(),
          i < model.scores().size()
              ? String.format(Locale.ROOT, "%.3f", model.threshold(s.code()))
              : "",
          EvaluationReports.shown(s.precision()),
          EvaluationReports.shown(s.recall()),
          EvaluationReports.shown(s.f1()),
          EvaluationReports.shown(s.kappa()),
          String.valueOf(s.support()),
          i < baseline.size() ? EvaluationReports.shown(baseline.get(i).f1()) : "");
    }
    boolean beats = model.beatsBaseline();
    out.printf(
        Locale.ROOT,
        "Baseline: a TF-IDF linear SVM on the same features and folds, micro F1 %s, macro F1 %s."
            + " The model %s.%n",
        EvaluationReports.shown(baselineMicro.f1()),
        EvaluationReports.shown(baselineMacro.f1()),
        beats
            ? "beats it on both"
            : "does not beat it on both: more labelled segments may help, or try --algorithm");
  }

  /** Reads "logistic", "maxent" and "naive-bayes" (and their aliases). */
  static final class AlgorithmConverter
      implements picocli.CommandLine.ITypeConverter<Trainer.Algorithm> {
    @Override
    public Trainer.Algorithm convert(String value) {
      try {
        return Trainer.Algorithm.of(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
