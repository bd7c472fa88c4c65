package org.aet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.Diagnostic;
import org.aet.diagnostics.InputException;
import org.aet.export.CodingExporter;
import org.aet.export.ExportContext;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.model.Indicators;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.nlp.LazyAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.segment.SegmentUnit;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.WindowEmbedding;
import org.aet.service.CodingJob;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark run codes exactly as {@code aet code} does: the same JSON Lines, line for line, on the
 * sample corpus and a Senedd hearing; a transcript that cannot be read is reported by name while
 * the rest are coded; a task that fails once and is retried leaves no duplicate rows.
 */
class SparkCodingTest {
  private static final Path SAMPLE = Path.of("..", "corpora", "partnerships");
  private static final Path HEARINGS = shared("external/senedd-committees");

  private static SparkSession spark;

  @TempDir Path temp;

  @BeforeAll
  static void start() {
    // Two cores, and each task may fail once (the second number) before the job fails.
    spark =
        SparkSession.builder()
            .master("local[2,2]")
            .appName("aet test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void rulesAloneCodeTheSampleCorpusAsAetCodeDoes() throws Exception {
    SparkSettings settings = settings(SAMPLE, false);
    List<String> expected = aetCode(SAMPLE, settings);
    Path out = temp.resolve("out");
    TranscriptsDone progress = new TranscriptsDone();
    SparkCoding.Summary summary = SparkCoding.run(spark, settings, out, progress);
    assertEquals(expected, sparkLines(out));
    assertTrue(summary.failed().isEmpty());
    progress.assertCountedUpTo(summary.transcripts());
    assertEquals(
        expected.stream().filter(l -> !l.contains("\"code\":null")).count(), summary.codings());
    assertParquetHoldsTheRows(out, expected);
    assertTrue(Files.exists(out.resolve("method.json")));
    assertFalse(Files.exists(temp.resolve(".out.partial")));
  }

  /**
   * The starter model on Spark: at floor 0 it suggests at each code's threshold, so the learned
   * suggestions, their confidence and evidence are compared too.
   */
  @Test
  void theStarterModelCodesTheSampleAsAetCodeDoes() throws Exception {
    SparkSettings settings =
        new SparkSettings(
            SAMPLE.toString(),
            "four-tensions",
            SegmentUnit.TURN,
            0,
            false,
            null,
            true,
            null,
            Map.of());
    List<String> expected = aetCode(SAMPLE, settings);
    assertTrue(
        expected.stream().anyMatch(l -> l.contains("\"source\":\"learned\"")),
        "the starter model suggests at its thresholds");
    Path out = temp.resolve("starter");
    SparkCoding.run(spark, settings, out, ProgressListener.SILENT);
    assertEquals(expected, sparkLines(out));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            new SparkSettings(
                SAMPLE.toString(),
                "four-tensions",
                SegmentUnit.TURN,
                0.5,
                false,
                "team.model",
                true,
                null,
                Map.of()));
  }

  @Test
  void theSemanticLayerCodesTheSampleAndAHearingAsAetCodeDoes() throws Exception {
    assumeTrue(HEARINGS != null && Files.isDirectory(HEARINGS), "../shared is not here");
    Path corpus = temp.resolve("corpus");
    copyFolder(SAMPLE, corpus.resolve("sample"));
    Files.createDirectories(corpus.resolve("senedd"));
    for (String hearing : List.of("education_15.json")) {
      Files.copy(HEARINGS.resolve(hearing), corpus.resolve("senedd").resolve(hearing));
    }
    SparkSettings settings = settings(corpus, true);
    List<String> expected = aetCode(corpus, settings);
    Path out = temp.resolve("out");
    SparkCoding.run(spark, settings, out, ProgressListener.SILENT);
    assertEquals(expected, sparkLines(out));
    assertTrue(Files.readString(out.resolve("method.json")).contains("sentence embeddings"));
  }

  @Test
  void aTranscriptThatCannotBeReadIsReportedByNameAndTheRestAreCoded() throws Exception {
    Path corpus = temp.resolve("corpus");
    copyFolder(SAMPLE, corpus);
    Path broken = corpus.resolve("Eastmoor").resolve("broken.json");
    Files.writeString(broken, "{\"turns\": [\n  {\"speaker\": \"A\", \"text\": \n");
    Corpus.Entry entry = entryOf(corpus, broken);
    List<String> expectedMessages = readErrors(corpus, entry);
    assertFalse(expectedMessages.isEmpty());
    Path out = temp.resolve("out");
    SparkCoding.Summary summary =
        SparkCoding.run(spark, settings(corpus, false), out, ProgressListener.SILENT);
    assertEquals(List.of(entry.id()), List.copyOf(summary.failed().keySet()));
    assertEquals(expectedMessages, summary.failed().get(entry.id()));
    Files.delete(broken);
    assertEquals(aetCode(corpus, settings(corpus, false)), sparkLines(out));
  }

  @Test
  void aFileAddressIsReadThroughHadoopAndMessagesNameTheAddress() throws Exception {
    Path corpus = temp.resolve("corpus");
    copyFolder(SAMPLE, corpus);
    Files.write(corpus.resolve("Eastmoor").resolve("recording.wav"), new byte[] {1, 2, 3});
    Path broken = corpus.resolve("Eastmoor").resolve("broken.json");
    Files.writeString(broken, "{\"turns\": [\n  {\"speaker\": \"A\", \"text\": \n");
    Corpus.Entry entry = entryOf(corpus, broken);
    String address = corpus.toUri().toString();
    assertTrue(address.startsWith("file:/"), address);
    List<String> expectedMessages =
        readErrors(corpus, entry).stream()
            .map(m -> m.replace(corpus.toString(), address.replaceAll("/$", "")))
            .toList();
    Path out = temp.resolve("out");
    SparkSettings settings = settings(corpus, false);
    SparkCoding.Summary summary =
        SparkCoding.run(
            spark,
            new SparkSettings(
                address,
                "four-tensions",
                SegmentUnit.TURN,
                0.5,
                false,
                null,
                false,
                null,
                Map.of()),
            out,
            ProgressListener.SILENT);
    assertEquals(expectedMessages, summary.failed().get(entry.id()));
    assertTrue(expectedMessages.get(0).startsWith("file:/"), expectedMessages.get(0));
    Files.delete(broken);
    assertEquals(aetCode(corpus, settings), sparkLines(out));
  }

  @Test
  void aCacheOnSharedStorageGivesTheSameCodingsAndIsReusedByTheNextRun() throws Exception {
    Path cache = temp.resolve("shared-cache");
    SparkSettings plain = settings(SAMPLE, false);
    SparkSettings cached =
        new SparkSettings(
            SAMPLE.toString(),
            "four-tensions",
            SegmentUnit.TURN,
            0.5,
            false,
            null,
            false,
            cache.toUri().toString(),
            Map.of());
    List<String> expected = aetCode(SAMPLE, plain);
    SparkCoding.run(spark, cached, temp.resolve("first"), ProgressListener.SILENT);
    List<String> entries = cacheEntries(cache);
    assertFalse(entries.isEmpty());
    SparkCoding.run(spark, cached, temp.resolve("second"), ProgressListener.SILENT);
    assertEquals(expected, sparkLines(temp.resolve("first")));
    assertEquals(expected, sparkLines(temp.resolve("second")));
    assertEquals(entries, cacheEntries(cache));
  }

  @Test
  void theCodingPreparedWhileSparkStartsIsTheOneTheRunUses() throws Exception {
    SparkSettings settings = settings(SAMPLE.resolve("Eastmoor"), false);
    PreparedCoding before = PreparedCoding.of(settings, ProgressListener.SILENT);
    // The run's settings carry Spark's spark.hadoop.* values, which Spark adds as it starts.
    Map<String, String> hadoop = new java.util.HashMap<>();
    for (scala.Tuple2<String, String> setting :
        spark.sparkContext().getConf().getAllWithPrefix("spark.hadoop.")) {
      hadoop.put(setting._1(), setting._2());
    }
    assertFalse(hadoop.isEmpty());
    assertTrue(before == PreparedCoding.of(settings.withHadoop(hadoop), ProgressListener.SILENT));
  }

  @Test
  void aRetriedTaskLeavesNoDuplicateRows() throws Exception {
    SparkSettings settings = settings(SAMPLE, false);
    Path out = temp.resolve("out");
    spark.sparkContext().setLocalProperty(SparkCoding.FAIL_FIRST_ATTEMPT, "true");
    TranscriptsDone progress = new TranscriptsDone();
    SparkCoding.Summary summary;
    try {
      summary = SparkCoding.run(spark, settings, out, progress);
    } finally {
      spark.sparkContext().setLocalProperty(SparkCoding.FAIL_FIRST_ATTEMPT, null);
    }
    assertEquals(aetCode(SAMPLE, settings), sparkLines(out));
    progress.assertCountedUpTo(summary.transcripts());
  }

  @Test
  void anOutputInsideTheCorpusOrALinkIsRefusedBeforeAnyWork() throws Exception {
    Path corpus = temp.resolve("corpus");
    copyFolder(SAMPLE, corpus);
    SparkSettings settings = settings(corpus, false);
    // Inside the corpus, the next run would read segments.jsonl's part files as transcripts.
    for (Path inside : List.of(corpus.resolve("out"), corpus.resolve("Eastmoor/../coded"))) {
      AetException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              AetException.class,
              () -> SparkCoding.run(spark, settings, inside, ProgressListener.SILENT));
      assertTrue(e.getMessage().contains("inside the corpus"), e.getMessage());
      assertFalse(Files.exists(inside), "nothing written");
    }
    Path viaLink = temp.resolve("link-to-corpus");
    Files.createSymbolicLink(viaLink, corpus);
    assertThrows(viaLink.resolve("out"), settings, "inside the corpus");
    // A link to nowhere is a name taken: refused, and still the link it was.
    Path dangling = temp.resolve("dangling");
    Files.createSymbolicLink(dangling, temp.resolve("nowhere"));
    assertThrows(dangling, settings, "already exists");
    assertTrue(Files.isSymbolicLink(dangling));
    assertFalse(Files.exists(temp.resolve("nowhere")));
  }

  @Test
  void aRefusedOutputStartsNoSparkAndPrintsOnlyTheReason() throws Exception {
    Path taken = Files.createDirectories(temp.resolve("taken"));
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int exit =
        Main.run(
            new String[] {
              "code",
              SAMPLE.toString(),
              "--codebook",
              "four-tensions",
              "--no-semantic",
              "-o",
              taken.toString()
            },
            new java.io.PrintWriter(out, true),
            new java.io.PrintWriter(err, true));
    assertEquals(1, exit);
    assertEquals(
        taken + ": already exists; name a new folder for the output", err.toString().strip());
    // Had it started Spark, it would have taken this test's session and stopped it on the way out.
    assertFalse(spark.sparkContext().isStopped(), "Spark was not started for a refused run");
  }

  private static void assertThrows(Path output, SparkSettings settings, String expected) {
    AetException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            AetException.class,
            () -> SparkCoding.run(spark, settings, output, ProgressListener.SILENT));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  /** {@code ../shared/relative} of the repository (or a folder above it), or null. */
  private static Path shared(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("shared/design.md"))) {
        return dir.resolve("shared").resolve(relative);
      }
    }
    return null;
  }

  private static SparkSettings settings(Path input, boolean semantic) {
    return new SparkSettings(
        input.toString(),
        "four-tensions",
        SegmentUnit.TURN,
        0.5,
        semantic,
        null,
        false,
        null,
        Map.of());
  }

  /** What {@code aet code INPUT -o x.jsonl} writes, through the same service. */
  private List<String> aetCode(Path input, SparkSettings settings) throws Exception {
    Corpus corpus = Corpus.discover(List.of(input), TranscriptReader.registry());
    ReadCorpus read = ReadCorpus.read(corpus, ProgressListener.SILENT);
    Codebook book = Codebooks.load(settings.codebook());
    CoreNlpAnnotator.Options options = new CoreNlpAnnotator.Options(false, false);
    CodingJob job =
        CodingJob.prepare(
            new CodingJob.Settings(
                book,
                settings.unit(),
                2,
                settings.floor(),
                null,
                settings.starter() ? org.aet.service.ModelSource.starter() : null,
                null,
                false),
            new LazyAnnotator(() -> CoreNlpAnnotator.shared(options), options.description()),
            settings.semantic() ? new WindowEmbedding(new BgeSmallEmbedder()) : null,
            ProgressListener.SILENT);
    Path target = Files.createTempFile(temp, "aet-code", ".jsonl");
    ExportContext context =
        new ExportContext(
                book,
                settings.unit(),
                List.of(input.toString()),
                Instant.now(),
                read.attributes(),
                Indicators.standard())
            .withMethod(job.method());
    job.run(
        read,
        CodingExporter.forFile(target).open(target, context),
        target,
        ProgressListener.SILENT);
    return Files.readAllLines(target);
  }

  /** The messages {@code aet code} gives for a file it cannot read. */
  private static List<String> readErrors(Path corpus, Corpus.Entry entry) throws Exception {
    Corpus found = Corpus.discover(List.of(corpus), TranscriptReader.registry());
    try {
      found.read(entry);
    } catch (InputException e) {
      return e.diagnostics().stream().map(Diagnostic::format).toList();
    }
    throw new AssertionError(entry.path() + " was read");
  }

  private static Corpus.Entry entryOf(Path corpus, Path file) throws Exception {
    return Corpus.discover(List.of(corpus), TranscriptReader.registry()).entries().stream()
        .filter(e -> e.path().equals(file))
        .findFirst()
        .orElseThrow();
  }

  /** The JSON Lines of a Spark run, part files in order. */
  private static List<String> sparkLines(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(out.resolve("segments.jsonl"))) {
      for (Path part :
          parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(part));
      }
    }
    return lines;
  }

  private static void assertParquetHoldsTheRows(Path out, List<String> expected) {
    List<Row> rows =
        spark
            .read()
            .parquet(out.resolve("parquet").toUri().toString())
            .select("transcript", "segment_id")
            .collectAsList();
    assertEquals(expected.size(), rows.size());
    for (Row row : rows) {
      assertTrue(row.getString(1).startsWith(row.getString(0) + "@"), row.toString());
    }
  }

  /** The files of a cache folder, each with its modification time; no temporary file among them. */
  private static List<String> cacheEntries(Path cache) throws IOException {
    List<String> entries = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(cache)) {
      for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
        assertFalse(file.getFileName().toString().endsWith(".part"), file.toString());
        entries.add(cache.relativize(file) + " " + Files.getLastModifiedTime(file).toMillis());
      }
    }
    return entries;
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  /** Records the transcripts-coded progress a run reports. */
  private static final class TranscriptsDone implements ProgressListener {
    private final List<long[]> reports = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void progress(String stage, long done, long total) {
      if (stage.equals(TranscriptProgress.STAGE)) {
        reports.add(new long[] {done, total});
      }
    }

    /** From 0 to every transcript, never back, with a step between: one per partition at least. */
    void assertCountedUpTo(long transcripts) {
      List<Long> done = reports.stream().map(r -> r[0]).toList();
      assertTrue(reports.stream().allMatch(r -> r[1] == transcripts), "total " + transcripts);
      assertEquals(0L, done.get(0));
      assertEquals(transcripts, done.get(done.size() - 1));
      for (int i = 1; i < done.size(); i++) {
        assertTrue(done.get(i) > done.get(i - 1), "never back, never repeated: " + done);
      }
      assertTrue(done.size() > 2, "reported as partitions finished, not only at the end: " + done);
    }
  }
}
