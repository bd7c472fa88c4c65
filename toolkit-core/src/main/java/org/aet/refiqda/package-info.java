/**
 * REFI-QDA, the exchange standard of NVivo, ATLAS.ti and MAXQDA: codebooks as {@code .qdc} and
 * projects as {@code .qdpx}, read as hostile input (no document types, no external entities, zip
 * paths and sizes checked) and written valid against the standard's schemas.
 */
package org.aet.refiqda;
