/**
 * The data of one report, independent of where it came from (a workbook, a published .docx, a web page):
 * cover fields, prose sections as paragraphs, and table values keyed by cell id ({@code t3.new.natural}), each
 * value remembering where it was read so that a rule can point at it. Imports nothing but the JDK.
 */
package org.docmerge.model;
