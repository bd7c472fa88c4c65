package org.aet.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.DetectionRules;
import org.aet.model.Coding;
import org.aet.model.CodingStatus;
import org.aet.model.Evidence;
import org.aet.model.Segment;
import org.aet.model.Span;
import org.aet.model.Token;

/**
 * Suggests codes from a codebook's detection rules: lemmas and phrases found in a segment's tokens, unless a
 * negation stands just before them ("not tokenistic") or an exclusion term occurs in the segment.
 *
 * <p>Confidence grows with the number of different terms that match: each distinct lemma adds
 * {@value #LEMMA_WEIGHT} and each distinct phrase {@value #PHRASE_WEIGHT} in the sense of independent evidence,
 * {@code 1 - (1 - w1)(1 - w2)...}, so one word gives 0.35, a phrase 0.6, a phrase and a word 0.74. Repeating the
 * same word adds nothing. Every occurrence is listed as evidence, so a reviewer sees exactly why.
 */
public final class RuleCoder implements Coder {
  static final double LEMMA_WEIGHT = 0.35;
  static final double PHRASE_WEIGHT = 0.6;
  private static final Set<String> NEGATIONS = Set.of("not", "n't", "no", "never", "without", "nobody",
      "nothing", "neither", "nor", "none", "hardly", "cannot", "barely");
  private static final Set<String> SENTENCE_ENDS = Set.of(".", "!", "?");

  private final Codebook codebook;
  private final Map<String, List<CompiledTerm>> byFirstWord = new HashMap<>();
  private final List<CompiledTerm> prefixTerms = new ArrayList<>();
  private final Map<String, List<Term>> exclusions = new HashMap<>();

  /** A term and the code it signals. */
  private record CompiledTerm(Term term, Code code) {}

  public RuleCoder(Codebook codebook) {
    this.codebook = codebook;
    for (Code code : codebook.codes()) {
      DetectionRules rules = code.rules();
      rules.lemmas().forEach(l -> index(new CompiledTerm(Term.of(l, "lemma", LEMMA_WEIGHT), code)));
      rules.phrases().forEach(p -> index(new CompiledTerm(Term.of(p, "phrase", PHRASE_WEIGHT), code)));
      exclusions.put(code.id(), rules.exclude().stream().map(e -> Term.of(e, "exclude", 0)).toList());
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
    Map<Code, List<Match>> matches = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      for (CompiledTerm candidate : candidates(token)) {
        int length = candidate.term().matchAt(tokens, i);
        if (length > 0 && !isNegated(tokens, i, candidate.code().rules().negationWindow())) {
          matches.computeIfAbsent(candidate.code(), c -> new ArrayList<>()).add(new Match(candidate.term(), i, length));
        }
      }
    }
    List<Coding> codings = new ArrayList<>();
    for (Map.Entry<Code, List<Match>> entry : matches.entrySet()) {
      Code code = entry.getKey();
      if (!isExcluded(tokens, code)) {
        codings.add(coding(segment, tokens, code, entry.getValue()));
      }
    }
    return codings;
  }

  private List<CompiledTerm> candidates(Token token) {
    List<CompiledTerm> found = new ArrayList<>(byFirstWord.getOrDefault(token.lemma(), List.of()));
    String lower = token.word().toLowerCase(Locale.ROOT);
    if (!lower.equals(token.lemma())) {
      found.addAll(byFirstWord.getOrDefault(lower, List.of()));
    }
    if (!prefixTerms.isEmpty()) {
      found.addAll(prefixTerms);
    }
    return found;
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

  /** True when a negation word stands within {@code window} tokens before {@code at}, in the same sentence. */
  private static boolean isNegated(List<Token> tokens, int at, int window) {
    for (int i = at - 1; i >= 0 && i >= at - window; i--) {
      Token token = tokens.get(i);
      if (SENTENCE_ENDS.contains(token.word())) {
        return false;
      }
      if (NEGATIONS.contains(token.lemma()) || NEGATIONS.contains(token.word().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private Coding coding(Segment segment, List<Token> tokens, Code code, List<Match> found) {
    Map<String, Double> weightByTerm = new LinkedHashMap<>();
    List<Evidence> evidence = new ArrayList<>();
    for (Match match : found) {
      weightByTerm.put(match.term.describe(), match.term.weight());
      Span span = new Span(tokens.get(match.start).span().begin(),
          tokens.get(match.start + match.length - 1).span().end());
      String text = segment.text().substring(span.begin() - segment.span().begin(), span.end() - segment.span().begin());
      evidence.add(new Evidence(text, span, match.term.describe()));
    }
    double miss = 1;
    for (double weight : weightByTerm.values()) {
      miss *= 1 - weight;
    }
    double confidence = Math.round((1 - miss) * 100) / 100.0;
    return new Coding(segment.id(), code.id(), Coding.RULE, confidence, evidence, CodingStatus.SUGGESTED,
        codebook.version());
  }

  private record Match(Term term, int start, int length) {}
}
