/**
 * Published reports as a neutral structure ({@link org.docmerge.report.PublishedReport}: paragraphs and tables
 * with spans), whatever they were published as. The plain-text reader lives here; the .docx reader is {@code
 * render.DocxReport} (docx4j stays in render/template), the web-page reader is {@code report.html} (the only
 * package that imports jsoup) and the PDF reader {@code report.pdf} (the only package that imports PDFBox). Pure Java;
 * labels are compared with {@code spec.Labels}.
 */
package org.docmerge.report;
