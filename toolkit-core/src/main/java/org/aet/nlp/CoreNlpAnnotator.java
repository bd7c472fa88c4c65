package org.aet.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.aet.model.Sentence;
import org.aet.model.Span;
import org.aet.model.TextAnnotation;
import org.aet.model.Token;

/**
 * Stanford CoreNLP with the annotators aet needs for coding: tokenize, ssplit, pos, lemma. NER and the parser are
 * not loaded. A blank line always ends a sentence, so no sentence runs across two turns.
 *
 * <p>Loading the models takes about a second, so there is one shared instance per process ({@link #shared()});
 * CoreNLP's {@code annotate} may be called from several threads at once.
 */
public final class CoreNlpAnnotator implements Annotator {
  private static final String ANNOTATORS = "tokenize,ssplit,pos,lemma";

  /** Identifies this annotator's output for caches: change it whenever the settings or CoreNLP change. */
  public static final String DESCRIPTION = "corenlp-4.5.10[" + ANNOTATORS + ";newlineIsSentenceBreak=two]";

  private final StanfordCoreNLP pipeline;

  private CoreNlpAnnotator() {
    this.pipeline = new StanfordCoreNLP(properties());
  }

  /** The CoreNLP settings aet uses (benchmarks build a bare CoreNLP pipeline from the same ones). */
  public static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", ANNOTATORS);
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("tokenize.language", "en");
    return props;
  }

  /** The process's one CoreNLP annotator, loaded on first use. */
  public static CoreNlpAnnotator shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final CoreNlpAnnotator INSTANCE = new CoreNlpAnnotator();
  }

  @Override
  public String description() {
    return DESCRIPTION;
  }

  @Override
  public TextAnnotation annotate(String text) {
    Annotation document = new Annotation(text);
    pipeline.annotate(document);
    List<CoreLabel> labels = document.get(CoreAnnotations.TokensAnnotation.class);
    List<Token> tokens = new ArrayList<>(labels.size());
    for (CoreLabel label : labels) {
      String lemma = label.lemma() == null ? label.word() : label.lemma();
      tokens.add(new Token(label.word(), lemma.toLowerCase(Locale.ROOT), label.tag(),
          new Span(label.beginPosition(), label.endPosition())));
    }
    List<CoreMap> coreSentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    List<Sentence> sentences = new ArrayList<>(coreSentences.size());
    for (CoreMap s : coreSentences) {
      sentences.add(new Sentence(
          new Span(s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
              s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class)),
          s.get(CoreAnnotations.TokenBeginAnnotation.class),
          s.get(CoreAnnotations.TokenEndAnnotation.class)));
    }
    return new TextAnnotation(tokens, sentences);
  }
}
