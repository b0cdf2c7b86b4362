package org.docmerge.template;

/**
 * The stable diagnostic codes of the template stage. Scripts and tests match on them, so they never change once
 * released. Immutable constants; thread-safe.
 *
 * <table>
 *   <caption>Template diagnostic codes</caption>
 *   <tr><th>code</th><th>severity</th><th>meaning</th></tr>
 *   <tr><td>{@value #EMPTY}</td><td>error</td><td>the template file has no bytes</td></tr>
 *   <tr><td>{@value #NOT_DOCX}</td><td>error</td><td>not a .docx: OLE2 (.doc or encrypted), HTML, text, or a zip whose
 *       main part is not a WordprocessingML document (.xlsx, .docm, .dotx)</td></tr>
 *   <tr><td>{@value #SUSPICIOUS_ZIP}</td><td>error</td><td>duplicate entry names, more than 1000 entries, too large
 *       when unpacked or an implausible compression ratio (zip bomb), central directory and entries disagree</td></tr>
 *   <tr><td>{@value #UNSUPPORTED_ZIP}</td><td>error</td><td>compression other than stored/deflate, encrypted entries,
 *       ZIP64, or a zip the JDK cannot read</td></tr>
 *   <tr><td>{@value #CORRUPT}</td><td>error</td><td>docx4j could not load it, or a part came back empty (DOCTYPE, XXE,
 *       billion laughs), or the text cannot be parsed</td></tr>
 *   <tr><td>{@value #STYLE_CYCLE}</td><td>error</td><td>styles whose {@code w:basedOn} chain loops (CVE-2026-53752)</td></tr>
 *   <tr><td>{@value #TOO_DEEP}</td><td>error</td><td>an XML part nested more than 256 elements deep</td></tr>
 *   <tr><td>{@value #EXTERNAL_FIELD}</td><td>error</td><td>a field that pulls in files or runs DDE, also when its
 *       instruction is split over several runs</td></tr>
 *   <tr><td>{@value #EXTERNAL_RESOURCE}</td><td>error</td><td>a relationship fetched when the report is opened or
 *       converted (linked image, remote attached template, altChunk)</td></tr>
 *   <tr><td>{@value #SYNTAX}</td><td>error</td><td>a {@code {{} without {@code }}}, a lone {@code }}}, an empty or malformed
 *       tag name, or {@code {{} left where it cannot be replaced (field codes, tracked deletions)</td></tr>
 *   <tr><td>{@value #UNKNOWN_TAG}</td><td>error</td><td>a tag that names no field, section or cell of the spec</td></tr>
 *   <tr><td>{@value #BLOCK_NOT_ALONE}</td><td>error</td><td>a section tag sharing its paragraph with other text</td></tr>
 *   <tr><td>{@value #MISSING_CELL}</td><td>warning (the facade makes it an error)</td><td>cells of an official
 *       table that no tag prints, one diagnostic per table: the report would be incomplete</td></tr>
 *   <tr><td>{@value #UNUSED}</td><td>warning / note</td><td>a prose section (warning) or cover field (note) that no tag
 *       uses</td></tr>
 * </table>
 */
public final class TemplateCodes {
  public static final String EMPTY = "TEMPLATE.EMPTY";
  public static final String NOT_DOCX = "TEMPLATE.NOT_DOCX";
  public static final String SUSPICIOUS_ZIP = "TEMPLATE.SUSPICIOUS_ZIP";
  public static final String UNSUPPORTED_ZIP = "TEMPLATE.UNSUPPORTED_ZIP";
  public static final String CORRUPT = "TEMPLATE.CORRUPT";
  public static final String STYLE_CYCLE = "TEMPLATE.STYLE_CYCLE";
  public static final String SYNTAX = "TEMPLATE.SYNTAX";
  public static final String UNKNOWN_TAG = "TEMPLATE.UNKNOWN_TAG";
  public static final String BLOCK_NOT_ALONE = "TEMPLATE.BLOCK_NOT_ALONE";
  public static final String MISSING_CELL = "TEMPLATE.MISSING_CELL";
  public static final String UNUSED = "TEMPLATE.UNUSED";
  /** A DDE, DDEAUTO, INCLUDETEXT, INCLUDEPICTURE, LINK or IMPORT field: refused. */
  public static final String EXTERNAL_FIELD = "TEMPLATE.EXTERNAL_FIELD";
  /** A part nested deeper than any real document (issue 15: 5,000 nested tables): refused before any parsing. */
  public static final String TOO_DEEP = "TEMPLATE.TOO_DEEP";
  /**
   * A relationship that makes Word or LibreOffice fetch something when the report is opened or converted: a
   * linked (not embedded) image, a remote attached template, an OLE link, an altChunk. External hyperlinks are
   * fine. Refused.
   */
  public static final String EXTERNAL_RESOURCE = "TEMPLATE.EXTERNAL_RESOURCE";
  /** Tracked changes in a part that becomes the report: warned. */
  public static final String TRACKED_CHANGES = "TEMPLATE.TRACKED_CHANGES";
  /** A comments part: warned. */
  public static final String COMMENTS = "TEMPLATE.COMMENTS";

  private TemplateCodes() {}
}
