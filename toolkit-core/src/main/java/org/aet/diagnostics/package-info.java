/**
 * What goes wrong and where: {@link org.aet.diagnostics.Diagnostic} names the file, line and column
 * and what was expected; {@link org.aet.diagnostics.InputException} carries every problem of an
 * input at once; {@link org.aet.diagnostics.AetException} is any failure a user should read.
 */
package org.aet.diagnostics;
