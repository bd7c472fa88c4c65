package org.aet.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.AetException;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.model.Transcript;
import org.aet.nlp.EntityRecogniser;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.project.ProjectStore;
import org.aet.pseudonym.NameFinder;
import org.aet.pseudonym.NameLists;
import org.aet.pseudonym.PrivatePlaces;
import org.aet.pseudonym.PseudonymKey;
import org.aet.pseudonym.PseudonymReview;
import org.aet.pseudonym.Pseudonymisation;

/**
 * A pseudonymised copy of transcripts: the work behind {@code aet pseudonymise}. The key and the
 * review workbook are checked to stay private first ({@link PrivatePlaces}); the key is read, the
 * review's decisions applied to it, the names found and added, and the key saved. Nothing is
 * released while a name waits for review: the names go to the review workbook instead. Released,
 * the copy is written, read back and searched for every accepted name before it is moved into place
 * ({@link Pseudonymisation#release}).
 */
public final class PseudonymiseWorkflow {
  private PseudonymiseWorkflow() {}

  /**
   * One pseudonymisation.
   *
   * @param inputs the transcripts
   * @param key the key of real names and pseudonyms: read when it exists, then written
   * @param review the review workbook, or null: written when names wait for review, applied to the
   *     key when it exists
   * @param output the folder of the copy (new, empty, or an earlier copy)
   * @param acceptAll whether to accept every name found as proposed and release without review
   * @param always a file of names to replace always, or null
   * @param never a file of names never to replace, or null
   * @param overwrite whether an earlier copy in {@code output} may be replaced
   */
  public record Request(
      Inputs inputs,
      Path key,
      Path review,
      Path output,
      boolean acceptAll,
      Path always,
      Path never,
      boolean overwrite) {}

  /** Whether the names found can be released. */
  public enum Outcome {
    /** Every name is reviewed: {@link #finish} writes the copy. */
    READY,
    /** Names wait for review: {@link #finish} writes the review workbook, and nothing else. */
    REVIEW_PENDING,
    /** Names were not reviewed and no review workbook was given: nothing is written. */
    UNREVIEWED
  }

  /**
   * The names found, with the key as saved: what a front end shows before anything else is written.
   *
   * @param key the key as saved
   * @param findings what was found in this run
   */
  public record Found(
      Request request,
      PseudonymKey key,
      NameFinder.Findings findings,
      List<Pseudonymisation.Source> sources) {
    public Found {
      sources = List.copyOf(sources);
    }

    /** Whether the copy can be released. */
    public Outcome outcome() {
      if (key.unreviewed() == 0) {
        return Outcome.READY;
      }
      return request.review() == null ? Outcome.UNREVIEWED : Outcome.REVIEW_PENDING;
    }
  }

  /**
   * Finds the names and saves the key with them: the first half of the run.
   *
   * @throws AetException when the key or the workbook would not stay private, an input cannot be
   *     read, or the key cannot be written
   */
  public static Found find(Request request, ProgressListener progress) throws AetException {
    PrivatePlaces.check(
        request.key(), request.review(), request.output(), request.inputs().paths());
    PseudonymKey current = currentKey(request, progress);
    NameLists names = NameLists.load(request.always(), request.never());
    Read read = read(request.inputs(), progress);
    progress.note("Loading CoreNLP's named-entity model to find names ...");
    NameFinder.Result found =
        NameFinder.find(
            read.transcripts(),
            read.aliases(),
            names,
            current,
            EntityRecogniser.shared(),
            progress);
    PseudonymKey updated = request.acceptAll() ? found.key().acceptAll() : found.key();
    try {
      updated.save(request.key());
    } catch (IOException e) {
      throw new AetException(request.key() + ": cannot write the key: " + e.getMessage(), e);
    }
    return new Found(request, updated, found.findings(), read.sources());
  }

  /**
   * The second half: the review workbook written when one is given and, once every name is
   * reviewed, the pseudonymised copy, written in a temporary folder, read back, searched for every
   * accepted name, and only then moved into place.
   *
   * @return the copy written, or null when names wait for review (nothing released)
   * @throws AetException when the workbook or the copy cannot be written, or an accepted name is
   *     still in the copy
   */
  public static Pseudonymisation.Released finish(Found found, ProgressListener progress)
      throws AetException {
    Request request = found.request();
    if (found.outcome() == Outcome.UNREVIEWED) {
      return null;
    }
    if (request.review() != null) {
      PseudonymReview.write(found.key(), found.findings().contexts(), request.review());
    }
    if (found.outcome() != Outcome.READY) {
      return null;
    }
    return Pseudonymisation.release(
        found.sources(),
        found.key(),
        request.output(),
        request.overwrite(),
        TranscriptReader.registry(),
        progress);
  }

  /** The key as it stands, with the review workbook's decisions applied when there is one. */
  private static PseudonymKey currentKey(Request request, ProgressListener progress)
      throws AetException {
    Path key = request.key();
    PseudonymKey current = Files.isRegularFile(key) ? PseudonymKey.load(key) : PseudonymKey.EMPTY;
    Path review = request.review();
    if (review != null && Files.isRegularFile(review)) {
      current = PseudonymReview.apply(review, current);
      progress.note("Applied the decisions in " + review + " to the key.");
    }
    return current;
  }

  /** The transcripts, the files they came from, and the manifest's aliases. */
  private record Read(
      List<Transcript> transcripts,
      List<Pseudonymisation.Source> sources,
      Map<String, List<String>> aliases) {}

  private static Read read(Inputs inputs, ProgressListener progress) throws AetException {
    if (inputs instanceof Inputs.Project project) {
      List<Transcript> transcripts;
      try (ProjectStore store = ProjectStore.openForReading(project.file())) {
        transcripts = store.transcripts();
      }
      return new Read(transcripts, Pseudonymisation.sources(transcripts), Map.of());
    }
    Corpus corpus = ((Inputs.Files) inputs).finder().find();
    Map<String, List<String>> aliases = Map.of();
    if (corpus.manifest() != null) {
      progress.note("Using the corpus manifest " + corpus.manifest().path());
      aliases = corpus.manifest().aliases();
    }
    List<Transcript> transcripts = ReadCorpus.read(corpus, progress).transcripts();
    return new Read(
        transcripts, Pseudonymisation.sources(corpus, inputs.paths(), transcripts), aliases);
  }
}
