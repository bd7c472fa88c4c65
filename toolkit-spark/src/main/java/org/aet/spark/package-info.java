/**
 * The same coding as {@code aet code} on Apache Spark: transcripts are distributed over executors,
 * each of which prepares CoreNLP, the embedder and the coders once ({@link PreparedCoding}) and
 * codes its transcripts with {@link org.aet.service.CodingJob}; {@link SparkCoding} writes the JSON
 * Lines, the Parquet files and the run's method and summary.
 */
package org.aet.spark;
