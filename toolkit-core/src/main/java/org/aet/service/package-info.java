/**
 * The workflows behind the commands, for any front end: a command line or user interface only
 * gathers the settings and shows what happened. {@link org.aet.service.CodingJob} codes transcripts
 * (review workbooks are imported by {@link org.aet.project.ReviewImport}).
 */
package org.aet.service;
