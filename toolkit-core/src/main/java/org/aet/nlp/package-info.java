/**
 * Language annotation: Stanford CoreNLP behind the small {@link org.aet.nlp.Annotator} interface,
 * an on-disk cache keyed by the annotator's settings, CoreNLP's version and the text, and
 * TokensRegex patterns for codebook rules.
 */
package org.aet.nlp;
