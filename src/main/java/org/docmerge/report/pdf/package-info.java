/**
 * The PDF reader of published reports: the text layer (Apache PDFBox), ruled tables rebuilt cell by cell from
 * their rules (a lattice: {@code Lattice}, merged cells as spans), unruled ones from the gaps between glyphs. The only package that imports PDFBox. No OCR: a scanned PDF has no text to read.
 */
package org.docmerge.report.pdf;
