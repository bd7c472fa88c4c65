package org.aet.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aet.codebook.Codebook;
import org.aet.diagnostics.AetException;
import org.aet.evaluation.LabelledSegments;
import org.aet.export.CodingExporter;
import org.aet.export.ExportContext;
import org.aet.export.ExportSession;
import org.aet.export.ExportSessions;
import org.aet.ingest.Corpus;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.pipeline.RunSummary;
import org.aet.project.ProjectRunSession;
import org.aet.project.ProjectStore;

/**
 * Codes transcripts or a project into every output asked for: the work behind {@code aet code}. It
 * reads and checks every input before any model loads (a bad file is reported in seconds), chooses
 * what confidence is calibrated on (a labelled file when given; in a project, the team's own coding
 * once there is enough of it), prepares the {@link CodingJob}, and writes the output file, the
 * labelled segments, the project's new coding run and the model's review queue.
 */
public final class CodeWorkflow {
  private CodeWorkflow() {}

  /**
   * One coding run.
   *
   * @param settings how to code (the calibration in them is replaced when {@code calibrate} is
   *     given or a project's team coding is used)
   * @param calibrate labelled segments or a project to estimate confidence from, or null
   * @param semantic whether to use the semantic layer (false: the rules alone)
   * @param source what is coded
   * @param output the output file (its format by its extension), or null when only a project is
   *     coded
   * @param labels where to write every segment in the labelled-segments format, or null
   * @param queue where to write the model's review queue, or null
   * @param style how the output file and the labelled segments show markup and names
   */
  public record Request(
      CodingJob.Settings settings,
      Path calibrate,
      boolean semantic,
      Inputs source,
      Path output,
      Path labels,
      Path queue,
      OutputStyle style) {}

  /**
   * What the run did.
   *
   * @param summary the run's counts
   * @param unusedCodes the codes no segment got
   * @param project the project the coding run was stored in, or null
   */
  public record Result(RunSummary summary, List<String> unusedCodes, Path project) {
    public Result {
      unusedCodes = List.copyOf(unusedCodes);
    }
  }

  /**
   * Codes the request's source into its outputs: each output whole or not at all.
   *
   * @throws AetException when an input, the codebook's patterns, the calibration or the model
   *     cannot be used, or an output cannot be written
   * @throws org.aet.diagnostics.SettingException when the settings do not go together
   */
  public static Result run(Request request, NlpStack nlp, ProgressListener progress)
      throws AetException {
    CodingJob.Settings settings = request.settings();
    if (request.calibrate() != null) {
      settings =
          settings.withCalibration(CodingJob.calibration(request.calibrate(), settings.codebook()));
    }
    Path project = request.source() instanceof Inputs.Project p ? p.file() : null;
    CodingJob job;
    RunSummary summary;
    try (ProjectStore store = project == null ? null : ProjectStore.open(project)) {
      ReadCorpus read = read(request.source(), store, progress);
      settings = withTeamCalibration(request, settings, store, progress);
      job =
          CodingJob.prepare(
              settings,
              nlp.annotator(progress),
              request.semantic() ? nlp.windowEmbedding(progress) : null,
              progress);
      OutputStyle.Applied style = request.style().applyTo(read.transcripts());
      ExportContext context =
          new ExportContext(
                  settings.codebook(),
                  settings.unit(),
                  style.inputs(request.source().names()),
                  Instant.now(),
                  read.attributes(),
                  nlp.indicators())
              .withMethod(job.method());
      Path destination = request.output() != null ? request.output() : project;
      ExportSession session = open(request, context, store, style, destination);
      nlp.countFromHere();
      summary = job.run(read, session, destination, progress);
    }
    if (request.queue() != null) {
      job.writeReviewQueue(request.queue());
    }
    return new Result(summary, job.unusedCodes(summary), project);
  }

  /** Every input read and checked: the project's transcripts, or the files found. */
  private static ReadCorpus read(Inputs source, ProjectStore store, ProgressListener progress)
      throws AetException {
    if (store == null) {
      Corpus corpus = ((Inputs.Files) source).finder().find();
      if (corpus.manifest() != null) {
        progress.note("Using the corpus manifest " + corpus.manifest().path());
      }
      return ReadCorpus.read(corpus, progress);
    }
    ReadCorpus read = ReadCorpus.of(store.transcripts());
    if (read.transcripts().isEmpty()) {
      Path project = ((Inputs.Project) source).file();
      throw new AetException(
          project + " holds no transcripts yet; add some with \"aet add " + project + " FOLDER\"");
    }
    return read;
  }

  /**
   * The team calibration policy: a project coded with the semantic layer and no labelled file given
   * is calibrated on its own team coding, once the team has made {@link
   * CodingJob#ENOUGH_TEAM_CODINGS} codings against the codebook.
   */
  private static CodingJob.Settings withTeamCalibration(
      Request request, CodingJob.Settings settings, ProjectStore store, ProgressListener progress)
      throws AetException {
    if (store == null || request.calibrate() != null || !request.semantic()) {
      return settings;
    }
    Path project = ((Inputs.Project) request.source()).file();
    CodingJob.Labelled team =
        CodingJob.projectCalibration(store, project, settings.codebook(), progress);
    return team == null ? settings : settings.withCalibration(team);
  }

  /** Every destination of the run: the project, the labelled segments, the output file. */
  private static ExportSession open(
      Request request,
      ExportContext context,
      ProjectStore store,
      OutputStyle.Applied style,
      Path destination)
      throws AetException {
    Codebook book = context.codebook();
    List<ExportSession> sessions = new ArrayList<>();
    try {
      if (store != null) {
        sessions.add(new ProjectRunSession(store, book, context.unit(), context.method()));
      }
      if (request.labels() != null) {
        sessions.add(style.markup(LabelledSegments.session(request.labels(), book)));
      }
      if (request.output() != null) {
        CodingExporter exporter = CodingExporter.forFile(request.output());
        sessions.add(style.output(exporter.open(request.output(), context)));
      }
    } catch (IOException e) {
      throw new AetException(destination + ": cannot write: " + e.getMessage(), e);
    }
    return sessions.size() == 1 ? sessions.get(0) : ExportSessions.tee(sessions);
  }
}
