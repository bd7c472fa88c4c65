package org.aet.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aet.codebook.Codebooks;
import org.aet.coding.SuggestionCoder;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.model.TextAnnotation;
import org.aet.model.Transcript;
import org.aet.nlp.CoreNlpAnnotator;
import org.aet.segment.SegmentUnit;
import org.aet.segment.Segmenter;
import org.aet.semantic.SentenceEmbedder;
import org.aet.semantic.WindowEmbedding;
import org.aet.semantic.WindowVectors;

/**
 * The semantic layer's floor: the bare sentence-embedding model (BGE small, as langchain4j ships
 * it, with its own parallel {@code embedAll}) embedding exactly the texts {@code aet code} embeds
 * for a corpus at turn level with the default codebook: the corpus's sentence windows, and the
 * codebook's own sentences (its profiles and the examples its calibration scores), which every run
 * without a warm cache embeds too. Reading and annotating the files is not timed; loading the model
 * is, as it is in an {@code aet code} run.
 *
 * <p>Usage: {@code EmbeddingFloor <corpus-folder> [windows|sentences]} (how windows get their
 * vectors, {@link WindowVectors}; the default's when left out). Prints one JSON object with the
 * texts embedded for the corpus, their words, the codebook's texts and embedding_floor_seconds.
 */
public final class EmbeddingFloor {
  private EmbeddingFloor() {}

  public static void main(String[] args) throws Exception {
    Corpus corpus = Corpus.discover(List.of(Path.of(args[0])), TranscriptReader.registry());
    WindowVectors vectors =
        args.length > 1 ? WindowVectors.of(args[1]) : WindowEmbedding.DEFAULT_VECTORS;
    Segmenter segmenter = new Segmenter(SegmentUnit.TURN);
    List<TextSegment> windows = new ArrayList<>();
    long words = 0;
    for (Corpus.Entry entry : corpus.entries()) {
      Transcript transcript = corpus.read(entry).transcript();
      TextAnnotation annotation = CoreNlpAnnotator.shared().annotate(transcript.text());
      for (String text :
          WindowEmbedding.embeddedTexts(
              vectors, segmenter.segment(transcript, annotation), annotation, transcript.text())) {
        windows.add(TextSegment.from(text.isBlank() ? "." : text));
        words += text.split("\\s+").length;
      }
    }
    List<String> codebookTexts = codebookTexts();
    codebookTexts.forEach(t -> windows.add(TextSegment.from(t)));
    long started = System.nanoTime();
    BgeSmallEnV15QuantizedEmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
    int embedded = model.embedAll(windows).content().size();
    double seconds = (System.nanoTime() - started) / 1e9;
    if (embedded != windows.size()) {
      throw new IllegalStateException("embedded " + embedded + " of " + windows.size());
    }
    System.out.printf(
        "{\"windows\": %d, \"window_words\": %d, \"codebook_texts\": %d,"
            + " \"embedding_floor_seconds\": %.2f}%n",
        windows.size() - codebookTexts.size(), words, codebookTexts.size(), seconds);
  }

  /**
   * The texts aet embeds for the default codebook before it codes anything, found by letting it
   * prepare its suggestions with an embedder that only writes down what it is asked to embed.
   */
  private static List<String> codebookTexts() throws Exception {
    Set<String> asked = new LinkedHashSet<>();
    SentenceEmbedder recorder =
        new SentenceEmbedder() {
          @Override
          public List<float[]> embed(List<String> texts) {
            asked.addAll(texts);
            float[] unit = new float[384];
            unit[0] = 1;
            return texts.stream().map(t -> unit).toList();
          }

          @Override
          public String description() {
            return "recorder";
          }
        };
    SuggestionCoder.fromCodebook(
        Codebooks.load("four-tensions"), CoreNlpAnnotator.shared(), new WindowEmbedding(recorder));
    return new ArrayList<>(asked);
  }
}
