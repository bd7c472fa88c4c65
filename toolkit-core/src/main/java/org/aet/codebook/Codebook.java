package org.aet.codebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated codebook: hierarchical codes with stable ids.
 *
 * @param name short name, as given to {@code --codebook} ("four-tensions")
 * @param title a human title
 * @param description what the codebook is for and where it comes from
 * @param version the content hash of the file it was loaded from, recorded with every coding
 * @param codes the codes, parents before their children
 * @param sets named groups of codes across the tree (REFI-QDA sets), in order
 */
public record Codebook(
    String name,
    String title,
    String description,
    String version,
    List<Code> codes,
    List<CodeSet> sets) {

  public Codebook {
    Objects.requireNonNull(name, "name");
    title = Objects.requireNonNullElse(title, name);
    description = Objects.requireNonNullElse(description, "");
    Objects.requireNonNull(version, "version");
    codes = List.copyOf(codes);
    Map<String, Code> seen = new LinkedHashMap<>();
    for (Code code : codes) {
      if (seen.putIfAbsent(code.id(), code) != null) {
        throw new IllegalArgumentException("duplicate code id " + code.id());
      }
      if (!code.isTopLevel() && !seen.containsKey(code.parent())) {
        throw new IllegalArgumentException(
            "code " + code.id() + " comes before its parent " + code.parent());
      }
    }
    sets = List.copyOf(sets);
    for (CodeSet set : sets) {
      for (String member : set.codes()) {
        if (!seen.containsKey(member)) {
          throw new IllegalArgumentException("set " + set.name() + " names no code " + member);
        }
      }
    }
  }

  /** A codebook without sets. */
  public Codebook(String name, String title, String description, String version, List<Code> codes) {
    this(name, title, description, version, codes, List.of());
  }

  /** This codebook under another version. */
  public Codebook withVersion(String newVersion) {
    return new Codebook(name, title, description, newVersion, codes, sets);
  }

  /**
   * The code a label names: its path ({@code power/reciprocity}) or its id, as written or else
   * ignoring case, or its name ignoring case when no other code has that name; null when it names
   * none, or several. Every place that reads a code from a person's file (a review workbook,
   * labelled segments, a model's training data) resolves it here.
   */
  public Code find(String label) {
    String wanted = label.strip();
    Code ignoringCase = null;
    Code byName = null;
    int named = 0;
    for (Code code : codes) {
      String path = path(code.id());
      if (code.id().equals(wanted) || path.equals(wanted)) {
        return code;
      }
      if (ignoringCase == null
          && (code.id().equalsIgnoreCase(wanted) || path.equalsIgnoreCase(wanted))) {
        ignoringCase = code;
      }
      if (code.name().equalsIgnoreCase(wanted)) {
        byName = code;
        named++;
      }
    }
    if (ignoringCase != null) {
      return ignoringCase;
    }
    return named == 1 ? byName : null;
  }

  /** Whether a code has {@code id}. */
  public boolean contains(String id) {
    return codes.stream().anyMatch(c -> c.id().equals(id));
  }

  /** The code with {@code id}. */
  public Code code(String id) {
    for (Code code : codes) {
      if (code.id().equals(id)) {
        return code;
      }
    }
    throw new IllegalArgumentException("no code " + id + " in codebook " + name);
  }

  /**
   * The ids from the top-level ancestor down to {@code id}, joined by "/": {@code
   * power/reciprocity}.
   */
  public String path(String id) {
    List<String> ids = new ArrayList<>();
    for (Code code = code(id); ; code = code(code.parent())) {
      ids.add(code.id());
      if (code.isTopLevel()) {
        break;
      }
    }
    Collections.reverse(ids);
    return String.join("/", ids);
  }

  /**
   * The top-level ancestor of {@code id} (itself when it is top level): in four-tensions, the
   * tension.
   */
  public Code root(String id) {
    Code code = code(id);
    while (!code.isTopLevel()) {
      code = code(code.parent());
    }
    return code;
  }

  /** How deep {@code id} sits: 0 for a top-level code. */
  /** The code's number in the outline: "2.1" for the first child of the second top-level code. */
  public String outlineNumber(Code code) {
    List<Code> siblings =
        code.isTopLevel()
            ? codes().stream().filter(Code::isTopLevel).toList()
            : children(code.parent());
    String own = Integer.toString(siblings.indexOf(code) + 1);
    return code.isTopLevel() ? own : outlineNumber(code(code.parent())) + "." + own;
  }

  public int depth(String id) {
    return path(id).split("/").length - 1;
  }

  public List<Code> children(String id) {
    return codes.stream().filter(c -> c.parent().equals(id)).toList();
  }
}
