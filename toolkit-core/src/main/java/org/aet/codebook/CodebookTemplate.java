package org.aet.codebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The codebook {@code aet codebook new} writes: one tension and its two poles, each field holding
 * guidance to replace. Validation warns about any of that guidance left in a codebook.
 */
public final class CodebookTemplate {
  private CodebookTemplate() {}

  /** A new codebook called {@code name}, every field a placeholder. */
  public static Codebook of(String name) {
    List<Code> codes = new ArrayList<>();
    codes.add(
        new Code(
            "tension",
            "",
            "A tension (rename me)",
            "What this group of codes is about, in one or two sentences.",
            "Use one of the codes below; use this one only when a passage weighs both sides.",
            "Say which other codes are easily confused with this one.",
            List.of("A passage from your data that shows both sides.", "Another such passage."),
            List.of("A passage that looks related but belongs elsewhere."),
            "#1f77b4",
            DetectionRules.NONE));
    codes.add(
        new Code(
            "first-pole",
            "tension",
            "First pole (rename me)",
            "What a passage must say to get this code.",
            "When to apply it.",
            "When not to, and what to use instead.",
            List.of("A passage that should get this code.", "Another passage that should get it."),
            List.of("A passage that should not get it."),
            "#6baed6",
            DetectionRules.of(List.of("word", "another"), List.of("a phrase of several words"))));
    codes.add(
        new Code(
            "second-pole",
            "tension",
            "Second pole (rename me)",
            "What a passage must say to get this code.",
            "When to apply it.",
            "When not to, and what to use instead.",
            List.of("A passage that should get this code.", "Another passage that should get it."),
            List.of("A passage that should not get it."),
            "#fd8d3c",
            DetectionRules.of(List.of("word"), List.of("another phrase"))));
    return new Codebook(
        name,
        name + " (describe it in a title)",
        "What the codebook is for, who made it, and from which sources.",
        "new",
        codes);
  }

  /** Every text of the template that a codebook's author is meant to replace. */
  static final Set<String> PLACEHOLDERS = placeholders(of("name"));

  private static Set<String> placeholders(Codebook template) {
    Stream<String> book = Stream.of(template.description());
    Stream<String> codes =
        template.codes().stream()
            .flatMap(
                c ->
                    Stream.of(
                            Stream.of(c.name(), c.definition(), c.useWhen(), c.doNotUseWhen()),
                            c.examples().stream(),
                            c.counterExamples().stream(),
                            c.rules().lemmas().stream(),
                            c.rules().phrases().stream())
                        .flatMap(s -> s));
    return Set.copyOf(Stream.concat(book, codes).toList());
  }

  /** Whether {@code text} is guidance from the template rather than the author's own words. */
  static boolean isPlaceholder(String text) {
    return PLACEHOLDERS.contains(text)
        || text.contains("(rename me)")
        || text.contains("(describe it in a title)");
  }
}
