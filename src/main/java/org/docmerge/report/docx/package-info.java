/**
 * The .docx reader of published reports ({@link org.docmerge.report.docx.DocxReport}) and the visible text of a
 * .docx body in reading order ({@link org.docmerge.report.docx.DocxText}, used by the golden tests to compare a
 * rendered document with its expected text). Loads documents with docx4j.
 */
package org.docmerge.report.docx;
