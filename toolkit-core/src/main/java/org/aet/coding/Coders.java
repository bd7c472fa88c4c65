package org.aet.coding;

import java.util.ArrayList;
import java.util.List;
import org.aet.model.Coding;

/** Ways of combining coders. */
public final class Coders {
  private Coders() {}

  /**
   * A coder that asks each of {@code coders} in turn and keeps every suggestion, each with its own
   * source.
   */
  public static Coder all(List<Coder> coders) {
    List<Coder> copy = List.copyOf(coders);
    return segment -> {
      List<Coding> codings = new ArrayList<>();
      for (Coder coder : copy) {
        codings.addAll(coder.code(segment));
      }
      return codings;
    };
  }
}
