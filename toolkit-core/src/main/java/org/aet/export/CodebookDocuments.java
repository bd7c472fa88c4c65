package org.aet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookJson;
import org.aet.diagnostics.AetException;
import org.aet.io.AtomicOutput;
import org.aet.refiqda.RefiQdaCodebook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A codebook as a document for people or other programs, chosen by the file's extension: Markdown
 * to print or put on a wiki ({@code .md}), a workbook for a team meeting ({@code .xlsx}: the
 * codebook as a printable document, then as a filterable table), REFI-QDA for NVivo, ATLAS.ti and
 * MAXQDA ({@code .qdc}), or aet's own format ({@code .json}). Every file is written whole or not at
 * all.
 */
public final class CodebookDocuments {
  public static final List<String> EXTENSIONS = List.of("md", "xlsx", "qdc", "json");

  private CodebookDocuments() {}

  public static void write(Codebook codebook, Path target) throws AetException {
    String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    try {
      switch (extension) {
        case "md" -> writeText(target, markdown(codebook));
        case "json" -> writeText(target, CodebookJson.write(codebook));
        case "qdc" -> RefiQdaCodebook.write(codebook, target);
        case "xlsx" -> writeWorkbook(codebook, target);
        default ->
            throw new AetException(
                target
                    + ": cannot tell what to write from the file name; end it in one"
                    + " of "
                    + String.join(", ", EXTENSIONS.stream().map(e -> "." + e).toList()));
      }
    } catch (IOException e) {
      throw new AetException(target + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** The codebook as a Markdown document: contents, then each code with everything about it. */
  public static String markdown(Codebook codebook) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(codebook.title()).append("\n\n");
    md.append("Codebook `")
        .append(codebook.name())
        .append("`, version `")
        .append(codebook.version())
        .append("`.\n\n");
    if (!codebook.description().isEmpty()) {
      md.append(codebook.description()).append("\n\n");
    }
    md.append("## Contents\n\n");
    for (Code code : codebook.codes()) {
      md.append("  ".repeat(codebook.depth(code.id())))
          .append("- ")
          .append(number(codebook, code))
          .append(' ')
          .append(code.name())
          .append(" (`")
          .append(codebook.path(code.id()))
          .append("`)\n");
    }
    for (Code code : codebook.codes()) {
      md.append(md.toString().endsWith("\n\n") ? "" : "\n")
          .append("#".repeat(Math.min(2 + codebook.depth(code.id()), 6)))
          .append(' ')
          .append(number(codebook, code))
          .append(' ')
          .append(code.name())
          .append("\n\n");
      md.append("Code `").append(codebook.path(code.id())).append("`");
      if (!code.colour().isEmpty()) {
        md.append(", colour `").append(code.colour()).append("`");
      }
      md.append(".\n\n");
      paragraph(md, "Definition", code.definition());
      paragraph(md, "Use when", code.useWhen());
      paragraph(md, "Do not use when", code.doNotUseWhen());
      quotes(md, "Examples", code.examples());
      quotes(md, "Counter-examples", code.counterExamples());
      String rules = CodebookTable.describe(code.rules());
      if (!rules.isEmpty()) {
        md.append("**Detection rules.**\n\n");
        rules.lines().forEach(l -> md.append("- ").append(l).append('\n'));
        md.append('\n');
      }
    }
    return md.toString();
  }

  /** "2.1" for the first child of the second top-level code. */
  static String number(Codebook codebook, Code code) {
    List<Code> siblings =
        code.isTopLevel()
            ? codebook.codes().stream().filter(Code::isTopLevel).toList()
            : codebook.children(code.parent());
    String own = Integer.toString(siblings.indexOf(code) + 1);
    return code.isTopLevel() ? own : number(codebook, codebook.code(code.parent())) + "." + own;
  }

  private static void paragraph(StringBuilder md, String label, String text) {
    if (!text.isEmpty()) {
      md.append("**").append(label).append(".** ").append(text).append("\n\n");
    }
  }

  private static void quotes(StringBuilder md, String label, List<String> texts) {
    if (!texts.isEmpty()) {
      md.append("**").append(label).append(".**\n\n");
      texts.forEach(t -> md.append("> ").append(t).append("\n\n"));
    }
  }

  private static void writeText(Path target, String text) throws IOException {
    try (AtomicOutput output = new AtomicOutput(target)) {
      Files.writeString(output.temporary(), text, StandardCharsets.UTF_8);
      output.commit();
    }
  }

  private static void writeWorkbook(Codebook codebook, Path target) throws IOException {
    try (AtomicOutput output = new AtomicOutput(target);
        SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      CodebookSheet.write(workbook, codebook);
      SheetTable<Code> table =
          new SheetTable<>(
              workbook.createSheet("Table"),
              CodebookTable.columns(codebook),
              new SheetTable.Styles(workbook));
      codebook.codes().forEach(table::add);
      table.finish();
      try (OutputStream out = Files.newOutputStream(output.temporary())) {
        workbook.write(out);
      }
      output.commit();
    }
  }
}
