/**
 * Reading published reports: a file whatever its form ({@link org.docmerge.report.Reports} sniffs .docx, .doc, web
 * page, PDF, plain text by content) becomes the neutral {@link org.docmerge.report.PublishedReport} (paragraphs and tables
 * with spans). The plain-text reader ({@link org.docmerge.report.TextReport}) lives here; the .docx reader is {@code
 * report.docx} (with {@code template} and {@code render} the only packages that import docx4j; its report reader
 * walks {@code word/document.xml} with the JDK's XML parser), the Word 97–2003 reader {@code report.doc} (the only
 * package that imports POI's HWPF), the web-page
 * reader {@code report.html} (the only package that imports jsoup) and the PDF reader {@code report.pdf} (the only
 * package that imports PDFBox). What the tables and paragraphs mean for a report kind is worked out by {@code
 * extract}. Labels are compared with {@code spec.Labels}. Returns results and diagnostics; never prints.
 */
package org.docmerge.report;
