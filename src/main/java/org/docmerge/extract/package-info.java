/**
 * A published report, already read into the neutral {@code report.PublishedReport}, turned into a report's values
 * ({@link org.docmerge.model.ReportData}): {@link org.docmerge.extract.ReportFormat} tells the report kind from the
 * labels visible; {@link org.docmerge.extract.Extractor} maps the structure to the kind's fields, prose and table
 * values (tables found by their labels in {@code Tables}, plain-text tables in {@code PlainTable}, cell text as
 * values in {@link org.docmerge.extract.CellText}); {@link org.docmerge.extract.CarryForward} builds next year's
 * workbook values from them. Returns results and diagnostics; never prints.
 */
package org.docmerge.extract;
