package org.aet.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.aet.diagnostics.AetException;
import org.aet.io.AtomicOutput;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a report (evaluation, agreement) as JSON Lines or a workbook, chosen by the file's
 * extension, whole or not at all. The report says what goes in each; this says how files are made.
 */
public final class ReportFiles {
  /** Fills a JSON Lines file. */
  public interface JsonLines {
    void write(BufferedWriter out) throws IOException;
  }

  /** Fills a workbook. */
  public interface Sheets {
    void write(SXSSFWorkbook workbook, SheetTable.Styles styles) throws IOException;
  }

  private ReportFiles() {}

  public static void write(Path target, JsonLines jsonl, Sheets xlsx) throws AetException {
    String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".jsonl") && !name.endsWith(".xlsx")) {
      throw new AetException(target + ": write the report as .xlsx or .jsonl");
    }
    try (AtomicOutput output = new AtomicOutput(target)) {
      if (name.endsWith(".jsonl")) {
        try (BufferedWriter out =
            Files.newBufferedWriter(output.temporary(), StandardCharsets.UTF_8)) {
          jsonl.write(out);
        }
      } else {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
          xlsx.write(workbook, new SheetTable.Styles(workbook));
          try (OutputStream out = Files.newOutputStream(output.temporary())) {
            workbook.write(out);
          }
        }
      }
      output.commit();
    } catch (IOException e) {
      throw new AetException(target + ": cannot write: " + e.getMessage(), e);
    }
  }
}
