package org.aet.spark;

import java.util.HashMap;
import java.util.Map;
import org.aet.pipeline.ProgressListener;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Tells a {@link ProgressListener} how many transcripts of a run are coded, stage {@value #STAGE},
 * from Spark's own bookkeeping: each task adds the transcripts it has coded to an accumulator, and
 * Spark reports that accumulator to listeners as tasks end and, while they run, with every executor
 * heartbeat ({@code spark.executor.heartbeatInterval}, 10 s by default). A partition counts the
 * most any successful attempt of it reached, so a retried task, or one that later stages read
 * again, is not counted twice; the count reported never goes back.
 */
final class TranscriptProgress extends SparkListener {
  /** The progress stage: transcripts coded of the corpus's. */
  static final String STAGE = "transcripts";

  private final LongAccumulator coded;
  private final long total;
  private final ProgressListener progress;
  private final Map<Long, Integer> partitionOfTask = new HashMap<>();
  private final Map<Long, Long> running = new HashMap<>();
  private final Map<Integer, Long> finished = new HashMap<>();
  private long reported = -1;

  /**
   * @param coded the accumulator the coding tasks add each coded transcript to
   * @param total the transcripts of the run
   */
  TranscriptProgress(LongAccumulator coded, long total, ProgressListener progress) {
    this.coded = coded;
    this.total = total;
    this.progress = progress;
  }

  /** Reports what is done now (0 before any task ran). */
  synchronized void report() {
    long done = 0;
    Map<Integer, Long> best = new HashMap<>(finished);
    running.forEach((task, n) -> best.merge(partitionOfTask.getOrDefault(task, -1), n, Math::max));
    for (long n : best.values()) {
      done += n;
    }
    done = Math.min(done, total);
    if (done > reported) {
      reported = done;
      progress.progress(STAGE, done, total);
    }
  }

  /**
   * Reports every transcript done, once the run's results are in: Spark's listener bus is
   * asynchronous, so the last tasks' ends may not have reached this listener yet.
   */
  synchronized void finish() {
    if (reported < total) {
      reported = total;
      progress.progress(STAGE, total, total);
    }
  }

  @Override
  public synchronized void onTaskStart(SparkListenerTaskStart start) {
    partitionOfTask.put(start.taskInfo().taskId(), start.taskInfo().index());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    synchronized (this) {
      long task = end.taskInfo().taskId();
      running.remove(task);
      partitionOfTask.remove(task);
      Long n = countIn(end.taskInfo().accumulables());
      if (end.taskInfo().successful() && n != null) {
        finished.merge(end.taskInfo().index(), n, Math::max);
      }
    }
    report();
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    synchronized (this) {
      for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task :
          CollectionConverters.asJava(update.accumUpdates())) {
        Long n = countIn(task._4());
        long id = (Long) task._1();
        if (n != null && partitionOfTask.containsKey(id)) {
          running.put(id, n);
        }
      }
    }
    report();
  }

  /** This run's count among a task's accumulator values, or null when it has none. */
  private Long countIn(Seq<AccumulableInfo> accumulables) {
    for (AccumulableInfo info : CollectionConverters.asJava(accumulables)) {
      if (info.id() == coded.id() && info.update().isDefined()) {
        return ((Number) info.update().get()).longValue();
      }
    }
    return null;
  }
}
