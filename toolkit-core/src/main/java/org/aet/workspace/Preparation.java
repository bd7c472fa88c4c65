package org.aet.workspace;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aet.diagnostics.AetException;
import org.aet.nlp.Annotator;
import org.aet.pipeline.ProgressListener;
import org.aet.project.ProjectStore;
import org.aet.semantic.WindowEmbedding;
import org.aet.service.RankedReview;

/**
 * The ranked queue's passages, read and embedded once per coding run on a thread of their own (it
 * takes a while the first time), so pages never wait for it: until it is ready the queue says so.
 */
final class Preparation implements AutoCloseable {
  private final Path project;
  private final Annotator annotator;
  private final WindowEmbedding embedding;
  private final RankedReview.FirstRounds firstRounds;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "aet-workspace-ranking");
            thread.setDaemon(true);
            return thread;
          });
  private String runId;
  private Future<RankedReview> preparing;
  private volatile Read read = new Read(0, 0);

  /** Which preparation is the current one: an older one still running does not report. */
  private volatile int generation;

  /** How far preparing has come: {@code done} of {@code total} transcripts read and embedded. */
  record Read(long done, long total) {}

  Preparation(
      Path project,
      Annotator annotator,
      WindowEmbedding embedding,
      RankedReview.FirstRounds firstRounds) {
    this.project = project;
    this.annotator = annotator;
    this.embedding = embedding;
    this.firstRounds = firstRounds;
  }

  /** The annotator the passages are read with (also for the final coding). */
  Annotator annotator() {
    return annotator;
  }

  /**
   * The ranked review of the run {@code latestRunId}, or null while it is being prepared (started
   * here when it has not been, or when the project has a newer run than the one prepared).
   *
   * @throws AetException when preparing failed (the next call tries again)
   */
  synchronized RankedReview current(String latestRunId) throws AetException {
    if (preparing == null || !latestRunId.equals(runId)) {
      runId = latestRunId;
      read = new Read(0, 0);
      int mine = ++generation;
      preparing = worker.submit(() -> prepare(mine));
    }
    if (!preparing.isDone()) {
      return null;
    }
    try {
      return preparing.get();
    } catch (ExecutionException e) {
      preparing = null;
      if (e.getCause() instanceof AetException failure) {
        throw failure;
      }
      throw new AetException("Could not prepare the ranked queue: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AetException("The workspace is stopping");
    }
  }

  /** How far the preparation under way has come (what the queue page shows while it waits). */
  Read read() {
    return read;
  }

  private RankedReview prepare(int mine) throws AetException {
    ProgressListener progress =
        new ProgressListener() {
          @Override
          public void progress(String stage, long done, long total) {
            if (mine == generation) {
              read = new Read(done, total);
            }
          }
        };
    try (ProjectStore store = ProjectStore.openForReading(project)) {
      return RankedReview.prepare(store, annotator, embedding, firstRounds, progress);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
