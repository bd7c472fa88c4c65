/**
 * The linguistic indicators, one class each, registered in {@code
 * META-INF/services/org.aet.model.Indicator}: who acts (I, we, they, institutions), how things are
 * framed (obligation, ideals, hedges, practice), how accessible the language is (acronyms, jargon,
 * readability), and named entities and sentiment when asked for.
 */
package org.aet.indicators;
