/**
 * What happens to a rendered document: converting it to PDF with headless LibreOffice ({@link
 * org.docmerge.render.PdfConverter}, a long-lived, thread-safe service: one LibreOffice per worker converting many
 * documents per start, in the free faces {@link org.docmerge.render.LibreOfficeFonts} maps the official font names
 * to, with profiles that never reach the network; {@link org.docmerge.render.OfficeTemp} cleans what killed runs
 * left), and the tag values a template is rendered with ({@link org.docmerge.render.TagValues}). Rendering itself is
 * {@code PreparedTemplate.render} in the template package; reading a .docx back (published reports, golden tests)
 * is {@code report.docx}. Together with {@code template} and {@code report.docx}, the only packages that may
 * import docx4j.
 */
package org.docmerge.render;
