/**
 * Writing results without ever losing or damaging data: every output is written to a temporary file beside its
 * target and published only when complete, without replacing an existing file unless the user asked to; temp
 * files of runs that were killed are cleaned up by the next run; nothing else is added to the user's folder (the
 * folder lock lives in the per-user runtime directory). Imports nothing but the JDK and {@code diag}.
 */
package org.docmerge.output;
