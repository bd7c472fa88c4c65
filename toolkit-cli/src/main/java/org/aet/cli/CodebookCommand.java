package org.aet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.codebook.DetectionRules;
import org.aet.codebook.RefiQdaCodebook;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.InputException;
import org.aet.export.CodebookDocuments;
import org.aet.export.CodebookTable;
import org.aet.export.OutputTargets;
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
      int bad = 0;
      for (String file : files) {
        try {
          Codebook book = Codebooks.load(file);
          long withRules = book.codes().stream().filter(c -> !c.rules().isEmpty()).count();
          out.printf(
              "%s: valid: %d codes (%d with detection rules), version %s%n",
              file, book.codes().size(), withRules, book.version());
          for (Code code : book.codes()) {
            for (String pattern : code.rules().patterns()) {
              String risk = org.aet.nlp.TokenPatterns.riskOf(pattern);
              if (risk != null) {
                err.printf(
                    "%s: warning: the pattern \"%s\" of %s: %s%n",
                    file, pattern, book.path(code.id()), risk);
              }
            }
          }
        } catch (InputException e) {
          bad++;
          e.diagnostics().forEach(d -> err.println(d.format()));
          err.printf("%s: %d problem(s)%n", file, e.diagnostics().size());
        } catch (AetException e) {
          bad++;
          err.println(e.getMessage());
        }
      }
      return bad == 0 ? 0 : ErrorReporter.FAILED;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Writes a codebook as Markdown (.md, to print), a workbook (.xlsx, for a team meeting),"
              + " REFI-QDA (.qdc, for NVivo, ATLAS.ti and MAXQDA) or aet JSON (.json).")
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
              .output(output, "-o", ".json", ".md", ".xlsx", ".qdc"));
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
        description = "The file to write: .json (to edit and use with aet), .md, .xlsx or .qdc.")
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
              .output(output, "-o", ".json", ".md", ".xlsx", ".qdc"));
      String fileName = input.getFileName().toString();
      String codebookName =
          name != null
              ? name
              : fileName
                  .replaceFirst("\\.[^.]*$", "")
                  .toLowerCase(Locale.ROOT)
                  .replaceAll("[^a-z0-9]+", "-");
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
      CodebookDocuments.write(scaffold(name), target);
      spec.commandLine()
          .getOut()
          .printf(
              "Wrote %s. Edit it, then check it with \"aet codebook validate %s\".%n",
              target, target);
      return 0;
    }

    static Codebook scaffold(String name) {
      List<Code> codes = new ArrayList<>();
      codes.add(
          new Code(
              "tension",
              "",
              "A tension (rename me)",
              "What this group of codes is about, in one or two sentences.",
              "Use one of the codes below; use this one only when a passage weighs both sides.",
              "Say which other codes are easily confused with this one.",
              List.of("A passage from your data that shows both sides.", "Another such passage."),
              List.of("A passage that looks related but belongs elsewhere."),
              "#1f77b4",
              DetectionRules.NONE));
      codes.add(
          new Code(
              "first-pole",
              "tension",
              "First pole (rename me)",
              "What a passage must say to get this code.",
              "When to apply it.",
              "When not to, and what to use instead.",
              List.of(
                  "A passage that should get this code.", "Another passage that should get it."),
              List.of("A passage that should not get it."),
              "#6baed6",
              DetectionRules.of(List.of("word", "another"), List.of("a phrase of several words"))));
      codes.add(
          new Code(
              "second-pole",
              "tension",
              "Second pole (rename me)",
              "What a passage must say to get this code.",
              "When to apply it.",
              "When not to, and what to use instead.",
              List.of(
                  "A passage that should get this code.", "Another passage that should get it."),
              List.of("A passage that should not get it."),
              "#fd8d3c",
              DetectionRules.of(List.of("word"), List.of("another phrase"))));
      return new Codebook(
          name,
          name + " (describe it in a title)",
          "What the codebook is for, who made it, and from which sources.",
          "new",
          codes);
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
