/**
 * Word templates: loads, checks, repairs and compiles a template once per process, and renders documents from it.
 * {@link org.docmerge.template.TemplateCompiler#compile} is a pipeline of named steps: {@code TemplatePackage}
 * (zip pre-scan, since docx4j would accept duplicate entries and exotic compression silently; nesting depth; a
 * plain .docx main part; no cyclic styles; docx4j loads it as a sound WordprocessingML package), tags repaired
 * where Word split them over runs ({@link org.docmerge.template.SplitTagRepair}) and bound to the report spec
 * ({@code SpecBinding}), what must not reach every report ({@code RiskyParts}), and the tagged parts compiled
 * into immutable string segments ({@code PartCompiler}: inline values, paragraphs, repeated rows, conditions).
 * The resulting {@link org.docmerge.template.PreparedTemplate} renders a document by string assembly and zip
 * alone, with no XML parsing per document; {@link org.docmerge.template.TemplateCache} keeps a compiled shipped
 * template on disk for the next run. Diagnostic codes are listed in {@link org.docmerge.template.TemplateCodes}.
 * Together with {@code render}, the only package that may import docx4j.
 */
package org.docmerge.template;
