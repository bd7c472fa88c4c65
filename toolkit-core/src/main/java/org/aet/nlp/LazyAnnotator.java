package org.aet.nlp;

import java.util.function.Supplier;
import org.aet.model.TextAnnotation;

/**
 * An annotator whose models are loaded only when a text actually needs annotating, so a run whose
 * annotations all come from the cache never pays the seconds it takes to load them.
 */
public final class LazyAnnotator implements Annotator {
  private final Supplier<? extends Annotator> loader;
  private final String description;
  private volatile Annotator loaded;

  /**
   * {@code loader} is called at most once, on first use. The description is CoreNLP's, known
   * without loading.
   */
  public LazyAnnotator(Supplier<? extends Annotator> loader) {
    this(loader, CoreNlpAnnotator.DESCRIPTION);
  }

  public LazyAnnotator(Supplier<? extends Annotator> loader, String description) {
    this.loader = loader;
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public TextAnnotation annotate(String text) {
    Annotator annotator = loaded;
    if (annotator == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded = loader.get();
        }
        annotator = loaded;
      }
    }
    return annotator.annotate(text);
  }
}
