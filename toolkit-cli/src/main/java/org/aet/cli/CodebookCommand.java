package org.aet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookCheck;
import org.aet.codebook.CodebookDiff;
import org.aet.codebook.CodebookDocuments;
import org.aet.codebook.CodebookTemplate;
import org.aet.codebook.CodebookWriter;
import org.aet.codebook.Codebooks;
import org.aet.coding.ExampleCheck;
import org.aet.coding.LabelledTrial;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.InputException;
import org.aet.evaluation.Evaluation;
import org.aet.evaluation.EvaluationReports;
import org.aet.evaluation.LabelledSegment;
import org.aet.evaluation.LabelledSegments;
import org.aet.export.CodebookTable;
import org.aet.export.OutputTargets;
import org.aet.nlp.Annotator;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.nlp.LazyAnnotator;
import org.aet.refiqda.RefiQdaCodebook;
import org.aet.semantic.WindowEmbedding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aet codebook ...}: list, read, check, print, exchange and start codebooks. */
@Command(
    name = "codebook",
    mixinStandardHelpOptions = true,
    description = {
      "Work with codebooks: list the shipped ones, show one, check your own, export or import one.",
      ""
    },
    subcommands = {
      CodebookCommand.ListCodebooks.class,
      CodebookCommand.Show.class,
      CodebookCommand.Validate.class,
      CodebookCommand.Test.class,
      CodebookCommand.Diff.class,
      CodebookCommand.Export.class,
      CodebookCommand.Import.class,
      CodebookCommand.New.class
    },
    footer = {
      "",
      "Examples:",
      "  aet codebook list",
      "  aet codebook show four-tensions",
      "  aet codebook export four-tensions -o four-tensions.md",
      "  aet codebook export four-tensions -o four-tensions.qdc   (NVivo, ATLAS.ti)",
      "  aet codebook import from-nvivo.qdc -o ours.json",
      "  aet codebook new my-codebook",
      "  aet codebook validate my-codebook.json"
    })
final class CodebookCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the codebooks shipped with aet.")
  static final class ListCodebooks implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws AetException {
      PrintWriter out = spec.commandLine().getOut();
      for (String name : Codebooks.shipped()) {
        Codebook book = Codebooks.load(name);
        long codes = book.codes().size();
        out.printf("%-32s %3d codes  %s%n", name, codes, book.title());
      }
      out.println();
      out.println(
          "Show one with \"aet codebook show NAME\"; use one with \"aet code ... --codebook NAME\".");
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Shows a codebook as a tree: each code with its definition and detection rules.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "NAME|FILE",
        description = "A shipped codebook's name or a codebook file.")
    String codebook;

    @Option(
        names = "--full",
        description =
            "Also show when to use each code and not, examples and" + " counter-examples.")
    boolean full;

    @Override
    public Integer call() throws AetException {
      PrintWriter out = spec.commandLine().getOut();
      Codebook book = Codebooks.load(codebook);
      out.printf("%s (%s, version %s)%n", book.title(), book.name(), book.version());
      if (!book.description().isEmpty()) {
        wrap(out, book.description(), "");
      }
      for (Code code : book.codes()) {
        String indent = "  ".repeat(book.depth(code.id()));
        out.println();
        out.printf("%s%s  [%s]%n", indent, code.name(), book.path(code.id()));
        wrap(out, code.definition(), indent + "  ");
        if (full) {
          labelled(out, indent, "use when", code.useWhen());
          labelled(out, indent, "not when", code.doNotUseWhen());
          code.examples().forEach(e -> labelled(out, indent, "example", e));
          code.counterExamples().forEach(e -> labelled(out, indent, "counter", e));
        }
        CodebookTable.describe(code.rules()).lines().forEach(l -> out.println(indent + "  > " + l));
      }
      return 0;
    }

    private static void labelled(PrintWriter out, String indent, String label, String text) {
      if (!text.isEmpty()) {
        wrap(out, label + ": " + text, indent + "  ");
      }
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = "Checks codebook files and reports every problem with its line and column.")
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        arity = "1..*",
        paramLabel = "FILE",
        description = "Codebook .json files (or shipped names).")
    List<String> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Annotator lemmatiser = new LazyAnnotator(CoreNlpAnnotator::shared);
      int bad = 0;
      for (String file : files) {
        try {
          CodebookCheck check = Codebooks.check(file, lemmatiser);
          Codebook book = check.codebook();
          long withRules = book.codes().stream().filter(c -> !c.rules().isEmpty()).count();
          out.printf(
              "%s: valid: %d codes (%d with detection rules), version %s%s%n",
              file,
              book.codes().size(),
              withRules,
              book.version(),
              check.warnings().isEmpty() ? "" : ", " + check.warnings().size() + " warning(s)");
          check.warnings().forEach(w -> err.println(w.format()));
        } catch (InputException e) {
          bad++;
          e.diagnostics().forEach(d -> err.println(d.format()));
          err.printf("%s: %d problem(s)%n", file, e.diagnostics().size());
        } catch (AetException e) {
          bad++;
          err.println(e.message(SettingOptions::option));
        }
      }
      return bad == 0 ? 0 : ErrorReporter.FAILED;
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Checks that each code's detection rules find its examples and miss its counter-examples; with"
            + " --on, also scores the codebook's suggestions against a labelled file (precision and"
            + " recall per code). Exits with 1 when a rule misses an example or finds a counter-example.",
        ""
      })
  static final class Test implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "NAME|FILE",
        description = "A shipped codebook's name or a codebook file.")
    String codebook;

    @Option(
        names = "--on",
        paramLabel = "LABELLED",
        description =
            "Labelled segments with their text (.jsonl or .csv, as \"aet code --labels\" writes and"
                + " a team's coding gives): code them with this codebook and score the result.")
    Path labelled;

    @Option(
        names = "--no-semantic",
        description = "With --on: score the detection rules alone, without the semantic layer.")
    boolean noSemantic;

    @Mixin NlpOptions nlp;

    @Override
    public Integer call() throws AetException {
      PrintWriter out = spec.commandLine().getOut();
      ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), false);
      Codebook book = Codebooks.load(codebook);
      List<LabelledSegment> segments = labelled == null ? null : withText(labelled);
      Annotator annotator = nlp.annotator(progress);
      List<ExampleCheck.CodeResult> results = ExampleCheck.run(book, annotator);
      List<ExampleCheck.CodeResult> ruled =
          results.stream().filter(ExampleCheck.CodeResult::hasRules).toList();
      out.printf(
          "%s: the rules of %d code(s) find %d of %d examples and %d of %d counter-examples.%n",
          book.name(),
          ruled.size(),
          ruled.stream().mapToInt(r -> r.examples() - r.missed().size()).sum(),
          ruled.stream().mapToInt(ExampleCheck.CodeResult::examples).sum(),
          ruled.stream().mapToInt(r -> r.wronglyFound().size()).sum(),
          ruled.stream().mapToInt(ExampleCheck.CodeResult::counterExamples).sum());
      int width = results.stream().mapToInt(r -> r.path().length()).max().orElse(0);
      results.forEach(r -> printCode(out, r, width));
      if (labelled != null) {
        WindowEmbedding embedding = noSemantic ? null : nlp.windowEmbedding(progress);
        Evaluation.Report report = LabelledTrial.score(book, segments, annotator, embedding);
        out.printf(
            "%nOn %s (%d segments), %s:%n",
            labelled,
            report.units(),
            noSemantic
                ? "the detection rules alone"
                : "the codebook's suggestions at the default floor");
        EvaluationReports.print(report, out);
      }
      return ruled.stream().allMatch(ExampleCheck.CodeResult::passes) ? 0 : ErrorReporter.FAILED;
    }

    /** One code's line (its path padded to {@code width}), then each example it gets wrong. */
    private static void printCode(PrintWriter out, ExampleCheck.CodeResult r, int width) {
      String path = String.format("  %-" + width + "s  ", r.path());
      if (!r.hasRules()) {
        out.println(
            path + "no detection rules: found, if at all, from its definition and examples");
        return;
      }
      out.printf(
          "%sexamples found %d of %d, counter-examples found %d of %d  %s%n",
          path,
          r.examples() - r.missed().size(),
          r.examples(),
          r.wronglyFound().size(),
          r.counterExamples(),
          r.passes() ? "ok" : "CHECK");
      r.missed().forEach(m -> out.println("      misses the example: " + TerminalText.escape(m)));
      r.wronglyFound()
          .forEach(
              f ->
                  out.println(
                      "      finds the counter-example: "
                          + TerminalText.escape(f.text())
                          + "  through "
                          + TerminalText.escape(f.evidence())));
    }

    /** The labelled segments of {@code file}, each with the text that --on codes. */
    private static List<LabelledSegment> withText(Path file) throws AetException {
      List<LabelledSegment> segments = LabelledSegments.read(file);
      long textless = segments.stream().filter(l -> l.text().isBlank()).count();
      if (textless > 0) {
        throw new AetException(
            file
                + ": "
                + textless
                + " of "
                + segments.size()
                + " segments have no text, and --on codes each segment's text: give a"
                + " \"text\" for every segment (as \"aet code --labels\" writes it)");
      }
      return segments;
    }
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = {
        "Shows what a codebook changes: against the codebook it extends (one argument), or against"
            + " another codebook such as an earlier version (two arguments, the earlier first).",
        ""
      })
  static final class Diff implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        arity = "1..2",
        paramLabel = "NAME|FILE",
        description = "One codebook that extends another, or the earlier and the later codebook.")
    List<String> codebooks;

    @Override
    public Integer call() throws AetException {
      Codebook before;
      Codebook after;
      if (codebooks.size() == 2) {
        before = Codebooks.load(codebooks.get(0));
        after = Codebooks.load(codebooks.get(1));
      } else {
        after = Codebooks.load(codebooks.get(0));
        before =
            Codebooks.extended(codebooks.get(0))
                .orElseThrow(
                    () ->
                        new AetException(
                            codebooks.get(0)
                                + " does not extend another codebook: name the one to compare it"
                                + " with, such as \"aet codebook diff four-tensions "
                                + codebooks.get(0)
                                + "\""));
      }
      PrintWriter out = spec.commandLine().getOut();
      CodebookDiff.of(before, after).lines().forEach(l -> out.println(TerminalText.escape(l)));
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Writes a codebook as Markdown (.md, to print), a workbook (.xlsx, for a team meeting),"
              + " REFI-QDA (.qdc, for NVivo, ATLAS.ti and MAXQDA), aet JSON (.json), or any format"
              + " an installed codebook writer adds; the file's extension chooses.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "NAME|FILE",
        description = "A shipped codebook's name or a codebook file.")
    String codebook;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "FILE",
        description = "The file to write.")
    Path output;

    @Mixin OverwriteOption overwrite;

    @Override
    public Integer call() throws AetException {
      overwrite.check(
          new OutputTargets()
              .input(Path.of(codebook), "the codebook")
              .output(output, "-o", CodebookWriter.registry().extensions()));
      Codebook book = Codebooks.load(codebook);
      CodebookDocuments.write(book, output);
      spec.commandLine()
          .getOut()
          .printf("Wrote %s (%s, %d codes).%n", output, book.name(), book.codes().size());
      return 0;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Reads a REFI-QDA codebook (.qdc) or the codebook of a project (.qdpx) exported by NVivo,"
              + " ATLAS.ti, MAXQDA or aet, and writes it as an aet codebook (.json) or another format.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A .qdc or .qdpx file.")
    Path input;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "FILE",
        description =
            "The file to write: .json (to edit and use with aet), .md, .xlsx, .qdc, or the"
                + " extension of an installed codebook writer.")
    Path output;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "The codebook's name (default: the file name).")
    String name;

    @Mixin OverwriteOption overwrite;

    @Override
    public Integer call() throws AetException {
      overwrite.check(
          new OutputTargets()
              .input(input, "the file")
              .output(output, "-o", CodebookWriter.registry().extensions()));
      String fileName = input.getFileName().toString();
      String codebookName = name != null ? name : RefiQdaCodebook.defaultName(input);
      if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
        throw new AetException(
            input
                + " is an aet codebook already: use it as it is (aet code ... --codebook "
                + input
                + "), or write it in another format with \"aet codebook export\". \"import\" reads"
                + " REFI-QDA files (.qdc, .qdpx) from NVivo, ATLAS.ti or MAXQDA");
      }
      RefiQdaCodebook.Imported imported = RefiQdaCodebook.read(input, codebookName);
      imported
          .warnings()
          .forEach(w -> spec.commandLine().getErr().println(input + ": warning: " + w));
      CodebookDocuments.write(imported.codebook(), output);
      spec.commandLine()
          .getOut()
          .printf(
              "Imported %d codes from %s into %s.%n",
              imported.codebook().codes().size(), input, output);
      return 0;
    }
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description =
          "Starts a codebook of your own: writes NAME.json with one tension and its two poles, filled"
              + " with guidance to replace. Or start from a shipped one with \"extends\" (see docs/codebook-format.md).")
  static final class New implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "NAME",
        description = "The new codebook's name: lower-case letters, digits, hyphens.")
    String name;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Where to write (default: NAME.json).")
    Path output;

    @Override
    public Integer call() throws AetException {
      if (!name.matches("[a-z0-9][a-z0-9-]*")) {
        throw new AetException(
            "a codebook name is lower-case letters, digits and hyphens, such as"
                + " \"my-codebook\"; got \""
                + name
                + "\"");
      }
      Path target = output != null ? output : Path.of(name + ".json");
      if (java.nio.file.Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new AetException(
            target
                + " already exists, and aet never replaces a codebook someone may have edited:"
                + " choose another name, or another file with -o");
      }
      OverwriteOption.refuse(target, "codebook new", ".json");
      CodebookDocuments.write(CodebookTemplate.of(name), target);
      spec.commandLine()
          .getOut()
          .printf(
              "Wrote %s. Edit it, then check it with \"aet codebook validate %s\".%n",
              target, target);
      return 0;
    }
  }

  static void wrap(PrintWriter out, String text, String indent) {
    int width = 100 - indent.length();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.println(indent + line);
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      out.println(indent + line);
    }
  }
}
