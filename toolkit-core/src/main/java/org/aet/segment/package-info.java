/**
 * Cutting annotated transcripts into the units that get coded: a speaker turn or a sentence ({@link
 * org.aet.segment.SegmentUnit}).
 */
package org.aet.segment;
