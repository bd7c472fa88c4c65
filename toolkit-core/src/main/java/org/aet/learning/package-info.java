/**
 * Suggestions learned from a team's own coding: features, training with cross-validation ({@link
 * org.aet.learning.Trainer}), the saved model, and the queue of segments it is least sure of.
 */
package org.aet.learning;
