package org.aet.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.AetException;
import org.aet.export.OutputTargets;
import org.aet.pipeline.ProgressListener;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Codes a corpus on Spark exactly as {@code aet code} does and writes, inside the output folder:
 * {@code segments.jsonl/} (the lines {@code aet code -o x.jsonl} writes, as Spark part files),
 * {@code parquet/} (the same rows with their columns, partitioned by transcript), {@code
 * method.json} (how the suggestions were made) and {@code summary.json} (counts, and every
 * transcript that could not be read, by name). Everything is written into a temporary folder beside
 * the output (Spark's committer keeps a retried task's rows once) and moved into place at the end.
 */
public final class SparkCoding {
  /**
   * A setting that fails the first attempt of the first task, so that tests can check a retried
   * task leaves no duplicate rows.
   */
  static final String FAIL_FIRST_ATTEMPT = "spark.aet.test.failFirstAttempt";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What a run did.
   *
   * @param transcripts transcripts coded
   * @param failed the transcripts that could not be read or coded, by id, with the messages
   * @param words words coded
   * @param segments segments made
   * @param codings codings suggested
   * @param codingsByCode codings per code path
   * @param warnings warnings met reading, formatted
   */
  public record Summary(
      long transcripts,
      Map<String, List<String>> failed,
      long words,
      long segments,
      long codings,
      Map<String, Long> codingsByCode,
      List<String> warnings) {}

  private SparkCoding() {}

  /**
   * Refuses an output that exists (even as a link) or lies inside the corpus: checked by {@link
   * #run}, and by a front end before it starts Spark, so that a refused run starts nothing.
   *
   * @throws AetException naming the output and why it is refused
   */
  public static void checkOutput(SparkSettings settings, Path output) throws AetException {
    if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
      throw new AetException(output + ": already exists; name a new folder for the output");
    }
    refuseOutputInCorpus(settings.input(), output);
  }

  /**
   * Refuses an output inside the corpus (real paths), where its files would be read as transcripts
   * the next time; an input on another file system cannot hold a local output.
   */
  private static void refuseOutputInCorpus(String input, Path output) throws AetException {
    if (HadoopInput.isAddress(input) && !input.startsWith("file:")) {
      return;
    }
    Path corpus;
    try {
      corpus = input.startsWith("file:") ? Path.of(URI.create(input)) : Path.of(input);
    } catch (IllegalArgumentException notAPath) {
      return;
    }
    if (OutputTargets.canonical(output).startsWith(OutputTargets.canonical(corpus))) {
      throw new AetException(
          output
              + ": is inside the corpus "
              + input
              + ", where its files would be read as transcripts the next time; name a folder"
              + " outside it");
    }
  }

  /**
   * Codes {@code settings.input()} into the folder {@code output}, which must not exist yet (not
   * even as a link) nor lie inside the corpus, compared by real paths.
   *
   * @throws AetException when the corpus, codebook or model cannot be read, or the output cannot be
   *     written
   */
  public static Summary run(
      SparkSession spark, SparkSettings settings, Path output, ProgressListener progress)
      throws AetException {
    checkOutput(settings, output);
    SparkSettings sent = settings.withHadoop(hadoopSettings(spark.sparkContext().getConf()));
    PreparedCoding driver = PreparedCoding.of(sent, progress);
    List<String> ids = driver.ids();
    int slices = Math.max(1, Math.min(ids.size(), spark.sparkContext().defaultParallelism() * 4));
    progress.note(
        "Coding %,d transcript(s) with Spark, in %d part(s)...".formatted(ids.size(), slices));
    LongAccumulator coded = spark.sparkContext().longAccumulator("transcripts coded");
    TranscriptProgress counting = new TranscriptProgress(coded, ids.size(), progress);
    spark.sparkContext().addSparkListener(counting);
    counting.report();
    JavaRDD<TranscriptResult> results =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(ids, slices)
            .mapPartitions(part -> codePartition(sent, part, coded))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Path temporary = output.resolveSibling("." + output.getFileName() + ".partial");
    try {
      deleteIfPresent(temporary);
      Dataset<String> lines =
          spark.createDataset(results.flatMap(r -> r.lines().iterator()).rdd(), Encoders.STRING());
      lines.write().text(temporary.resolve("segments.jsonl").toUri().toString());
      writeParquet(spark, lines, temporary.resolve("parquet"));
      Summary summary =
          summarise(results.map(TranscriptResult::withoutLines).collect(), driver.corpusWarnings());
      counting.finish();
      Files.createDirectories(temporary);
      JSON.writeValue(temporary.resolve("method.json").toFile(), driver.method());
      JSON.writeValue(temporary.resolve("summary.json").toFile(), summary);
      Files.move(temporary, output, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } catch (IOException e) {
      throw new AetException(output + ": cannot write: " + e.getMessage(), e);
    } finally {
      spark.sparkContext().removeSparkListener(counting);
      results.unpersist(false);
      deleteQuietly(temporary);
    }
  }

  /**
   * Prepares this JVM's coding for {@code settings} (the codebook, the model, the embedder's
   * calibration) and loads CoreNLP, as the first task would: in local mode, where this JVM is the
   * executor, started while Spark itself starts, so that the two overlap. A problem is left for
   * {@link #run} to report.
   *
   * @param conf the settings Spark will run with
   */
  static void prepareAhead(SparkSettings settings, SparkConf conf, ProgressListener progress) {
    try {
      PreparedCoding.of(settings.withHadoop(hadoopSettings(conf)), progress).loadModels();
    } catch (AetException | RuntimeException e) {
      // run() prepares again and reports it.
    }
  }

  /** The {@code spark.hadoop.*} settings, without the prefix: how Hadoop reads addresses. */
  private static Map<String, String> hadoopSettings(SparkConf conf) {
    Map<String, String> hadoop = new LinkedHashMap<>();
    for (Tuple2<String, String> setting : conf.getAllWithPrefix("spark.hadoop.")) {
      hadoop.put(setting._1(), setting._2());
    }
    return hadoop;
  }

  /**
   * Codes the transcripts of one partition with this JVM's prepared coding, adding each to {@code
   * coded} as it is done.
   */
  private static Iterator<TranscriptResult> codePartition(
      SparkSettings settings, Iterator<String> ids, LongAccumulator coded) throws AetException {
    TaskContext task = TaskContext.get();
    if (task != null
        && "true".equals(task.getLocalProperty(FAIL_FIRST_ATTEMPT))
        && task.partitionId() == 0
        && task.attemptNumber() == 0) {
      throw new IllegalStateException("failing the first attempt, as " + FAIL_FIRST_ATTEMPT);
    }
    PreparedCoding coding = PreparedCoding.of(settings, ProgressListener.SILENT);
    List<TranscriptResult> results = new ArrayList<>();
    ids.forEachRemaining(
        id -> {
          results.add(coding.code(id));
          coded.add(1);
        });
    return results.iterator();
  }

  /** The rows as columns (read back from the JSON Lines), one folder per transcript. */
  private static void writeParquet(SparkSession spark, Dataset<String> lines, Path target) {
    Dataset<Row> rows = spark.read().json(lines);
    rows.withColumn("transcript", functions.substring_index(rows.col("segment_id"), "@", 1))
        .write()
        .partitionBy("transcript")
        .parquet(target.toUri().toString());
  }

  private static Summary summarise(List<TranscriptResult> results, List<String> corpusWarnings) {
    Map<String, List<String>> failed = new LinkedHashMap<>();
    Map<String, Long> byCode = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>(corpusWarnings);
    long words = 0;
    long segments = 0;
    long codings = 0;
    long transcripts = 0;
    for (TranscriptResult result : results) {
      warnings.addAll(result.warnings());
      if (!result.ok()) {
        failed.put(result.id(), result.errors());
        continue;
      }
      transcripts++;
      words += result.words();
      segments += result.segments();
      for (Map.Entry<String, Long> code : result.codingsByCode().entrySet()) {
        byCode.merge(code.getKey(), code.getValue(), Long::sum);
        codings += code.getValue();
      }
    }
    return new Summary(transcripts, failed, words, segments, codings, byCode, warnings);
  }

  private static void deleteIfPresent(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (var paths = Files.walk(folder)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private static void deleteQuietly(Path folder) {
    try {
      deleteIfPresent(folder);
    } catch (IOException e) {
      // Left behind for the person to remove; the output itself is complete or absent.
    }
  }
}
