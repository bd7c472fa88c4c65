package org.aet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookWriter;
import org.aet.io.AtomicOutput;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A codebook as a workbook for a team meeting ({@code .xlsx}): the codebook as a printable document
 * ({@link CodebookSheet}), then as a filterable table.
 */
public final class CodebookWorkbook implements CodebookWriter {
  @Override
  public List<String> extensions() {
    return List.of("xlsx");
  }

  @Override
  public void write(Codebook codebook, Path target) throws IOException {
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
