package org.aet.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.aet.model.Markup;
import org.aet.model.Span;

/**
 * People, organisations and places named in text, found by CoreNLP's three-class named-entity
 * model, each with CoreNLP's probability for it. It runs only the tokenizer, the sentence splitter
 * and that one model (no parts of speech, no fine-grained classes, no dates), so it loads in about
 * a second; it is loaded only by what needs it (pseudonymisation). Safe to call from several
 * threads.
 */
public final class EntityRecogniser {
  /** What an entity is. */
  public enum Type {
    PERSON,
    ORGANIZATION,
    LOCATION
  }

  /**
   * One entity: where it stands, its words as written, and the lowest probability CoreNLP gave any
   * of its tokens.
   */
  public record Entity(Span span, String text, Type type, double confidence) {}

  private static final String MODEL =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  private static volatile EntityRecogniser shared;

  private final StanfordCoreNLP pipeline;

  private EntityRecogniser() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,ner");
    props.setProperty("tokenize.language", "en");
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("ner.model", MODEL);
    props.setProperty("ner.applyFineGrained", "false");
    props.setProperty("ner.useSUTime", "false");
    props.setProperty("ner.applyNumericClassifiers", "false");
    props.setProperty("ner.buildEntityMentions", "false");
    this.pipeline = new StanfordCoreNLP(props);
  }

  /** The process's recogniser, loaded on first use. */
  public static EntityRecogniser shared() {
    EntityRecogniser local = shared;
    if (local == null) {
      synchronized (EntityRecogniser.class) {
        local = shared;
        if (local == null) {
          shared = local = new EntityRecogniser();
        }
      }
    }
    return local;
  }

  /**
   * The entities in {@code text}, in order. Adjacent tokens of one type make one entity; transcript
   * markup ({@code [inaudible]}) is masked first, as for coding.
   */
  public List<Entity> find(String text) {
    Annotation document = new Annotation(Markup.mask(text));
    pipeline.annotate(document);
    List<Entity> entities = new ArrayList<>();
    Type current = null;
    int begin = 0;
    int end = 0;
    double confidence = 1;
    for (CoreLabel token : document.get(CoreAnnotations.TokensAnnotation.class)) {
      Type type = typeOf(token.ner());
      boolean sameLine =
          current != null && !text.substring(end, token.beginPosition()).contains("\n\n");
      if (type != null && type == current && sameLine) {
        end = token.endPosition();
        confidence = Math.min(confidence, probability(token));
        continue;
      }
      if (current != null) {
        entities.add(
            new Entity(new Span(begin, end), text.substring(begin, end), current, confidence));
      }
      current = type;
      begin = token.beginPosition();
      end = token.endPosition();
      confidence = probability(token);
    }
    if (current != null) {
      entities.add(
          new Entity(new Span(begin, end), text.substring(begin, end), current, confidence));
    }
    return entities;
  }

  private static Type typeOf(String tag) {
    if (tag == null) {
      return null;
    }
    return switch (tag) {
      case "PERSON" -> Type.PERSON;
      case "ORGANIZATION" -> Type.ORGANIZATION;
      case "LOCATION" -> Type.LOCATION;
      default -> null;
    };
  }

  private static double probability(CoreLabel token) {
    Map<String, Double> probs = token.get(CoreAnnotations.NamedEntityTagProbsAnnotation.class);
    if (probs == null || probs.isEmpty()) {
      return 1;
    }
    return probs.values().iterator().next();
  }
}
