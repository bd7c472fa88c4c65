package org.aet.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookWriter;
import org.aet.io.AtomicOutput;

/** A codebook as a Markdown document ({@code .md}) to print or put on a wiki. */
public final class CodebookMarkdown implements CodebookWriter {
  @Override
  public List<String> extensions() {
    return List.of("md");
  }

  @Override
  public void write(Codebook codebook, Path target) throws IOException {
    AtomicOutput.writeString(target, markdown(codebook));
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
          .append(codebook.outlineNumber(code))
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
          .append(codebook.outlineNumber(code))
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
}
