package org.aet.bench;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.model.Transcript;
import org.aet.nlp.CoreNlpAnnotator;

/**
 * The floor: bare Stanford CoreNLP, with exactly the settings aet uses, annotating exactly the text
 * aet annotates (each transcript's normalised text), with CoreNLP's own multi-threaded {@code
 * annotate}. Reading the files is not timed; loading the models is, as it is in an {@code aet code}
 * run.
 *
 * <p>Usage: {@code Floor <corpus-folder> <threads>}. Prints one JSON object with words and
 * floor_seconds.
 */
public final class Floor {
  private Floor() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    Corpus corpus = Corpus.discover(List.of(folder), TranscriptReader.registry());
    List<Annotation> documents = new ArrayList<>();
    long words = 0;
    for (Corpus.Entry entry : corpus.entries()) {
      Transcript transcript = corpus.read(entry).transcript();
      documents.add(new Annotation(transcript.text()));
      words += transcript.wordCount();
    }
    long started = System.nanoTime();
    StanfordCoreNLP pipeline = new StanfordCoreNLP(CoreNlpAnnotator.properties());
    AtomicInteger done = new AtomicInteger();
    List<Annotation> pending = documents;
    pipeline.annotate(pending, threads, annotation -> done.incrementAndGet());
    double seconds = (System.nanoTime() - started) / 1e9;
    if (done.get() != documents.size()) {
      throw new IllegalStateException("annotated " + done.get() + " of " + documents.size());
    }
    System.out.printf("{\"words\": %d, \"floor_seconds\": %.2f}%n", words, seconds);
  }
}
