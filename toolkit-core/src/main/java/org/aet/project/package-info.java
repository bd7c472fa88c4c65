/**
 * A team's project: one SQLite file with the transcripts, codebooks, coding runs and every coder's
 * decisions ({@link org.aet.project.ProjectStore}, one writer at a time, migrations that keep old
 * projects readable), review workbooks out and back in ({@link org.aet.project.ReviewWorkbook},
 * {@link org.aet.project.ReviewImport}), the final coding and agreement between coders.
 */
package org.aet.project;
