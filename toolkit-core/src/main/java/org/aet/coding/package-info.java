/**
 * Suggesting codes: the codebook's detection rules ({@link org.aet.coding.RuleCoder}), the semantic
 * layer's confirmation and ranking ({@link org.aet.coding.SuggestionCoder}), procedural talk left
 * out, and confidence calibrated into the estimated precision of a suggestion.
 */
package org.aet.coding;
