/**
 * Which segments to review next: a model of the team's decisions ranks the unreviewed segments, and
 * a simulation replays a coded project to show how much review effort the ranking saves.
 */
package org.aet.ranking;
