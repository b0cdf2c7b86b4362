/**
 * The PDF reader of published reports: the text layer (Apache PDFBox), ruled tables rebuilt cell by cell from
 * their rules (a lattice: {@code Lattice}, merged cells as spans), unruled ones from the gaps between glyphs, blank cells placed by the x-positions of the numbers under the header's labels ({@code Columns}; under a header not set over its columns, only a row whose one number stands at the table's right edge, as its last column, and a number set exactly where every row's second cell begins, as the first value column). The only package that imports PDFBox. No OCR: a scanned PDF has no text to read.
 */
package org.docmerge.report.pdf;
