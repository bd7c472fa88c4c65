/**
 * Contract tests run over every registered plug-in of a kind (exporters, codebook writers,
 * agreement statistics), DKPro Core's harness way: a new implementation, registered in its services
 * file, gets the whole contract without a test of its own saying so. Transcript readers have theirs
 * in {@code org.aet.ingest}.
 */
package org.aet.contracts;
