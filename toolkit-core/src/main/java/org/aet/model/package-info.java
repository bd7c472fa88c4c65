/**
 * The values everything else passes around, as records: transcripts with turns and participants,
 * segments with tokens and {@link org.aet.model.Indicators}, codings with evidence and review
 * status. Also the {@link org.aet.model.Indicator} interface that linguistic indicators implement
 * (the indicators themselves are in {@code org.aet.indicators}).
 */
package org.aet.model;
