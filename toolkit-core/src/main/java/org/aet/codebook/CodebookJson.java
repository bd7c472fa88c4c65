package org.aet.codebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes codebooks in aet's JSON format (docs/codebook-format.md), leaving out what is at its
 * default, so a written codebook reads like one a person wrote. {@link Codebooks} reads the format
 * back.
 */
public final class CodebookJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CodebookJson() {}

  /** {@code codebook} as formatted JSON text. */
  public static String write(Codebook codebook) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", codebook.name());
    if (!codebook.title().equals(codebook.name())) {
      root.put("title", codebook.title());
    }
    if (!codebook.description().isEmpty()) {
      root.put("description", codebook.description());
    }
    ArrayNode codes = root.putArray("codes");
    for (Code code : codebook.codes()) {
      codes.add(code(code));
    }
    if (!codebook.sets().isEmpty()) {
      ArrayNode sets = root.putArray("sets");
      for (CodeSet set : codebook.sets()) {
        ObjectNode node = sets.addObject();
        node.put("name", set.name());
        putIfSet(node, "guid", set.guid());
        putIfSet(node, "description", set.description());
        ArrayNode members = node.putArray("codes");
        set.codes().forEach(members::add);
      }
    }
    return pretty(root);
  }

  static ObjectNode code(Code code) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", code.id());
    putIfSet(node, "parent", code.parent());
    node.put("name", code.name());
    if (!code.definition().isEmpty() || code.guid().isEmpty()) {
      node.put("definition", code.definition());
    }
    putIfSet(node, "use_when", code.useWhen());
    putIfSet(node, "do_not_use_when", code.doNotUseWhen());
    putList(node, "examples", code.examples());
    putList(node, "counter_examples", code.counterExamples());
    putIfSet(node, "colour", code.colour());
    if (!code.rules().equals(DetectionRules.NONE)) {
      node.set("rules", rules(code.rules()));
    }
    putIfSet(node, "guid", code.guid());
    if (!code.codable()) {
      node.put("codable", false);
    }
    return node;
  }

  /** The rules as a JSON object in the codebook format. */
  public static ObjectNode rules(DetectionRules rules) {
    ObjectNode node = MAPPER.createObjectNode();
    putList(node, "lemmas", rules.lemmas());
    putList(node, "phrases", rules.phrases());
    putList(node, "patterns", rules.patterns());
    putList(node, "exclude", rules.exclude());
    putList(node, "roles", rules.roles());
    if (rules.negationWindow() != DetectionRules.DEFAULT_NEGATION_WINDOW) {
      node.put("negation_window", rules.negationWindow());
    }
    if (!rules.indicators().isEmpty()) {
      ArrayNode conditions = node.putArray("indicators");
      for (DetectionRules.IndicatorCondition condition : rules.indicators()) {
        ObjectNode c = conditions.addObject();
        c.put("name", condition.name());
        if (condition.above() != null) {
          c.put("above", condition.above());
        }
        if (condition.below() != null) {
          c.put("below", condition.below());
        }
      }
    }
    if (!rules.weights().equals(DetectionRules.Weights.DEFAULT)) {
      ObjectNode weights = node.putObject("weights");
      weights.put("lemma", rules.weights().lemma());
      weights.put("phrase", rules.weights().phrase());
      weights.put("pattern", rules.weights().pattern());
    }
    return node;
  }

  /** {@code node} as compact one-line JSON. */
  static String compact(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code node} as JSON text in the layout codebooks are written in. */
  public static String pretty(ObjectNode node) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  private static void putIfSet(ObjectNode node, String key, String value) {
    if (!value.isEmpty()) {
      node.put(key, value);
    }
  }

  private static void putList(ObjectNode node, String key, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(key);
      values.forEach(array::add);
    }
  }
}
