/**
 * The PDF reader of published reports: the text layer (Apache PDFBox), table cells rebuilt from the glyphs'
 * positions. The only package that imports PDFBox. No OCR: a scanned PDF has no text to read.
 */
package org.docmerge.report.pdf;
