/**
 * Reading published reports back into {@link org.docmerge.model.ReportData}: {@link
 * org.docmerge.extract.Reports} sniffs the form (.docx, web page, plain text), reads it into the neutral {@code
 * report.PublishedReport} and picks the report kind from the tables' labels; {@link
 * org.docmerge.extract.Extractor} maps the structure to the kind's fields, prose and table values. Returns
 * results and diagnostics; never prints.
 */
package org.docmerge.extract;
