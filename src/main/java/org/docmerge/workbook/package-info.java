/**
 * The Excel side of docmerge, and the only package that touches Apache POI: {@link
 * org.docmerge.workbook.WorkbookWriter} writes the workbook staff fill in ({@code docmerge init}), laid out like
 * the official tables with live totals and visible checks generated from the spec's identities; {@link
 * org.docmerge.workbook.WorkbookReader} reads a filled workbook back into a {@link org.docmerge.model.ReportData}
 * for {@code check} and {@code merge}. The reader treats every file as hostile: it reads the bytes once, never
 * opens the file for writing, checks the container before POI parses it, finds cells by their labels rather
 * than by position, and turns every parser failure into a diagnostic instead of an exception.
 */
package org.docmerge.workbook;
