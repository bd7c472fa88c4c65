package org.aet.codebook;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One code of a codebook: what it means, when to use it and when not, examples, and how to detect
 * it.
 *
 * @param id stable identifier, unique in the codebook (lower case, digits and hyphens)
 * @param parent the id of the parent code, or "" for a top-level code (in four-tensions, a tension)
 * @param name the name people see
 * @param definition what the code means
 * @param useWhen when to apply it
 * @param doNotUseWhen when not to apply it, and which code to use instead
 * @param examples passages that should get this code
 * @param counterExamples passages that look alike but should not get it
 * @param colour display colour as {@code #RRGGBB}, or ""
 * @param rules detection rules for the rule coder
 * @param guid the code's REFI-QDA GUID when it came from another tool (NVivo, ATLAS.ti, MAXQDA),
 *     kept so that a re-import there finds the same code; "" for aet's own codes, whose GUID is
 *     derived from the codebook and the id
 * @param codable false for a code that only groups others and is never applied itself
 */
public record Code(
    String id,
    String parent,
    String name,
    String definition,
    String useWhen,
    String doNotUseWhen,
    List<String> examples,
    List<String> counterExamples,
    String colour,
    DetectionRules rules,
    String guid,
    boolean codable) {

  /**
   * A code id: lower-case letters of any script (and letters of scripts without case, such as
   * Chinese), digits and hyphens, so that codes named in Greek or Chinese keep readable ids.
   */
  public static final Pattern ID =
      Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Nd}][\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Mc}\\p{Nd}-]*");

  public Code {
    Objects.requireNonNull(id, "id");
    parent = parent == null ? "" : parent;
    Objects.requireNonNull(name, "name");
    definition = Objects.requireNonNullElse(definition, "");
    useWhen = Objects.requireNonNullElse(useWhen, "");
    doNotUseWhen = Objects.requireNonNullElse(doNotUseWhen, "");
    examples = List.copyOf(examples);
    counterExamples = List.copyOf(counterExamples);
    colour = Objects.requireNonNullElse(colour, "");
    rules = Objects.requireNonNullElse(rules, DetectionRules.NONE);
    guid = Objects.requireNonNullElse(guid, "");
  }

  /** An aet code: no GUID of another tool, codable. */
  public Code(
      String id,
      String parent,
      String name,
      String definition,
      String useWhen,
      String doNotUseWhen,
      List<String> examples,
      List<String> counterExamples,
      String colour,
      DetectionRules rules) {
    this(
        id,
        parent,
        name,
        definition,
        useWhen,
        doNotUseWhen,
        examples,
        counterExamples,
        colour,
        rules,
        "",
        true);
  }

  /** This code under {@code newParent} ("" for the top level). */
  public Code withParent(String newParent) {
    return new Code(
        id,
        newParent,
        name,
        definition,
        useWhen,
        doNotUseWhen,
        examples,
        counterExamples,
        colour,
        rules,
        guid,
        codable);
  }

  public boolean isTopLevel() {
    return parent.isEmpty();
  }
}
