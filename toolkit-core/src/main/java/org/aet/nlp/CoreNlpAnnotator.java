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
 * Stanford CoreNLP with the annotators aet needs for coding: tokenize, ssplit, pos, lemma; and,
 * only when asked, coarse named entities (people, organisations, places: the fast three-class
 * models, no fine-grained classes, no SUTime) and sentence sentiment (which needs the parser, so it
 * is slow). A blank line always ends a sentence, so no sentence runs across two turns.
 *
 * <p>Loading models takes seconds, so there is one shared instance per set of options per process
 * ({@link #shared()}); CoreNLP's {@code annotate} may be called from several threads at once.
 */
public final class CoreNlpAnnotator implements Annotator {
  private static final String ANNOTATORS = "tokenize,ssplit,pos,lemma";

  /**
   * The version of the CoreNLP on the class path, from its jar's manifest, so that a cache never
   * serves annotations made by another version ("unknown" when the manifest does not say).
   */
  public static final String VERSION = coreNlpVersion();

  /**
   * Identifies the default annotator's output for caches: it changes whenever the settings or
   * CoreNLP change.
   */
  public static final String DESCRIPTION =
      "corenlp-" + VERSION + "[" + ANNOTATORS + ";newlineIsSentenceBreak=two;markup=masked]";

  private static String coreNlpVersion() {
    String version = StanfordCoreNLP.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  /** What to annotate beyond tokens, lemmas and parts of speech. */
  public record Options(boolean entities, boolean sentiment) {
    public static final Options DEFAULT = new Options(false, false);

    String annotators() {
      return ANNOTATORS + (entities ? ",ner" : "") + (sentiment ? ",parse,sentiment" : "");
    }

    /** Identifies the output of an annotator with these options, for caches. */
    public String description() {
      return this.equals(DEFAULT)
          ? DESCRIPTION
          : "corenlp-" + VERSION + "[" + annotators() + ";newlineIsSentenceBreak=two;ner=coarse]";
    }
  }

  private static final java.util.Map<Options, CoreNlpAnnotator> SHARED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final StanfordCoreNLP pipeline;
  private final Options options;

  private CoreNlpAnnotator(Options options) {
    this.options = options;
    this.pipeline = new StanfordCoreNLP(properties(options));
  }

  /**
   * The CoreNLP settings aet uses by default (benchmarks build a bare CoreNLP pipeline from the
   * same ones).
   */
  public static Properties properties() {
    return properties(Options.DEFAULT);
  }

  private static Properties properties(Options options) {
    Properties props = new Properties();
    props.setProperty("annotators", options.annotators());
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("tokenize.language", "en");
    props.setProperty("ner.applyFineGrained", "false");
    props.setProperty("ner.useSUTime", "false");
    props.setProperty("ner.applyNumericClassifiers", "false");
    props.setProperty("ner.buildEntityMentions", "false");
    props.setProperty("parse.maxlen", "120");
    return props;
  }

  /**
   * The process's default CoreNLP annotator (tokens, lemmas, parts of speech), loaded on first use.
   */
  public static CoreNlpAnnotator shared() {
    return shared(Options.DEFAULT);
  }

  /** The process's CoreNLP annotator with {@code options}, loaded on first use. */
  public static CoreNlpAnnotator shared(Options options) {
    return SHARED.computeIfAbsent(options, CoreNlpAnnotator::new);
  }

  @Override
  public String description() {
    return options.description();
  }

  @Override
  public TextAnnotation annotate(String text) {
    Annotation document = new Annotation(org.aet.model.Markup.mask(text));
    pipeline.annotate(document);
    List<CoreLabel> labels = document.get(CoreAnnotations.TokensAnnotation.class);
    List<CoreMap> coreSentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    double[] sentimentByToken = new double[labels.size()];
    java.util.Arrays.fill(sentimentByToken, Double.NaN);
    if (options.sentiment()) {
      for (CoreMap s : coreSentences) {
        var tree =
            s.get(edu.stanford.nlp.sentiment.SentimentCoreAnnotations.SentimentAnnotatedTree.class);
        double value =
            tree == null
                ? Double.NaN
                : edu.stanford.nlp.neural.rnn.RNNCoreAnnotations.getPredictedClass(tree) - 2;
        for (int t = s.get(CoreAnnotations.TokenBeginAnnotation.class);
            t < s.get(CoreAnnotations.TokenEndAnnotation.class);
            t++) {
          sentimentByToken[t] = value;
        }
      }
    }
    List<Token> tokens = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      CoreLabel label = labels.get(i);
      String lemma = label.lemma() == null ? label.word() : label.lemma();
      String entity = !options.entities() ? "" : label.ner() == null ? "O" : label.ner();
      tokens.add(
          new Token(
              label.word(),
              lemma.toLowerCase(Locale.ROOT),
              label.tag(),
              new Span(label.beginPosition(), label.endPosition()),
              entity,
              sentimentByToken[i]));
    }
    List<Sentence> sentences = new ArrayList<>(coreSentences.size());
    for (CoreMap s : coreSentences) {
      sentences.add(
          new Sentence(
              new Span(
                  s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                  s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class)),
              s.get(CoreAnnotations.TokenBeginAnnotation.class),
              s.get(CoreAnnotations.TokenEndAnnotation.class)));
    }
    return new TextAnnotation(tokens, sentences);
  }
}
