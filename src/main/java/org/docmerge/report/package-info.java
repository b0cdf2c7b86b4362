/**
 * Published reports as a neutral structure ({@link org.docmerge.report.PublishedReport}: paragraphs and tables
 * with spans), whatever they were published as. The plain-text reader lives here; the .docx reader is {@code
 * render.DocxReport} (docx4j stays in render/template) and the web-page reader is {@code report.html} (the only
 * package that imports jsoup). Pure Java.
 */
package org.docmerge.report;
