/**
 * Report kinds as data. A kind is a folder under {@code templates/} holding {@code spec.json} (cover fields,
 * prose sections, tables with stable row and column ids and their official labels, and the table identities)
 * and {@code template.docx}. This package reads and checks a spec; it knows nothing of Excel or Word, so adding
 * a kind needs no Java.
 */
package org.docmerge.spec;
