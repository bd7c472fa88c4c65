package org.aet.ingest;

import java.util.List;
import java.util.Objects;
import org.aet.diagnostics.Diagnostic;
import org.aet.model.Transcript;

/** A transcript and the warnings met while reading it (problems that were recovered from). */
public record ReadResult(Transcript transcript, String encoding, List<Diagnostic> warnings) {
  public ReadResult {
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(encoding, "encoding");
    warnings = List.copyOf(warnings);
  }
}
