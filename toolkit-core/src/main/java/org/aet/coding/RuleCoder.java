package org.aet.coding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.DetectionRules;
import org.aet.model.Coding;
import org.aet.model.CodingSource;
import org.aet.model.CodingStatus;
import org.aet.model.Evidence;
import org.aet.model.Indicators;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.Token;
import org.aet.nlp.TokenPatterns;

/**
 * Suggests codes from a codebook's detection rules: lemmas, phrases and TokensRegex patterns found
 * in a segment's tokens, unless a negation stands just before them ("not tokenistic"), an exclusion
 * term occurs in the segment, or the speaker's role is not one the code is limited to.
 *
 * <p>Procedural talk is never coded: a sentence about standing orders, declarations of interest or
 * the next item on the agenda ({@link ProceduralTalk}) is about running the meeting, whatever words
 * it uses ("the public are excluded from the meeting" is not excluding language).
 *
 * <p>Confidence grows with the number of different rules that match: each distinct lemma, phrase or
 * pattern adds its weight (by default 0.35, 0.6 and 0.6) as independent evidence, {@code 1 - (1 -
 * w1)(1 - w2)...}, so one word gives 0.35, a phrase 0.6, a phrase and a word 0.74. Repeating the
 * same word, or the same words matched by a second rule, adds nothing. Every occurrence is listed
 * as evidence, so a reviewer sees exactly why.
 */
public final class RuleCoder implements Coder {
  private static final Set<String> NEGATIONS =
      Set.of(
          "not", "n't", "no", "never", "without", "nobody", "nothing", "neither", "nor", "none",
          "hardly", "cannot", "barely");

  /**
   * Words that stand between a negation and what it negates without counting towards the window:
   * "not going to be good enough" negates "good enough" as surely as "not good enough" does.
   */
  private static final Set<String> AUXILIARIES =
      Set.of(
          "be",
          "do",
          "have",
          "go",
          "to",
          "get",
          "will",
          "would",
          "could",
          "should",
          "can",
          "may",
          "might",
          "must",
          "really",
          "quite",
          "very",
          "so",
          "that",
          "always",
          "actually",
          "necessarily",
          "even",
          "just",
          "a",
          "an",
          "the");

  private final Codebook codebook;
  private final Map<String, List<CompiledTerm>> byFirstWord = new HashMap<>();
  private final List<CompiledTerm> prefixTerms = new ArrayList<>();
  private final Map<String, List<Term>> exclusions = new HashMap<>();
  private final Map<String, List<TokenPatterns.Compiled>> patterns = new LinkedHashMap<>();
  private final boolean usesIndicators;
  private static final String INDICATOR = CodingSource.INDICATOR.label();

  /** A term and the code it signals. */
  private record CompiledTerm(Term term, Code code) {}

  /** One rule matching at one place. */
  private record Match(String rule, double weight, Span span) {}

  /** How long a codebook's patterns may take on one segment before aet stops them. */
  public static final Duration PATTERN_BUDGET = Duration.ofSeconds(5);

  /**
   * Where patterns are matched. Daemon threads: a pattern stopped for running over its budget
   * cannot be interrupted and keeps its thread until the process ends.
   */
  private static final ExecutorService PATTERN_THREADS =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "aet-patterns");
            thread.setDaemon(true);
            return thread;
          });

  private final Duration patternBudget;

  public RuleCoder(Codebook codebook) {
    this(codebook, PATTERN_BUDGET);
  }

  /** A coder whose patterns may take up to {@code patternBudget} per segment. */
  public RuleCoder(Codebook codebook, Duration patternBudget) {
    this.codebook = codebook;
    this.patternBudget = patternBudget;
    this.usesIndicators =
        codebook.codes().stream().anyMatch(c -> !c.rules().indicators().isEmpty());
    for (Code code : codebook.codes()) {
      DetectionRules rules = code.rules();
      rules
          .lemmas()
          .forEach(
              l -> index(new CompiledTerm(Term.of(l, "lemma", rules.weights().lemma()), code)));
      rules
          .phrases()
          .forEach(
              p -> index(new CompiledTerm(Term.of(p, "phrase", rules.weights().phrase()), code)));
      exclusions.put(
          code.id(), rules.exclude().stream().map(e -> Term.of(e, "exclude", 0.5)).toList());
      if (!rules.patterns().isEmpty()) {
        patterns.put(code.id(), rules.patterns().stream().map(TokenPatterns::compile).toList());
      }
    }
  }

  private void index(CompiledTerm compiled) {
    String first = compiled.term().exactFirstWord();
    if (first == null) {
      prefixTerms.add(compiled);
    } else {
      byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(compiled);
    }
  }

  @Override
  public List<Coding> code(Segment segment) {
    List<Token> tokens = HyphenSplitter.split(segment.tokens());
    List<Span> procedural = ProceduralTalk.sentences(tokens);
    Map<String, List<Match>> matches = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      for (CompiledTerm candidate : candidates(tokens.get(i))) {
        int length = candidate.term().matchAt(tokens, i);
        if (length > 0
            && !isNegated(tokens, i, candidate.code().rules().negationWindow())
            && !ProceduralTalk.within(tokens.get(i).span(), procedural)) {
          Span span =
              new Span(tokens.get(i).span().begin(), tokens.get(i + length - 1).span().end());
          matches
              .computeIfAbsent(candidate.code().id(), c -> new ArrayList<>())
              .add(new Match(candidate.term().describe(), candidate.term().weight(), span));
        }
      }
    }
    for (PatternMatch found : findPatterns(segment)) {
      DetectionRules rules = codebook.code(found.codeId()).rules();
      int[] range = found.range();
      if (!isNegated(segment.tokens(), range[0], rules.negationWindow())
          && !ProceduralTalk.within(segment.tokens().get(range[0]).span(), procedural)) {
        Span span =
            new Span(
                segment.tokens().get(range[0]).span().begin(),
                segment.tokens().get(range[1] - 1).span().end());
        matches
            .computeIfAbsent(found.codeId(), c -> new ArrayList<>())
            .add(
                new Match(
                    "pattern \"" + found.pattern().source() + "\"",
                    rules.weights().pattern(),
                    span));
      }
    }
    if (usesIndicators) {
      Indicators indicators = segment.indicators();
      Span at = new Span(segment.span().begin(), segment.span().begin());
      for (Code code : codebook.codes()) {
        for (DetectionRules.IndicatorCondition condition : code.rules().indicators()) {
          double value = indicators.get(condition.name());
          if (!Double.isNaN(value) && condition.holds(value)) {
            matches
                .computeIfAbsent(code.id(), c -> new ArrayList<>())
                .add(
                    new Match(
                        INDICATOR
                            + " "
                            + condition.name()
                            + " = "
                            + value
                            + ", "
                            + condition.describe().substring(condition.name().length() + 1),
                        code.rules().weights().pattern(),
                        at));
          }
        }
      }
    }
    List<Coding> codings = new ArrayList<>();
    for (Code code : codebook.codes()) {
      List<Match> found = matches.get(code.id());
      if (found != null && speaksInRole(segment, code) && !isExcluded(tokens, code)) {
        codings.add(coding(segment, code, found));
      }
    }
    return codings;
  }

  /** Where a code's pattern matched, as a token range. */
  private record PatternMatch(String codeId, TokenPatterns.Compiled pattern, int[] range) {}

  /**
   * Every pattern match in {@code segment}, found on a helper thread within the time budget:
   * TokensRegex cannot be interrupted, and one badly written pattern must end in a message naming
   * it, not in a run that never ends.
   *
   * @throws RuleFailure naming the code and pattern that ran over the budget or overflowed the
   *     stack
   */
  private List<PatternMatch> findPatterns(Segment segment) {
    if (patterns.isEmpty()) {
      return List.of();
    }
    AtomicReference<String[]> running = new AtomicReference<>();
    Future<List<PatternMatch>> task =
        PATTERN_THREADS.submit(
            () -> {
              List<PatternMatch> found = new ArrayList<>();
              for (Map.Entry<String, List<TokenPatterns.Compiled>> entry : patterns.entrySet()) {
                for (TokenPatterns.Compiled pattern : entry.getValue()) {
                  running.set(new String[] {entry.getKey(), pattern.source()});
                  for (int[] range : TokenPatterns.find(pattern, segment.tokens())) {
                    found.add(new PatternMatch(entry.getKey(), pattern, range));
                  }
                }
              }
              return found;
            });
    try {
      return task.get(patternBudget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      String[] at = running.get();
      throw new RuleFailure(
          "the pattern \""
              + at[1]
              + "\" of the code "
              + codebook.path(at[0])
              + " took more than "
              + patternBudget.toMillis()
              + " ms on the segment "
              + segment.id()
              + " and was stopped: it repeats something that repeats (such as (.*a){25}); rewrite"
              + " it with bounded repetition (\"aet codebook validate\" points such patterns out)");
    } catch (ExecutionException e) {
      String[] at = running.get();
      if (e.getCause() instanceof StackOverflowError) {
        throw new RuleFailure(
            "the pattern \""
                + at[1]
                + "\" of the code "
                + codebook.path(at[0])
                + " cannot be matched: it nests repetition too deeply (such as ( []* )*); rewrite"
                + " it with bounded repetition such as []{0,5}");
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while matching patterns", e);
    }
  }

  private List<CompiledTerm> candidates(Token token) {
    List<CompiledTerm> found = new ArrayList<>(byFirstWord.getOrDefault(token.lemma(), List.of()));
    String lower = token.word().toLowerCase(Locale.ROOT);
    if (!lower.equals(token.lemma())) {
      found.addAll(byFirstWord.getOrDefault(lower, List.of()));
    }
    found.addAll(prefixTerms);
    return found;
  }

  private static boolean speaksInRole(Segment segment, Code code) {
    List<String> roles = code.rules().roles();
    return roles.isEmpty() || roles.stream().anyMatch(r -> r.equalsIgnoreCase(segment.role()));
  }

  private boolean isExcluded(List<Token> tokens, Code code) {
    for (Term exclusion : exclusions.get(code.id())) {
      for (int i = 0; i < tokens.size(); i++) {
        if (exclusion.matchAt(tokens, i) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True when a negation word stands within {@code window} tokens before {@code at}, in the same
   * sentence.
   */
  private static boolean isNegated(List<Token> tokens, int at, int window) {
    int counted = 0;
    for (int i = at - 1; i >= 0 && counted < window; i--) {
      Token token = tokens.get(i);
      if (ProceduralTalk.SENTENCE_ENDS.contains(token.word())) {
        return false;
      }
      if (NEGATIONS.contains(token.lemma())
          || NEGATIONS.contains(token.word().toLowerCase(Locale.ROOT))) {
        return true;
      }
      if (!AUXILIARIES.contains(token.lemma())) {
        counted++;
      }
    }
    return false;
  }

  private static boolean overlapsAny(Span span, List<Span> spans) {
    for (Span other : spans) {
      if (span.begin() < other.end() && other.begin() < span.end()) {
        return true;
      }
    }
    return false;
  }

  private Coding coding(Segment segment, Code code, List<Match> found) {
    found.sort(
        java.util.Comparator.comparingInt((Match m) -> m.span().begin())
            .thenComparing(m -> -m.span().length())
            .thenComparing(Match::rule));
    Map<String, Double> weightByRule = new LinkedHashMap<>();
    List<Evidence> evidence = new ArrayList<>();
    List<Span> places = new ArrayList<>();
    for (Match match : found) {
      if (overlapsAny(match.span(), places)) {
        continue; // the same words matched by a second rule ("baffle" and "baffling"): once
      }
      places.add(match.span());
      weightByRule.put(match.rule(), match.weight());
      Span span = match.span();
      String text =
          segment
              .text()
              .substring(
                  span.begin() - segment.span().begin(), span.end() - segment.span().begin());
      evidence.add(new Evidence(text, span, match.rule()));
    }
    double miss = 1;
    for (double weight : weightByRule.values()) {
      miss *= 1 - weight;
    }
    double confidence = Math.round((1 - miss) * 100) / 100.0;
    boolean onlyIndicators = found.stream().allMatch(m -> m.rule().startsWith(INDICATOR + " "));
    return new Coding(
        segment.id(),
        code.id(),
        (onlyIndicators ? CodingSource.INDICATOR : CodingSource.RULE).label(),
        confidence,
        evidence,
        CodingStatus.SUGGESTED,
        codebook.version());
  }
}
