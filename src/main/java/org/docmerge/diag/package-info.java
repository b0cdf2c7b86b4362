/**
 * Diagnostics as values: every problem any stage finds is a {@link org.docmerge.diag.Diagnostic} with a
 * severity, a stable code, a location staff can find (file, sheet and cell such as {@code 表N!H12}, a prose
 * paragraph, or a template tag) and a Chinese message that says what to do. Stages collect them and return
 * them with their result; only the CLI prints them. {@link org.docmerge.diag.Codes} is the one registry of codes,
 * each with its exit class and its documentation. Imports nothing but the JDK.
 */
package org.docmerge.diag;
