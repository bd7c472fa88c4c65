package org.aet.export;

/** A proportion from 0 to 1, written to a sheet as a percentage (a cell value, not text). */
record Share(double value) {}
