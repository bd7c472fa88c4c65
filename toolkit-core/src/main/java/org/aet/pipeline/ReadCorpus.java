package org.aet.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.ingest.Corpus;
import org.aet.ingest.ReadResult;
import org.aet.model.Transcript;

/**
 * A corpus read and checked: every transcript, the warnings met, and the attribute names the
 * transcripts use (exports make a column of each). Reading comes first and apart from coding, so
 * that a bad file is reported in seconds, before any NLP, and exports know their columns before the
 * first row.
 *
 * @param transcripts the transcripts, in corpus order
 * @param warnings recoverable problems met while reading, including manifest entries that matched
 *     nothing
 * @param attributes the attribute names used, in order of first use
 */
public record ReadCorpus(
    List<Transcript> transcripts, List<Diagnostic> warnings, List<String> attributes) {
  public ReadCorpus {
    transcripts = List.copyOf(transcripts);
    warnings = List.copyOf(warnings);
    attributes = List.copyOf(attributes);
  }

  /**
   * Reads every transcript of {@code corpus}, telling {@code progress} about warnings as they come.
   *
   * @throws InputException listing the errors of every file that has any
   */
  public static ReadCorpus read(Corpus corpus, ProgressListener progress) throws InputException {
    List<Transcript> transcripts = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>(corpus.warnings());
    corpus.warnings().forEach(progress::warning);
    List<Diagnostic> errors = new ArrayList<>();
    Set<String> attributes = new LinkedHashSet<>();
    int done = 0;
    for (Corpus.Entry entry : corpus.entries()) {
      try {
        ReadResult result = corpus.read(entry);
        result.warnings().forEach(progress::warning);
        warnings.addAll(result.warnings());
        transcripts.add(result.transcript());
        attributes.addAll(result.transcript().attributes().keySet());
      } catch (InputException e) {
        errors.addAll(e.diagnostics());
      }
      progress.progress("reading", ++done, corpus.entries().size());
    }
    if (!errors.isEmpty()) {
      throw new InputException(errors);
    }
    return new ReadCorpus(transcripts, warnings, List.copyOf(attributes));
  }

  /** Transcripts already read (from a project), with no warnings. */
  public static ReadCorpus of(List<Transcript> transcripts) {
    Set<String> attributes = new LinkedHashSet<>();
    transcripts.forEach(t -> attributes.addAll(t.attributes().keySet()));
    return new ReadCorpus(transcripts, List.of(), List.copyOf(attributes));
  }

  public long words() {
    return transcripts.stream().mapToLong(Transcript::wordCount).sum();
  }
}
