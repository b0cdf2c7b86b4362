/**
 * Many workbooks at once, for a district or city disclosure office: {@link org.docmerge.batch.Batch} checks and
 * merges every workbook of a folder into its report plus one summary workbook; {@link
 * org.docmerge.batch.Aggregate} sums the tables of member units into one new workbook of the same kind
 * (annual-report-format.md §7). Both run their inputs on one worker pool, {@link org.docmerge.batch.Workers}
 * (in-order results, progress, a failing input an internal fault rather than the end of the run, interruption).
 * Both use only the JDK and the {@link org.docmerge.Docmerge} facade (POI work is
 * in the {@code workbook} package), return results and diagnostics, and never print or exit. Memory stays flat
 * however many inputs there are: each input's data lives only while it is processed; what is kept is one small
 * row per input.
 */
package org.docmerge.batch;
