/**
 * What happens to a rendered document: reading its text back in reading order ({@link
 * org.docmerge.render.DocxText}, used by the golden tests and by checks that compare output with input) and
 * converting it to PDF with headless LibreOffice ({@link org.docmerge.render.PdfConverter}, a long-lived,
 * thread-safe service: one LibreOffice per worker converting many documents per start, in the free faces
 * {@link org.docmerge.render.LibreOfficeFonts} maps the official font names to, with profiles that never reach the
 * network; {@link org.docmerge.render.OfficeTemp} cleans what killed runs left), and reading a
 * published .docx back as a neutral {@code report.PublishedReport} ({@link org.docmerge.render.DocxReport}). Rendering itself is
 * {@code PreparedTemplate.render} in the template package. Together with {@code template}, the only package that
 * may import docx4j.
 */
package org.docmerge.render;
