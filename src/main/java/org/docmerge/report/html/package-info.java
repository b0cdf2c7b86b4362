/** The web-page reader of published reports; the only package that imports jsoup. */
package org.docmerge.report.html;
