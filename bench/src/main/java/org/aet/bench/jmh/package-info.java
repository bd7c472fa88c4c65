/** JMH micro-benchmarks of the rule coder and the workbook export ({@code bench/run.sh --jmh}). */
package org.aet.bench.jmh;
