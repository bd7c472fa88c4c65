package org.aet.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;

/**
 * What a review loop can look for in a codebook: segments with any code, with a tension (any of its
 * codes), or with one code. Each says whether a segment's codes count, and what the codebook alone
 * expects of a segment (its prior, from the candidates' estimated precision).
 *
 * @param name "any code", a tension's path or a code's path
 * @param paths the code paths that count
 */
public record ReviewTarget(String name, List<String> paths, List<String> codeIds) {
  /** The name of the target every code counts for. */
  public static final String ANY = "any code";

  public ReviewTarget {
    paths = List.copyOf(paths);
    codeIds = List.copyOf(codeIds);
  }

  /** "any code", then each top-level code with children, then every code without children. */
  public static List<ReviewTarget> of(Codebook codebook) {
    List<Code> leaves =
        codebook.codes().stream().filter(c -> codebook.children(c.id()).isEmpty()).toList();
    List<ReviewTarget> targets = new ArrayList<>();
    targets.add(of(ANY, codebook, leaves));
    for (Code code : codebook.codes()) {
      if (code.parent().isEmpty() && !codebook.children(code.id()).isEmpty()) {
        String prefix = codebook.path(code.id()) + "/";
        targets.add(
            of(
                codebook.path(code.id()),
                codebook,
                leaves.stream().filter(l -> codebook.path(l.id()).startsWith(prefix)).toList()));
      }
    }
    for (Code leaf : leaves) {
      targets.add(of(codebook.path(leaf.id()), codebook, List.of(leaf)));
    }
    return targets;
  }

  private static ReviewTarget of(String name, Codebook codebook, List<Code> codes) {
    return new ReviewTarget(
        name,
        codes.stream().map(c -> codebook.path(c.id())).toList(),
        codes.stream().map(Code::id).toList());
  }

  /** Whether a segment coded with {@code codePaths} has this target. */
  public boolean has(List<String> codePaths) {
    return codePaths.stream().anyMatch(paths::contains);
  }

  /** The codebook's expectation for a segment: the highest estimated precision of its codes. */
  public double prior(Map<String, Double> precisionByCodeId) {
    return codeIds.stream()
        .mapToDouble(id -> precisionByCodeId.getOrDefault(id, 0.0))
        .max()
        .orElse(0);
  }
}
