/**
 * The command line ({@code aet}): picocli commands that parse options, call the library and print
 * what happened. Usage errors exit 2, failures 1; messages speak the user's language and name the
 * file, line and column.
 */
package org.aet.cli;
