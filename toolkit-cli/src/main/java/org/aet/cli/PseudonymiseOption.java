package org.aet.cli;

import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.AetException;
import org.aet.export.CodingExporter;
import org.aet.export.ExportContext;
import org.aet.export.ExportSession;
import org.aet.model.CodedTranscript;
import org.aet.model.Transcript;
import org.aet.pseudonym.PseudonymKey;
import org.aet.pseudonym.Pseudonymiser;
import picocli.CommandLine.Option;

/** {@code --pseudonymise KEY.csv}, shared by the commands that write coded output. */
final class PseudonymiseOption {
  @Option(
      names = "--pseudonymise",
      paramLabel = "KEY.csv",
      description =
          "Write the output with the names of this reviewed key replaced (see \"aet pseudonymise\");"
              + " codings stay on the same words.")
  Path key;

  /**
   * The pseudonymiser of the key, checked against {@code transcripts}, or null when not asked for.
   */
  Pseudonymiser load(List<Transcript> transcripts) throws AetException {
    if (key == null) {
      return null;
    }
    Pseudonymiser pseudonymiser = Pseudonymiser.of(PseudonymKey.load(key));
    pseudonymiser.checkCovers(transcripts);
    return pseudonymiser;
  }

  /**
   * The inputs as an export's "how it was made" names them: with a key, only the last part of each
   * path, pseudonymised, as the folders above may name a participant or the researcher.
   */
  static List<String> inputs(Pseudonymiser pseudonymiser, List<String> names) {
    if (pseudonymiser == null) {
      return names;
    }
    return names.stream()
        .map(n -> pseudonymiser.apply(String.valueOf(Path.of(n).getFileName())))
        .toList();
  }

  /** {@code session} writing pseudonymised output when a key was given. */
  static ExportSession apply(Pseudonymiser pseudonymiser, ExportSession session) {
    return pseudonymiser == null ? session : pseudonymiser.wrap(session);
  }

  /**
   * Writes {@code coded} to {@code output} with {@code exporter}, markup shown or dropped as {@code
   * markup} says and names replaced when {@code pseudonymiser} is not null: the whole file or none.
   */
  static void export(
      CodingExporter exporter,
      Path output,
      ExportContext context,
      MarkupOption markup,
      Pseudonymiser pseudonymiser,
      List<CodedTranscript> coded)
      throws AetException {
    try (ExportSession session =
        apply(pseudonymiser, markup.apply(exporter.open(output, context)))) {
      for (CodedTranscript transcript : coded) {
        session.write(transcript);
      }
      session.finish();
    } catch (java.io.IOException e) {
      throw new AetException(output + ": cannot write: " + e.getMessage(), e);
    }
  }
}
