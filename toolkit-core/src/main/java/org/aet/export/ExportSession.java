package org.aet.export;

import java.io.IOException;
import org.aet.model.CodedTranscript;

/**
 * One export in progress. Transcripts are written one at a time, so a large corpus is never held in
 * memory whole. {@link #finish()} completes the file and moves it into place; {@link #close()}
 * without {@code finish()} throws the partial output away.
 */
public interface ExportSession extends AutoCloseable {
  void write(CodedTranscript coded) throws IOException;

  void finish() throws IOException;

  @Override
  void close() throws IOException;
}
