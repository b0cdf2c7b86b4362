/**
 * The Excel side of docmerge, and the only package that touches Apache POI: writes the workbook staff fill in
 * ({@link org.docmerge.workbook.WorkbookWriter}, {@code docmerge init}: laid out like the official tables, with
 * live totals, input checks that say each cell's unit, and visible checks generated from the spec's identities)
 * and reads a filled one back into a {@link org.docmerge.model.ReportData} for {@code check} and {@code merge}.
 *
 * <p>Reading treats every file as hostile and is split along its seams: {@link
 * org.docmerge.workbook.WorkbookReader} (entry points, limits, reading the bytes once and noticing a file changed
 * meanwhile) → {@code ContainerCheck} (file type and zip pre-scan before POI parses anything) → {@code
 * WorkbookOpener} (the one catch boundary around POI) → {@code ContentReader} (finding the spec's sheets) → the
 * cover, prose, table and list sheet readers, which find cells by their labels rather than by position ({@code
 * SheetIndex}) and read values through {@code CellReader} (stored values only, formulas re-evaluated, numbers
 * typed as text accepted only when unambiguous). Every problem is a {@code WB.*} diagnostic, never an exception.
 */
package org.docmerge.workbook;
