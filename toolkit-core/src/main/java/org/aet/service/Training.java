package org.aet.service;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.evaluation.LabelledSegment;
import org.aet.learning.LearnedModel;
import org.aet.learning.Trainer;
import org.aet.nlp.Annotator;
import org.aet.pipeline.ProgressListener;
import org.aet.project.TeamCoding;
import org.aet.semantic.WindowEmbedding;

/**
 * Learning a model from labelled segments, as {@code aet train} does it for any front end: reads
 * each file (or project) of the team's coding, adds the codebook's own examples when asked, trains
 * and cross-validates code by code ({@link Trainer}), and records in the model which files it was
 * learned from and their hashes ({@link LearnedModel#learnedFrom()}). The same inputs give the same
 * model, byte for byte, which is how a shipped starter model is checked ({@link StarterModels}).
 */
public final class Training {
  private Training() {}

  /**
   * What to learn from.
   *
   * @param codebook the codebook the labels name
   * @param from files of labelled segments (.jsonl, .csv) or projects (.aet), in order
   * @param fromExamples whether the codebook's examples and counter-examples are learned from too
   * @param options the learner, folds and seed
   */
  public record Request(
      Codebook codebook, List<Path> from, boolean fromExamples, Trainer.Options options) {
    public Request {
      from = List.copyOf(from);
    }
  }

  /**
   * A trained model and what the training met on the way.
   *
   * @param model the model, saying what it was learned from
   * @param examples how many segments (and codebook sentences) it was learned from
   * @param unknownCodes labels that name no code of the codebook, left out
   */
  public record Result(LearnedModel model, int examples, List<String> unknownCodes) {
    public Result {
      unknownCodes = List.copyOf(unknownCodes);
    }
  }

  /**
   * Trains a model as {@code request} says.
   *
   * @param embedding embeds the segments' meaning for a model that reads it; null for words only
   * @throws AetException when a file cannot be read, or no code has enough labelled segments
   */
  public static Result run(
      Request request, Annotator annotator, WindowEmbedding embedding, ProgressListener progress)
      throws AetException {
    Codebook book = request.codebook();
    List<Trainer.Example> examples = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<LearnedModel.Source> sources = new ArrayList<>();
    for (Path file : request.from()) {
      List<LabelledSegment> labelled = TeamCoding.read(file, book.name());
      examples.addAll(Trainer.examples(labelled, book, annotator, embedding, unknown, progress));
      sources.add(source(file, labelled));
    }
    if (request.fromExamples()) {
      examples.addAll(Trainer.fromCodebook(book, annotator, embedding));
    }
    LearnedModel model;
    try {
      model = Trainer.train(book, examples, request.options(), progress).learnedFrom(sources);
    } catch (IOException e) {
      throw new AetException("training failed: " + e.getMessage(), e);
    }
    if (model.models().isEmpty()) {
      if (!unknown.isEmpty()) {
        progress.note(
            "warning: these codes are not in " + book.name() + " and were left out: " + unknown);
      }
      throw AetException.naming(
          "no code has at least %s labelled segments to learn from (and some without it): label"
              + " more segments, or add {fromExamples}",
          request.options().minPositives());
    }
    return new Result(model, examples.size(), unknown);
  }

  /** {@code file} as a model's source: its name, hash, segments and transcripts. */
  private static LearnedModel.Source source(Path file, List<LabelledSegment> labelled)
      throws InputException {
    String sha256;
    try {
      sha256 = MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
    } catch (IOException e) {
      throw new InputException(Diagnostic.fileError(file, "cannot read it: " + e.getMessage()));
    }
    Set<String> transcripts = new java.util.LinkedHashSet<>();
    for (LabelledSegment segment : labelled) {
      transcripts.add(org.aet.evaluation.Folds.transcriptOf(segment.segmentId()));
    }
    return new LearnedModel.Source(
        file.getFileName().toString(), sha256, labelled.size(), List.copyOf(transcripts));
  }
}
