/**
 * Loads, checks, repairs and compiles a Word template once per process. {@link
 * org.docmerge.template.TemplateCompiler#compile} pre-scans the zip (docx4j would accept duplicate entries and
 * exotic compression silently), loads it with docx4j to prove it is a sound WordprocessingML package, guards
 * against cyclic styles, repairs tags that Word split over several runs ({@link
 * org.docmerge.template.SplitTagRepair}), validates every {@code {{tag}}} against the report spec and compiles
 * the tagged parts into immutable string segments. The resulting {@link org.docmerge.template.PreparedTemplate}
 * renders a document by string assembly and zip alone, with no XML parsing per document. Diagnostic codes are
 * listed in {@link org.docmerge.template.TemplateCodes}. Together with {@code render}, the only package that
 * may import docx4j.
 */
package org.docmerge.template;
