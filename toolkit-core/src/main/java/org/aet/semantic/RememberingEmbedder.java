package org.aet.semantic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every text it has embedded, so a text is embedded once however often it is asked for.
 * Preparing the semantic layer embeds the codebook's sentences for the profiles and again, as
 * standalone passages, for the calibration; most are the same texts. Holds every vector it made, so
 * it is for the codebook's and labelled sentences, not for a corpus.
 */
public final class RememberingEmbedder implements SentenceEmbedder {
  private final SentenceEmbedder embedder;
  private final Map<String, float[]> remembered = new ConcurrentHashMap<>();

  public RememberingEmbedder(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<String> unseen = new ArrayList<>(new LinkedHashSet<>(texts));
    unseen.removeIf(remembered::containsKey);
    List<float[]> vectors = embedder.embed(unseen);
    for (int i = 0; i < unseen.size(); i++) {
      remembered.put(unseen.get(i), vectors.get(i));
    }
    return texts.stream().map(remembered::get).toList();
  }

  @Override
  public String description() {
    return embedder.description();
  }
}
