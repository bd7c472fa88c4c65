/**
 * The workflows behind the commands, for any front end: a command line or user interface only
 * gathers the settings and shows what happened. {@link org.aet.service.CodeWorkflow} codes
 * transcripts or a project into its outputs (with {@link org.aet.service.CodingJob}), {@link
 * org.aet.service.FinalExport} writes a project's final coding (review workbooks are imported by
 * {@link org.aet.project.ReviewImport}).
 */
package org.aet.service;
