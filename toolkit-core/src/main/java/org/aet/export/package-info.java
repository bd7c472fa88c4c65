/**
 * Coded transcripts out: one {@link org.aet.export.CodingExporter} per format (workbook, CSV, JSON
 * Lines, HTML report), registered in {@code META-INF/services/org.aet.export.CodingExporter}; the
 * shared columns ({@link org.aet.export.CodingTable}), spreadsheet text safe from formula
 * injection, and the codebook as a workbook or a Markdown document.
 */
package org.aet.export;
