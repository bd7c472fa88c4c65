package org.aet.spark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.diagnostics.InputException;
import org.aet.export.ExportContext;
import org.aet.export.JsonlExporter;
import org.aet.ingest.Corpus;
import org.aet.ingest.ReadResult;
import org.aet.ingest.TranscriptReader;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.Indicators;
import org.aet.nlp.Annotator;
import org.aet.nlp.CachingAnnotator;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.nlp.LazyAnnotator;
import org.aet.pipeline.ProgressListener;
import org.aet.semantic.BgeSmallEmbedder;
import org.aet.semantic.CachingEmbedder;
import org.aet.semantic.SentenceEmbedder;
import org.aet.semantic.WindowEmbedding;
import org.aet.service.CodingJob;

/**
 * What one JVM (an executor, or the driver) needs to code transcripts: the corpus found, CoreNLP,
 * the embedder and the coders, prepared once per settings and shared by every task of the JVM, so
 * that nothing is loaded again per transcript or per partition.
 */
final class PreparedCoding {
  private static final Map<SparkSettings, PreparedCoding> PREPARED = new ConcurrentHashMap<>();
  private static final CoreNlpAnnotator.Options NLP = new CoreNlpAnnotator.Options(false, false);

  private final Corpus corpus;
  private final HadoopInput copied;
  private final Map<String, Corpus.Entry> entries;
  private final CodingJob job;
  private final ExportContext context;
  private final Codebook codebook;

  private PreparedCoding(
      Corpus corpus, HadoopInput copied, CodingJob job, ExportContext context, Codebook codebook) {
    this.corpus = corpus;
    this.copied = copied;
    this.job = job;
    this.context = context;
    this.codebook = codebook;
    Map<String, Corpus.Entry> byId = new LinkedHashMap<>();
    corpus.entries().forEach(e -> byId.put(e.id(), e));
    this.entries = byId;
  }

  /**
   * The coding of this JVM for {@code settings}, prepared on first use (notes go to {@code
   * progress} then).
   *
   * @throws AetException when the corpus, the codebook or the model cannot be read
   */
  static PreparedCoding of(SparkSettings settings, ProgressListener progress) throws AetException {
    // Not keyed by the Hadoop settings: they say how to reach the files, not how to code, and Spark
    // adds spark.hadoop.* defaults of its own when it starts (so prepareAhead, before, sees fewer).
    SparkSettings key = settings.withHadoop(Map.of());
    PreparedCoding prepared = PREPARED.get(key);
    if (prepared != null) {
      return prepared;
    }
    synchronized (PREPARED) {
      prepared = PREPARED.get(key);
      if (prepared == null) {
        prepared = prepare(settings, progress);
        PREPARED.put(key, prepared);
      }
      return prepared;
    }
  }

  private static PreparedCoding prepare(SparkSettings settings, ProgressListener progress)
      throws AetException {
    HadoopInput copied =
        HadoopInput.isAddress(settings.input())
            ? HadoopInput.copy(settings.input(), settings.hadoop())
            : null;
    Path input = copied == null ? Path.of(settings.input()) : copied.local();
    Corpus corpus = Corpus.discover(List.of(input), TranscriptReader.registry());
    Codebook book = Codebooks.load(settings.codebook());
    CodingJob.Settings job =
        new CodingJob.Settings(
            book,
            settings.unit(),
            1,
            settings.floor(),
            null,
            settings.starter()
                ? org.aet.service.ModelSource.starter()
                : settings.model() == null
                    ? null
                    : org.aet.service.ModelSource.file(local(settings.model(), settings)),
            null,
            false);
    CodingJob prepared =
        CodingJob.prepare(
            job,
            annotator(settings),
            settings.semantic() ? new WindowEmbedding(embedder(settings)) : null,
            progress);
    ExportContext context =
        new ExportContext(
                book,
                settings.unit(),
                List.of(settings.input()),
                Instant.now(),
                List.of(),
                Indicators.standard())
            .withMethod(prepared.method());
    return new PreparedCoding(corpus, copied, prepared, context, book);
  }

  /** A path as it is, or the local copy of what an address names. */
  private static Path local(String name, SparkSettings settings) throws AetException {
    return HadoopInput.isAddress(name)
        ? HadoopInput.copy(name, settings.hadoop()).local()
        : Path.of(name);
  }

  /** A cache folder: a path, or a {@code file:} address. */
  private static Path cacheFolder(SparkSettings settings) {
    String cache = settings.cache();
    return cache.startsWith("file:") ? Path.of(URI.create(cache)) : Path.of(cache);
  }

  /** {@code message} naming a transcript's address rather than its local copy. */
  private String named(String message) {
    return copied == null ? message : copied.name(message);
  }

  private static Annotator annotator(SparkSettings settings) {
    Annotator annotator = new LazyAnnotator(() -> CoreNlpAnnotator.shared(NLP), NLP.description());
    return settings.cache() == null
        ? annotator
        : new CachingAnnotator(annotator, cacheFolder(settings));
  }

  private static SentenceEmbedder embedder(SparkSettings settings) {
    SentenceEmbedder embedder = new BgeSmallEmbedder();
    return settings.cache() == null
        ? embedder
        : new CachingEmbedder(embedder, cacheFolder(settings).resolve("embeddings"));
  }

  /** Loads CoreNLP now rather than with the first transcript (once per JVM). */
  void loadModels() {
    CoreNlpAnnotator.shared(NLP);
  }

  /** The transcript ids of the corpus, in corpus order. */
  List<String> ids() {
    return new ArrayList<>(entries.keySet());
  }

  /** How the suggestions are made, item by item, as {@code aet code} records it. */
  Map<String, String> method() {
    return job.method();
  }

  /** Problems with the corpus as a whole (manifest entries matching nothing), formatted. */
  List<String> corpusWarnings() {
    return corpus.warnings().stream().map(d -> named(d.format())).toList();
  }

  /**
   * Reads and codes one transcript; a transcript that cannot be read or coded is a failed result
   * with the messages {@code aet code} would print, and the rest go on.
   */
  TranscriptResult code(String id) {
    Corpus.Entry entry = entries.get(id);
    ReadResult read;
    try {
      read = corpus.read(entry);
    } catch (InputException e) {
      return TranscriptResult.failed(
          id, e.diagnostics().stream().map(d -> named(d.format())).toList());
    }
    CodedTranscript coded;
    try {
      coded = job.code(read.transcript());
    } catch (AetException e) {
      return TranscriptResult.failed(id, List.of(named(entry.path() + ": " + e.getMessage())));
    }
    Map<String, Long> byCode = new LinkedHashMap<>();
    for (Coding coding : coded.codings()) {
      byCode.merge(codebook.path(coding.codeId()), 1L, Long::sum);
    }
    return new TranscriptResult(
        id,
        coded.transcript().wordCount(),
        coded.segments().size(),
        JsonlExporter.lines(coded, context),
        byCode,
        read.warnings().stream().map(d -> named(d.format())).toList(),
        List.of());
  }
}
