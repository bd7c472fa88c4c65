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
import org.aet.diagnostics.Diagnostic;
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
import org.aet.service.CodingJob;

/**
 * What one JVM (an executor, or the driver) needs to code transcripts: the corpus found, CoreNLP,
 * the embedder and the coders, prepared once per settings and shared by every task of the JVM, so
 * that nothing is loaded again per transcript or per partition.
 */
final class PreparedCoding {
  private static final Map<SparkSettings, PreparedCoding> PREPARED = new ConcurrentHashMap<>();

  private final Corpus corpus;
  private final Map<String, Corpus.Entry> entries;
  private final CodingJob job;
  private final ExportContext context;
  private final Codebook codebook;

  private PreparedCoding(Corpus corpus, CodingJob job, ExportContext context, Codebook codebook) {
    this.corpus = corpus;
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
    PreparedCoding prepared = PREPARED.get(settings);
    if (prepared != null) {
      return prepared;
    }
    synchronized (PREPARED) {
      prepared = PREPARED.get(settings);
      if (prepared == null) {
        prepared = prepare(settings, progress);
        PREPARED.put(settings, prepared);
      }
      return prepared;
    }
  }

  private static PreparedCoding prepare(SparkSettings settings, ProgressListener progress)
      throws AetException {
    Corpus corpus =
        Corpus.discover(List.of(localPath(settings.input())), TranscriptReader.registry());
    Codebook book = Codebooks.load(settings.codebook());
    CodingJob.Settings job =
        new CodingJob.Settings(
            book,
            settings.unit(),
            1,
            settings.floor(),
            null,
            settings.model() == null ? null : localPath(settings.model()),
            null,
            false);
    CodingJob prepared =
        CodingJob.prepare(
            job, annotator(settings), settings.semantic() ? embedder(settings) : null, progress);
    ExportContext context =
        new ExportContext(
                book,
                settings.unit(),
                List.of(settings.input()),
                Instant.now(),
                List.of(),
                Indicators.standard())
            .withMethod(prepared.method());
    return new PreparedCoding(corpus, prepared, context, book);
  }

  /**
   * A local or mounted path: a plain path or a {@code file:} URI. Other file systems (hdfs://,
   * s3a://) are not read yet; mount them, or copy the corpus to every machine.
   */
  static Path localPath(String name) throws AetException {
    if (name.startsWith("file:")) {
      return Path.of(URI.create(name));
    }
    if (name.matches("[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
      throw new AetException(
          name
              + ": aet reads transcripts from folders every machine can see (a local or mounted"
              + " folder, or a file: address); copy the corpus there or mount it");
    }
    return Path.of(name);
  }

  private static Annotator annotator(SparkSettings settings) {
    CoreNlpAnnotator.Options options = new CoreNlpAnnotator.Options(false, false);
    Annotator annotator =
        new LazyAnnotator(() -> CoreNlpAnnotator.shared(options), options.description());
    return settings.cache() == null
        ? annotator
        : new CachingAnnotator(annotator, Path.of(settings.cache()));
  }

  private static SentenceEmbedder embedder(SparkSettings settings) {
    SentenceEmbedder embedder = new BgeSmallEmbedder();
    return settings.cache() == null
        ? embedder
        : new CachingEmbedder(embedder, Path.of(settings.cache()).resolve("embeddings"));
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
    return corpus.warnings().stream().map(Diagnostic::format).toList();
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
      return TranscriptResult.failed(id, e.diagnostics().stream().map(Diagnostic::format).toList());
    }
    CodedTranscript coded;
    try {
      coded = job.code(read.transcript());
    } catch (AetException e) {
      return TranscriptResult.failed(id, List.of(entry.path() + ": " + e.getMessage()));
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
        read.warnings().stream().map(Diagnostic::format).toList(),
        List.of());
  }
}
