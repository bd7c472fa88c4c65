package org.aet.coding;

import java.util.List;
import org.aet.model.Coding;
import org.aet.model.Segment;

/**
 * Suggests codes for segments. Implementations are thread-safe and hold no per-run state, so one
 * instance codes many transcripts at once and can run inside a distributed engine.
 */
public interface Coder {
  /**
   * The codings this coder suggests for {@code segment}, each with its evidence; empty when none.
   */
  List<Coding> code(Segment segment);
}
