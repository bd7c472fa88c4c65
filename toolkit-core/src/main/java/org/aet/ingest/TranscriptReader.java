package org.aet.ingest;

import java.util.List;
import org.aet.diagnostics.InputException;
import org.aet.io.Registry;

/**
 * Reads one transcript format. Implementations are found through {@link java.util.ServiceLoader}
 * (list them in {@code META-INF/services/org.aet.ingest.TranscriptReader}), so adding a format
 * touches no other code.
 *
 * <p>A reader never drops text: what it cannot attribute to a speaker becomes a turn of speaker
 * {@link org.aet.model.Turn#UNKNOWN_SPEAKER} and a warning. It reports every error in the file at
 * once.
 */
public interface TranscriptReader extends Registry.Named {
  /** The readers registered in {@code META-INF/services/org.aet.ingest.TranscriptReader}. */
  static Registry<TranscriptReader> registry() {
    return Registry.load(TranscriptReader.class, "transcript reader");
  }

  /** Its names in the registry: its extensions. */
  @Override
  default List<String> names() {
    return extensions();
  }

  /** The format's short name, shown to users ("txt", "vtt"). */
  String format();

  /** The file extensions it reads, lower case, without the dot. */
  List<String> extensions();

  /**
   * True for binary formats (Word), which read {@link SourceText#bytes()}; text formats get decoded
   * text.
   */
  default boolean binary() {
    return false;
  }

  /**
   * Reads the transcript in {@code source}.
   *
   * @throws InputException listing every error (and warning) in the file when it cannot be read
   */
  ReadResult read(SourceText source) throws InputException;
}
