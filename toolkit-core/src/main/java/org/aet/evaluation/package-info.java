/**
 * How good the codings are: suggestions scored against a labelled file (precision, recall, F1,
 * kappa per code), and agreement between coders, with one class per {@link
 * org.aet.evaluation.AgreementStatistic}, registered in {@code
 * META-INF/services/org.aet.evaluation.AgreementStatistic}.
 */
package org.aet.evaluation;
