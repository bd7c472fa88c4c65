package org.aet.semantic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * BAAI's BGE small English v1.5 sentence-embedding model (quantised, 384 dimensions), run in this
 * process by ONNX Runtime through langchain4j. The model ships inside a Maven Central jar, so
 * nothing is fetched at run time. It is loaded on first use (about a second), once per process.
 *
 * <p>The texts of one call are embedded in parallel, on one pool of as many daemon threads as there
 * are processors, shared by every caller: a single long transcript then uses every core, and
 * several transcripts embedded at once queue for the same threads instead of competing with more.
 */
public final class BgeSmallEmbedder implements SentenceEmbedder {
  private static final String DESCRIPTION = "bge-small-en-v1.5-q (langchain4j-embeddings 1.20.0)";

  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          runnable -> {
            Thread thread = new Thread(runnable, "aet-embed");
            thread.setDaemon(true);
            return thread;
          });

  private final Runnable onLoad;
  private volatile BgeSmallEnV15QuantizedEmbeddingModel model;

  /** An embedder that loads the model on first use. */
  public BgeSmallEmbedder() {
    this(() -> {});
  }

  /**
   * @param onLoad called once, just before the model is loaded (to tell the user why there is a
   *     pause)
   */
  public BgeSmallEmbedder(Runnable onLoad) {
    this.onLoad = onLoad;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String text : texts) {
      segments.add(TextSegment.from(text.isBlank() ? "." : text));
    }
    List<Embedding> embeddings = model().embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    for (Embedding embedding : embeddings) {
      vectors.add(Vectors.normalised(embedding.vector()));
    }
    return vectors;
  }

  @Override
  public String description() {
    return DESCRIPTION;
  }

  private BgeSmallEnV15QuantizedEmbeddingModel model() {
    BgeSmallEnV15QuantizedEmbeddingModel loaded = model;
    if (loaded == null) {
      synchronized (this) {
        if (model == null) {
          onLoad.run();
          model = new BgeSmallEnV15QuantizedEmbeddingModel(POOL);
        }
        loaded = model;
      }
    }
    return loaded;
  }
}
