package org.aet.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.AetException;
import org.aet.export.CodingExporter;
import org.aet.export.ExportContext;
import org.aet.export.ExportSession;
import org.aet.export.ExportSessions;
import org.aet.model.CodedTranscript;
import org.aet.model.Transcript;
import org.aet.pseudonym.PseudonymKey;
import org.aet.pseudonym.Pseudonymiser;

/**
 * How coded output shows the transcripts: transcription markup such as {vocalsound} kept as written
 * or dropped, and names replaced by a reviewed pseudonym key or not.
 *
 * @param dropMarkup whether the segment text leaves transcription markup out (offsets still count
 *     in the stored text)
 * @param pseudonymKey a reviewed key whose names are replaced, or null
 */
public record OutputStyle(boolean dropMarkup, Path pseudonymKey) {
  /** Markup kept, names as they are. */
  public static final OutputStyle AS_WRITTEN = new OutputStyle(false, null);

  /**
   * This style for {@code transcripts}: the key loaded and checked to cover them.
   *
   * @throws AetException when the key cannot be read, is not reviewed or misses a speaker
   */
  public Applied applyTo(List<Transcript> transcripts) throws AetException {
    if (pseudonymKey == null) {
      return new Applied(dropMarkup, null);
    }
    Pseudonymiser pseudonymiser = Pseudonymiser.of(PseudonymKey.load(pseudonymKey));
    pseudonymiser.checkCovers(transcripts);
    return new Applied(dropMarkup, pseudonymiser);
  }

  /**
   * A style applied to the transcripts of one export.
   *
   * @param pseudonymiser the names to replace, or null
   */
  public record Applied(boolean dropMarkup, Pseudonymiser pseudonymiser) {
    /** A session (an output file or the labelled segments) showing markup as asked. */
    public ExportSession markup(ExportSession session) {
      return dropMarkup ? ExportSessions.withoutMarkup(session) : session;
    }

    /** An output file's session: markup as asked and, with a key, the names replaced. */
    public ExportSession output(ExportSession session) {
      ExportSession shown = markup(session);
      return pseudonymiser == null ? shown : pseudonymiser.wrap(shown);
    }

    /**
     * The inputs as an export's "how it was made" names them: with a key, only the last part of
     * each path, pseudonymised, as the folders above may name a participant or the researcher.
     */
    public List<String> inputs(List<String> names) {
      if (pseudonymiser == null) {
        return names;
      }
      return names.stream()
          .map(n -> pseudonymiser.apply(String.valueOf(Path.of(n).getFileName())))
          .toList();
    }

    /** {@code text} with the key's names replaced, or as it is without a key. */
    public String names(String text) {
      return pseudonymiser == null ? text : pseudonymiser.apply(text);
    }

    /**
     * Writes {@code coded} to {@code output} with {@code exporter} in this style: the whole file or
     * none.
     *
     * @throws AetException when the file cannot be written
     */
    public void write(
        CodingExporter exporter, Path output, ExportContext context, List<CodedTranscript> coded)
        throws AetException {
      try (ExportSession session = output(exporter.open(output, context))) {
        for (CodedTranscript transcript : coded) {
          session.write(transcript);
        }
        session.finish();
      } catch (IOException e) {
        throw new AetException(output + ": cannot write: " + e.getMessage(), e);
      }
    }
  }
}
