package org.aet.codebook;

import java.util.List;
import java.util.Objects;

/**
 * A named group of codes across the tree, as NVivo, ATLAS.ti and MAXQDA keep them ("code groups",
 * "sets"): a code may be in several sets, and a set says nothing about the hierarchy.
 *
 * @param name the name people see
 * @param guid its REFI-QDA GUID when it came from another tool, or "" (derived on export)
 * @param description what the set is for, or ""
 * @param codes the ids of its member codes, in order
 */
public record CodeSet(String name, String guid, String description, List<String> codes) {
  public CodeSet {
    Objects.requireNonNull(name, "name");
    guid = Objects.requireNonNullElse(guid, "");
    description = Objects.requireNonNullElse(description, "");
    codes = List.copyOf(codes);
  }
}
