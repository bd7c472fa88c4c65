/**
 * A coding run over a corpus: read, annotate, segment, code and write, transcripts in parallel and
 * written in order, with progress reported to a {@link org.aet.pipeline.ProgressListener} (the
 * library never prints).
 */
package org.aet.pipeline;
