/**
 * File helpers every other package uses, depending on nothing of aet but {@code diagnostics} (for
 * messages with a file and line): output written whole or not at all ({@link
 * org.aet.io.AtomicOutput}), archives checked as hostile input ({@link org.aet.io.ZipGuard}), CSV
 * tables, text decoding, bounded reads, JSON with line and column for messages ({@link
 * org.aet.io.LocatedJson}), the tool's version, and the one {@link org.aet.io.Registry} type
 * through which plug-ins (readers, exporters, codebook writers, indicators, agreement statistics)
 * are found.
 */
package org.aet.io;
