package org.aet.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.CodebookDocuments;
import org.aet.codebook.CodebookWriter;
import org.aet.codebook.Codebooks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered codebook writer promises, for each extension it claims and each shipped
 * codebook: {@code aet codebook export} reaches it by the file's extension, it writes one file and
 * leaves nothing else, and the document names every code.
 */
class CodebookWriterContractTest {
  static Stream<Arguments> everyExtensionOfEveryWriter() {
    return CodebookWriter.registry().all().stream()
        .flatMap(
            w -> w.extensions().stream().map(x -> Arguments.of(w.getClass().getSimpleName(), x)));
  }

  @ParameterizedTest(name = "{0} .{1}")
  @MethodSource("everyExtensionOfEveryWriter")
  void everyShippedCodebookIsWrittenWholeWithEveryCode(
      String name, String extension, @TempDir Path dir) throws Exception {
    for (String shipped : Codebooks.shipped()) {
      Codebook codebook = Codebooks.load(shipped);
      Path folder = dir.resolve(shipped);
      java.nio.file.Files.createDirectories(folder);
      Path target = folder.resolve(shipped + "." + extension);
      CodebookDocuments.write(codebook, target);
      assertEquals(List.of(target.getFileName().toString()), Documents.files(folder), name);
      String text = Documents.text(target);
      for (Code code : codebook.codes()) {
        assertTrue(text.contains(code.name()), name + " " + shipped + ": names " + code.name());
      }
    }
  }
}
