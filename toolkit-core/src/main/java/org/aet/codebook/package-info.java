/**
 * Codebooks: codes with definitions, when to use them and not, examples and detection rules; read
 * from aet's JSON with every problem located, checked, compared, and written by the registered
 * {@link org.aet.codebook.CodebookWriter}s (Markdown, workbook, REFI-QDA, JSON).
 */
package org.aet.codebook;
