/**
 * The reader of published reports saved as Word 97–2003 documents (.doc, and WPS's .wps, the same format inside):
 * {@link org.docmerge.report.doc.DocReport}, with Apache POI HWPF. Nothing else reads the binary Word format.
 */
package org.docmerge.report.doc;
