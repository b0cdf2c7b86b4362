/**
 * The .docx reader of published reports ({@link org.docmerge.report.docx.DocxReport}: {@code word/document.xml} as
 * Word and WPS write it, walked with the JDK's DOM parser, DTDs and external entities refused) and the visible text of
 * a .docx body in reading order ({@link org.docmerge.report.docx.DocxText}, loaded with docx4j, used by the golden
 * tests to compare a rendered document with its expected text).
 */
package org.docmerge.report.docx;
