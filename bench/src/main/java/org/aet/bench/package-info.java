/**
 * Benchmarks: generated corpora of growing size from the sample corpus, and the bare CoreNLP floor
 * that aet's speed is measured against ({@code bench/run.sh}).
 */
package org.aet.bench;
