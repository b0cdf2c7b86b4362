/**
 * Input containers, checked the same way for every reader: {@link org.docmerge.zip.Sniff} tells a file's kind
 * from its first bytes (zip, OLE2, PDF, web page, XML, RTF) and holds the one size cap on an input file; {@link
 * org.docmerge.zip.ZipPreScan} reads a zip's directory by hand before POI or docx4j sees it; {@link
 * org.docmerge.zip.ZipProblems} words a refused zip for staff, in the codes of the stage that asked ({@code WB.*}
 * for a workbook, {@code TEMPLATE.*} for a template). Pure JDK.
 */
package org.docmerge.zip;
