/**
 * docmerge turns a report workbook into the official Word report, and refuses to produce a wrong one.
 * {@link org.docmerge.Docmerge} is the front door; the stages live in their own packages:
 * {@code spec → workbook → model → validate → template → render}, with {@code output} publishing files safely
 * and {@code cli} the command line.
 */
package org.docmerge;
