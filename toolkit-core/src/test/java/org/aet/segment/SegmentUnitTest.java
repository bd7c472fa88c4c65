package org.aet.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The names of the kinds of segment, as files, projects and options say them. */
class SegmentUnitTest {
  @Test
  void aUnitIsNamedByItsLabelInAnyCaseAndAnythingElseIsRefusedInWords() {
    assertEquals(SegmentUnit.TURN, SegmentUnit.of("turn"));
    assertEquals(SegmentUnit.SENTENCE, SegmentUnit.of(" Sentence "));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> SegmentUnit.of("bogus"));
    assertEquals("\"bogus\" is not a kind of segment: say turn or sentence", refused.getMessage());
  }
}
