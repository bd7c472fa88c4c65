/**
 * The coding workspace in the browser ({@code aet serve}): a local web server over a project, where
 * a coder reads transcripts with the machine's suggestions in place and records decisions, each one
 * a decision in the project as a review workbook would record it.
 */
package org.aet.workspace;
