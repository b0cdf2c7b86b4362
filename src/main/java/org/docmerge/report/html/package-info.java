/**
 * The web-page reader of published reports: {@link org.docmerge.report.html.HtmlReport} (what a browser shows of a
 * page), {@link org.docmerge.report.html.PageText} (a page's bytes to text, as browsers decode them) and {@link
 * org.docmerge.report.html.Mhtml} (single-file web archives, .mht/.mhtml); the only package that imports jsoup.
 */
package org.docmerge.report.html;
