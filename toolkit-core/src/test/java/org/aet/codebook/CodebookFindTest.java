package org.aet.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** One way to read a code from what a person wrote: path or id, then name. */
class CodebookFindTest {
  @Test
  void aCodeIsFoundByPathIdOrNameInAnyCase() throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    assertEquals("tokenistic", book.find("narratives/tokenistic").id());
    assertEquals("tokenistic", book.find(" tokenistic ").id());
    assertEquals("tokenistic", book.find("Narratives/Tokenistic").id(), "a review workbook's way");
    assertEquals("tokenistic", book.find("TOKENISTIC").id());
    assertEquals("tokenistic", book.find("tokenistic narrative").id(), "by its name");
    assertNull(book.find("tokenism"));
    assertNull(book.find(""));
  }
}
