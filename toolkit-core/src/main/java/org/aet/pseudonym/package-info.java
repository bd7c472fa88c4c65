/**
 * Pseudonymisation: finding the names of people, organisations and places in a corpus (speakers and
 * their aliases, CoreNLP's named entities, the researcher's own lists), keeping one pseudonym per
 * name in a key the researcher alone holds, having a person review the key in a spreadsheet, and
 * writing transcripts and exports with every accepted name replaced and every offset mapped.
 *
 * <p>{@link org.aet.pseudonym.Pseudonymisation} is the service; {@link
 * org.aet.pseudonym.PseudonymKey} the key; {@link org.aet.pseudonym.Pseudonymiser} applies a
 * reviewed key to transcripts and codings.
 */
package org.aet.pseudonym;
