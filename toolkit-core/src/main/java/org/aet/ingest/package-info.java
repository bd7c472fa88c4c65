/**
 * Reading transcripts: one {@link org.aet.ingest.TranscriptReader} per format (text, WebVTT, SRT,
 * Word, CSV/TSV, JSON), registered in {@code META-INF/services/org.aet.ingest.TranscriptReader};
 * {@link org.aet.ingest.TranscriptBuilder} is the public base every reader builds with; {@link
 * org.aet.ingest.Corpus} finds the files of folders, and a manifest gives cases, roles and
 * attributes.
 */
package org.aet.ingest;
