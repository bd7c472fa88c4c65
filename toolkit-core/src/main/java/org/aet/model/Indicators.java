package org.aet.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aet.io.Registry;

/**
 * The linguistic indicators of a segment, computed from its CoreNLP tokens by every registered
 * {@link Indicator}: who acts (I vs we vs they and institutions: individual vs structural), how
 * things are framed (obligation and ideals vs hedging and "in practice": idealistic vs realistic),
 * and how accessible the language is (acronyms, jargon, readability: excluding vs including).
 *
 * <p>Every indicator has a stable name, used in exports and in codebook rule conditions. They are
 * computed once per segment, when it is made ({@link Segment#indicators()}).
 *
 * @param values the indicators computed, by name, in registry order; one that needs an annotation
 *     that was not made (named entities, sentiment) is absent
 */
public record Indicators(Map<String, Double> values) {
  private static final Registry<Indicator> REGISTRY =
      Registry.load(Indicator.class, "linguistic indicator");

  /** The registered indicators, in export order. */
  public static Registry<Indicator> registry() {
    return REGISTRY;
  }

  /** The names of the indicators always computed (from tokens alone), in export order. */
  public static List<String> standard() {
    return available(Set.of());
  }

  /** The names of the indicators computed only when their annotation is asked for. */
  public static List<String> optional() {
    return REGISTRY.all().stream()
        .filter(i -> i.needs() != Indicator.Needs.TOKENS)
        .map(Indicator::name)
        .toList();
  }

  /** The names of the indicators computed with these annotations beyond tokens, in export order. */
  public static List<String> available(Set<Indicator.Needs> annotations) {
    return REGISTRY.all().stream()
        .filter(i -> i.needs() == Indicator.Needs.TOKENS || annotations.contains(i.needs()))
        .map(Indicator::name)
        .toList();
  }

  /** The values for output: counts (whole values) as integers, so JSON says 77, not 77.0. */
  public Map<String, Number> asNumbers() {
    Map<String, Number> numbers = new LinkedHashMap<>();
    values.forEach((name, v) -> numbers.put(name, asNumber(v)));
    return numbers;
  }

  /** {@code value} as a long when it is whole, else as it is. */
  public static Number asNumber(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : value;
  }

  public Indicators {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The indicators of a segment with these tokens. */
  public static Indicators of(List<Token> tokens) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Indicator indicator : REGISTRY.all()) {
      double value = indicator.compute(tokens);
      if (indicator.needs() == Indicator.Needs.TOKENS || !Double.isNaN(value)) {
        values.put(indicator.name(), value);
      }
    }
    return new Indicators(values);
  }

  /**
   * The named people and organisations in {@code tokens}, each once, as "Name (person)": the actors
   * a segment speaks of. Empty when named entities were not asked for.
   */
  public static List<String> actors(List<Token> tokens) {
    List<String> actors = new ArrayList<>();
    for (String type : List.of("PERSON", "ORGANIZATION")) {
      for (String name : mentions(tokens, type)) {
        String actor = name + " (" + (type.equals("PERSON") ? "person" : "organisation") + ")";
        if (!actors.contains(actor)) {
          actors.add(actor);
        }
      }
    }
    return actors;
  }

  /** The mentions of entity {@code type}: runs of consecutive tokens with that class. */
  public static List<String> mentions(List<Token> tokens, String type) {
    List<String> mentions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (Token token : tokens) {
      if (token.entity().equals(type)) {
        current.append(current.length() > 0 ? " " : "").append(token.word());
      } else if (current.length() > 0) {
        mentions.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      mentions.add(current.toString());
    }
    return mentions;
  }

  /**
   * The value of the indicator called {@code name}; NaN for an optional one that was not computed.
   */
  public double get(String name) {
    Double value = values.get(name);
    if (value == null) {
      if (REGISTRY.get(name) != null) {
        return Double.NaN;
      }
      throw new IllegalArgumentException(
          "no indicator called " + name + "; there are " + REGISTRY.names());
    }
    return value;
  }
}
