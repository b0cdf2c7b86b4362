package org.docmerge.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes {@code templates/gov-info-annual-2021/template.docx} as raw OOXML. Raw strings rather than docx4j
 * because the file must be reviewable as text and byte-stable: rerunning gives the same bytes, so a diff in git
 * means a real change. Layout lives in styles.xml (not direct formatting) so staff can restyle the report in
 * Word without touching the tags. Usage: {@code main(<output path>)}. Not thread-safe (a one-shot tool).
 */
public final class BuildAnnualTemplate2021 {
  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  /** Text width: A4 11906 twips minus left 2.8 cm (1587) and right 2.6 cm (1474). */
  static final int TEXT_WIDTH = 11906 - 1587 - 1474;

  private BuildAnnualTemplate2021() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BuildAnnualTemplate2021 <output.docx>");
    }
    Path out = Path.of(args[0]);
    Files.write(out, build());
  }

  /** The template's bytes. */
  public static byte[] build() throws IOException {
    return build(document());
  }

  /** A template's bytes around the given word/document.xml (shared with the 2019 format's generator). */
  static byte[] build(String documentXml) throws IOException {
    Map<String, String> parts = new LinkedHashMap<>();
    // [Content_Types].xml first: some readers sniff it from the first entry.
    parts.put("[Content_Types].xml", contentTypes());
    parts.put("_rels/.rels", rootRels());
    parts.put("docProps/core.xml", core());
    parts.put("docProps/app.xml", app());
    parts.put("word/document.xml", documentXml);
    parts.put("word/_rels/document.xml.rels", documentRels());
    parts.put("word/styles.xml", styles());
    parts.put("word/settings.xml", settings());
    parts.put("word/footer1.xml", footer());
    parts.put("word/fontTable.xml", fontTable());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : parts.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTimeLocal(LocalDateTime.of(2021, 1, 1, 0, 0));
        zip.putNextEntry(entry);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

  static String contentTypes() {
    return XML_DECL
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        + "</Types>";
  }

  static String rootRels() {
    return XML_DECL
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>";
  }

  static String documentRels() {
    return XML_DECL
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
        + "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
        + "</Relationships>";
  }

  static String core() {
    return XML_DECL
        + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<dc:title>政府信息公开工作年度报告</dc:title>"
        + "<dc:creator>docmerge</dc:creator>"
        + "</cp:coreProperties>";
  }

  static String app() {
    return XML_DECL
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>docmerge</Application></Properties>";
  }

  static String settings() {
    return XML_DECL
        + "<w:settings xmlns:w=\"" + W + "\">"
        + "<w:defaultTabStop w:val=\"420\"/>"
        + "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "</w:settings>";
  }

  static String fonts(String eastAsia) {
    return "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" + eastAsia
        + "\" w:cs=\"Times New Roman\"/>";
  }

  /** Every layout rule of §6 of the format doc, as named styles. */
  static String styles() {
    String noIndent = "<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/>";
    return XML_DECL
        + "<w:styles xmlns:w=\"" + W + "\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr>" + fonts("仿宋_GB2312")
        + "<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
        + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        // Normal: body text, 仿宋_GB2312 三号, fixed 28 pt line, first line indented 2 characters (640 twips for
        // readers that ignore firstLineChars, such as older LibreOffice).
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
        + "<w:pPr><w:widowControl w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/>"
        + "<w:ind w:firstLine=\"640\" w:firstLineChars=\"200\"/><w:jc w:val=\"both\"/></w:pPr>"
        + "<w:rPr>" + fonts("仿宋_GB2312") + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
        // Title: 方正小标宋简体 二号, centred, no indent.
        + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"700\" w:lineRule=\"exact\"/>"
        + noIndent + "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
        // The year's digits too: in Times New Roman they would look light beside the heavy title face.
        + "<w:rPr><w:rFonts w:ascii=\"方正小标宋简体\" w:hAnsi=\"方正小标宋简体\" w:eastAsia=\"方正小标宋简体\" w:cs=\"方正小标宋简体\"/>"
        + "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>"
        // 「一、」 headings: 黑体 三号, keep with the next paragraph so a heading never ends a page.
        + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr>"
        + "<w:rPr>" + fonts("黑体") + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
        // Table text: 仿宋_GB2312 五号, lines exactly 12 pt (a FangSong face's own single spacing is 1.5 lines and
        // table 三 would not fit one page), no indent, centred; not snapped to the 28 pt document grid, which
        // would make every table line 28 pt high.
        + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
        + "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"exact\"/>"
        + noIndent + "<w:jc w:val=\"center\"/></w:pPr>"
        + "<w:rPr>" + fonts("仿宋_GB2312") + "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr></w:style>"
        // Footer: page numbers 宋体 四号, centred.
        + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>" + noIndent
        + "<w:jc w:val=\"center\"/></w:pPr>"
        + "<w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\" w:cs=\"宋体\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
        + "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/></w:style>"
        // Report table: single borders, centred, narrow cell margins (widths: see table3Grid).
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/>"
        + "<w:pPr><w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>" + noIndent + "<w:jc w:val=\"center\"/></w:pPr>"
        + "<w:rPr><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr>"
        + "<w:tblPr><w:jc w:val=\"center\"/><w:tblBorders>"
        + border("top") + border("left") + border("bottom") + border("right") + border("insideH") + border("insideV")
        + "</w:tblBorders><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"" + CELL_MARGIN + "\" w:type=\"dxa\"/>"
        + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"" + CELL_MARGIN + "\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        + "<w:tcPr><w:vAlign w:val=\"center\"/></w:tcPr></w:style>"
        + "</w:styles>";
  }

  static String border(String side) {
    return "<w:" + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  }

  /**
   * The font table: the official names stay in the styles; {@code w:altName} tells Word and WPS which installed
   * face to use where the official one is missing (仿宋_GB2312 is not on Windows 10 and later, 仿宋 is), and the
   * charset/family/pitch let them pick a similar face otherwise. LibreOffice gets its substitutes from
   * render.LibreOfficeFonts instead.
   */
  static String fontTable() {
    return XML_DECL
        + "<w:fonts xmlns:w=\"" + W + "\">"
        + font("Times New Roman", null, "00", "roman", "variable", "02020603050405020304")
        + font("宋体", "SimSun", "86", "auto", "variable", "02010600030101010101")
        + font("仿宋_GB2312", "仿宋", "86", "modern", "fixed", "02010609030101010101")
        + font("方正小标宋简体", "宋体", "86", "script", "fixed", "02000000000000000000")
        + font("黑体", "SimHei", "86", "modern", "fixed", "02010609060101010101")
        + font("楷体_GB2312", "楷体", "86", "modern", "fixed", "02010609030101010101")
        + "</w:fonts>";
  }

  static String font(String name, String altName, String charset, String family, String pitch, String panose) {
    return "<w:font w:name=\"" + name + "\">" + (altName == null ? "" : "<w:altName w:val=\"" + altName + "\"/>")
        + "<w:panose1 w:val=\"" + panose + "\"/><w:charset w:val=\"" + charset + "\"/><w:family w:val=\"" + family
        + "\"/><w:pitch w:val=\"" + pitch + "\"/></w:font>";
  }

  static String footer() {
    return XML_DECL
        + "<w:ftr xmlns:w=\"" + W + "\" xmlns:r=\"" + R + "\">"
        + "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
        + "<w:r><w:t xml:space=\"preserve\">- </w:t></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        + "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        + "<w:r><w:t>1</w:t></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        + "<w:r><w:t xml:space=\"preserve\"> -</w:t></w:r>"
        + "</w:p></w:ftr>";
  }

  // ---------------------------------------------------------------- document

  static String p(String style, String text) {
    return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>" + runs(text) + "</w:p>";
  }

  /** Runs for a text; {@code \n} becomes a manual line break, as in the seed's narrow header cells. */
  static String runs(String text) {
    if (text.isEmpty()) {
      return "";
    }
    return "<w:r><w:t xml:space=\"preserve\">" + esc(text).replace("\n", "</w:t><w:br/><w:t xml:space=\"preserve\">")
        + "</w:t></w:r>";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ---------------------------------------------------------------- table layout
  // Widths come from the table text itself: 五号 (10.5 pt) is 210 twips per CJK character and 105 per digit of
  // Times New Roman (Liberation Serif, its metric twin, in LibreOffice). A column is its widest unbreakable text
  // plus the cell margins plus a little slack, so LibreOffice's and Word's rounding never push a character over.

  /** Cell margin, left and right, in twips (0.05 cm): the narrowest that keeps numbers off the borders. */
  static final int CELL_MARGIN = 30;
  static final int SLACK = 20;
  /** Table text line height: exactly 12 pt (see the Table Text style). */
  static final int LINE = 240;
  /** Widest number a table 三 cell must hold on one line: seven digits (a district's total, 1,000 times a unit's). */
  static final String WIDEST_NUMBER = "0000000";

  /** The width of one character of table text, in twips (LibreOffice sets 「“」「”」 full width, as CJK). */
  static int charWidth(char c) {
    if (c == '.') {
      return 53;
    }
    return c < 0x2000 ? 105 : 210;
  }

  /** The width of a line of table text, in twips. */
  static int textWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += charWidth(s.charAt(i));
    }
    return w;
  }

  /** The width of a cell that holds {@code line} on one line. */
  static int cellFor(String line) {
    return textWidth(line) + 2 * CELL_MARGIN + SLACK;
  }

  private static final String NO_LINE_START = "，、。：；）”";
  private static final String NO_LINE_END = "（“";

  /**
   * How many lines {@code s} takes in {@code width} twips, breaking as LibreOffice and Word do: anywhere between
   * CJK characters, but never before a closing mark (「，」「）」「”」) nor after an opening one.
   */
  static int lineCount(String s, int width) {
    int lines = 1;
    int current = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int w = charWidth(c);
      if (current + w <= width) {
        current += w;
        continue;
      }
      lines++;
      boolean carry = i > 0 && (NO_LINE_START.indexOf(c) >= 0 || NO_LINE_END.indexOf(s.charAt(i - 1)) >= 0);
      current = w + (carry ? charWidth(s.charAt(i - 1)) : 0);
    }
    return lines;
  }

  /**
   * Paragraph indents for a label that must wrap anyway: the narrowest width that still takes as few lines, so
   * the lines come out even (「2.其他法律行政 / 法规禁止公开」, not 「2.其他法律行政法规禁 / 止公开」). Empty when the
   * label fits one line.
   */
  static String balance(String text, int cellWidth) {
    int room = cellWidth - 2 * CELL_MARGIN - SLACK;
    int lines = lineCount(text, room);
    if (lines == 1 || text.contains("\n") || text.contains("{{")) {
      return "";
    }
    int narrow = room;
    while (narrow > 210 && lineCount(text, narrow - 10) == lines) {
      narrow -= 10;
    }
    // Half a character to spare: a model of line breaking, not LibreOffice's own, chose the width.
    int side = Math.max(0, (room - narrow - 105) / 2);
    return "<w:ind w:left=\"" + side + "\" w:right=\"" + side + "\" w:firstLine=\"0\" w:firstLineChars=\"0\"/>";
  }

  /** A table cell: span = gridSpan, vMerge = null / "restart" / "continue". */
  static String tc(int width, int span, String vMerge, String text) {
    return tc(width, span, vMerge, text, "", "");
  }

  /**
   * A table cell with extra cell properties ({@code w:textDirection}, schema order before {@code w:vAlign}) and
   * extra paragraph properties ({@code w:ind}).
   */
  static String tc(int width, int span, String vMerge, String text, String tcPr, String pPr) {
    StringBuilder sb = new StringBuilder("<w:tc><w:tcPr><w:tcW w:w=\"" + width + "\" w:type=\"dxa\"/>");
    if (span > 1) {
      sb.append("<w:gridSpan w:val=\"").append(span).append("\"/>");
    }
    if ("restart".equals(vMerge)) {
      sb.append("<w:vMerge w:val=\"restart\"/>");
    } else if ("continue".equals(vMerge)) {
      sb.append("<w:vMerge/>");
    }
    sb.append(tcPr).append("<w:vAlign w:val=\"center\"/></w:tcPr>");
    String indent = pPr.isEmpty() && tcPr.isEmpty() && !"continue".equals(vMerge) ? balance(text, width) : pPr;
    sb.append("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>").append(indent).append("</w:pPr>")
        .append(runs("continue".equals(vMerge) ? "" : text)).append("</w:p>");
    return sb.append("</w:tc>").toString();
  }

  /** A row that may stand alone at the foot of a page. */
  static String tr(boolean header, String cells) {
    return tr(header, false, cells);
  }

  /**
   * A row; {@code keep}: its paragraphs keep with the next row, so a caption, a header or a group of rows under
   * one merged label is never the last thing on a page (Word and LibreOffice honour keep-with-next in table rows).
   */
  static String tr(boolean header, boolean keep, String cells) {
    String c = keep ? cells.replace("<w:pStyle w:val=\"TableText\"/>", "<w:pStyle w:val=\"TableText\"/><w:keepNext/>") : cells;
    return "<w:tr><w:trPr><w:cantSplit/>" + (header ? "<w:tblHeader/>" : "") + "</w:trPr>" + c + "</w:tr>";
  }

  /**
   * Rows at least 16 pt high: tables 二 and 四 have room for more than table 三's exact 12 pt lines, which would
   * set their text against the borders.
   */
  static String roomy(String rows) {
    return rows.replace("<w:cantSplit/>", "<w:cantSplit/><w:trHeight w:val=\"320\" w:hRule=\"atLeast\"/>");
  }

  /** The row with a minimum height in twips. */
  static String atLeast(int twips, String row) {
    if (twips == 0) {
      return row;
    }
    return row.replaceFirst("<w:cantSplit/>", "<w:cantSplit/><w:trHeight w:val=\"" + twips + "\" w:hRule=\"atLeast\"/>");
  }

  static String tbl(int[] grid, String rows) {
    StringBuilder sb = new StringBuilder("<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/>");
    int total = 0;
    for (int g : grid) {
      total += g;
    }
    sb.append("<w:tblW w:w=\"").append(total).append("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>")
        .append("<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>");
    for (int g : grid) {
      sb.append("<w:gridCol w:w=\"").append(g).append("\"/>");
    }
    return sb.append("</w:tblGrid>").append(rows).append("</w:tbl>").toString();
  }

  static int sum(int[] a, int from, int to) {
    int s = 0;
    for (int i = from; i < to; i++) {
      s += a[i];
    }
    return s;
  }

  static String tag(String name) {
    return "{{" + name + "}}";
  }

  /** Table 二's grid: three value columns of equal width, the label column takes the rest of the text width. */
  static int[] table2Grid() {
    int value = 2000;
    return new int[] {TEXT_WIDTH - 3 * value, value, value, value};
  }

  static String table2() {
    int[] g = table2Grid();
    int all = sum(g, 0, 4);
    int three = sum(g, 1, 4);
    StringBuilder rows = new StringBuilder();
    // Each block (caption, header, rows) keeps together: a caption never ends a page.
    // Block 1: three value columns.
    rows.append(tr(false, true, tc(all, 4, null, "第二十条第（一）项")));
    rows.append(tr(false, true, tc(g[0], 1, null, "信息内容") + tc(g[1], 1, null, "本年制发件数")
        + tc(g[2], 1, null, "本年废止件数") + tc(g[3], 1, null, "现行有效件数")));
    String[][] first = {{"rules", "规章"}, {"normative", "行政规范性文件"}};
    for (int i = 0; i < first.length; i++) {
      String[] r = first[i];
      rows.append(tr(false, i < first.length - 1, tc(g[0], 1, null, r[1]) + tc(g[1], 1, null, tag("t2." + r[0] + ".issued"))
          + tc(g[2], 1, null, tag("t2." + r[0] + ".repealed")) + tc(g[3], 1, null, tag("t2." + r[0] + ".valid"))));
    }
    // Blocks 2-4: one value column whose label spans the three grid columns.
    Object[][] blocks = {
      {"第二十条第（五）项", "本年处理决定数量", "decisions", new String[][] {{"license", "行政许可"}}},
      {"第二十条第（六）项", "本年处理决定数量", "decisions", new String[][] {{"penalty", "行政处罚"}, {"coercion", "行政强制"}}},
      {"第二十条第（八）项", "本年收费金额（单位：万元）", "amount", new String[][] {{"fees", "行政事业性收费"}}},
    };
    for (Object[] b : blocks) {
      rows.append(tr(false, true, tc(all, 4, null, (String) b[0])));
      rows.append(tr(false, true, tc(g[0], 1, null, "信息内容") + tc(three, 3, null, (String) b[1])));
      String[][] rs = (String[][]) b[3];
      for (int i = 0; i < rs.length; i++) {
        rows.append(tr(false, i < rs.length - 1, tc(g[0], 1, null, rs[i][1]) + tc(three, 3, null, tag("t2." + rs[i][0] + "." + b[2]))));
      }
    }
    return tbl(g, roomy(rows.toString()));
  }

  static final List<String> T3_COLUMNS = List.of("natural", "commercial", "research", "nonprofit", "legal", "other", "total");

  static String values3(int[] g, String row) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      sb.append(tc(g[3 + i], 1, null, tag("t3." + row + "." + T3_COLUMNS.get(i))));
    }
    return sb.toString();
  }

  static String table3() {
    return table3(true);
  }

  /**
   * The tall merged labels (「三、本年度办理结果」 over 22 rows, 「（三）不予公开」 over 8) run top to bottom, CJK
   * upright, in columns one line wide: set across, they took the item labels' width and wrapped into 3–5 lines.
   */
  static final String VERTICAL = "<w:textDirection w:val=\"tbRl\"/>";

  /**
   * Table 三's grid, from its text: seven value columns that hold {@link #WIDEST_NUMBER}; the two merged label
   * columns set vertically, one line wide; the item labels take the rest, which holds most of them
   * (「1.属于国家秘密」 … 「8.属于行政查询事项」) on one line and the others on two, so the whole table fits one
   * page.
   */
  static int[] table3Grid() {
    int value = cellFor(WIDEST_NUMBER);
    int vertical = 2 * 210;
    int item = TEXT_WIDTH - 2 * vertical - 7 * value;
    if (item < cellFor("2.其他法律行政法规")) {
      throw new IllegalStateException("table 三 does not fit the text width: item column " + item);
    }
    int[] g = new int[10];
    g[0] = vertical;
    g[1] = vertical;
    g[2] = item;
    java.util.Arrays.fill(g, 3, 10, value);
    return g;
  }

  /**
   * Table 三. {@code otherSubRows}: the 2021 format splits 「（六）其他处理」 into three rows; the 2019 format has
   * it as one row, so 三、本年度办理结果 then merges over 20 rows instead of 22. Every row but the last keeps with
   * the next: the table (under one page long) moves whole to the next page rather than leave a merged label
   * empty on a continuation page.
   */
  static String table3(boolean otherSubRows) {
    int[] g = table3Grid();
    int labels = sum(g, 0, 3);
    String note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    StringBuilder rows = new StringBuilder();
    rows.append(tr(true, true, tc(labels, 3, "restart", note) + tc(sum(g, 3, 10), 7, null, "申请人情况")));
    rows.append(tr(true, true, tc(labels, 3, "continue", "") + tc(g[3], 1, "restart", "自然人")
        + tc(sum(g, 4, 9), 5, null, "法人或其他组织") + tc(g[9], 1, "restart", "总计")));
    rows.append(tr(true, true, tc(labels, 3, "continue", "") + tc(g[3], 1, "continue", "")
        + tc(g[4], 1, null, "商业\n企业") + tc(g[5], 1, null, "科研\n机构") + tc(g[6], 1, null, "社会公益组织")
        + tc(g[7], 1, null, "法律服务机构") + tc(g[8], 1, null, "其他") + tc(g[9], 1, "continue", "")));
    for (String[] r : new String[][] {{"new", "一、本年新收政府信息公开申请数量"}, {"carried", "二、上年结转政府信息公开申请数量"}}) {
      rows.append(tr(false, true, tc(labels, 3, null, r[1]) + values3(g, r[0])));
    }
    String[][] groups = {
      {"（三）不予公开", "deny", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"},
      {"（四）无法提供", "unable", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"},
      {"（五）不予处理", "reject", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息"},
      {"（六）其他处理", "otherproc", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"},
    };
    int two = sum(g, 1, 3);
    // 三、本年度办理结果 is merged vertically over its 22 rows; the first row restarts the merge.
    rows.append(tr(false, true, tc(g[0], 1, "restart", "三、本年度办理结果", VERTICAL, "") + tc(two, 2, null, "（一）予以公开") + values3(g, "open")));
    rows.append(tr(false, true, tc(g[0], 1, "continue", "", VERTICAL, "") + tc(two, 2, null, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
        + values3(g, "partial")));
    for (String[] grp : groups) {
      if (!otherSubRows && grp[1].equals("otherproc")) {
        rows.append(tr(false, true, tc(g[0], 1, "continue", "", VERTICAL, "") + tc(two, 2, null, grp[0]) + values3(g, grp[1])));
        continue;
      }
      // A merged cell does not grow its rows: where the items' own lines are shorter than the vertical group
      // label, each row gets an even share of the difference as its minimum height.
      int need = textWidth(grp[0]) + 4 * CELL_MARGIN;
      int have = 0;
      for (int i = 2; i < grp.length; i++) {
        have += LINE * lineCount(grp[i], g[2] - 2 * CELL_MARGIN - SLACK);
      }
      int extra = Math.max(0, (need - have + grp.length - 3) / (grp.length - 2));
      for (int i = 2; i < grp.length; i++) {
        int height = extra == 0 ? 0 : LINE * lineCount(grp[i], g[2] - 2 * CELL_MARGIN - SLACK) + extra;
        rows.append(atLeast(height, tr(false, true, tc(g[0], 1, "continue", "", VERTICAL, "")
            + tc(g[1], 1, i == 2 ? "restart" : "continue", grp[0], VERTICAL, "")
            + tc(g[2], 1, null, grp[i]) + values3(g, grp[1] + (i - 1)))));
      }
    }
    rows.append(tr(false, true, tc(g[0], 1, "continue", "", VERTICAL, "") + tc(two, 2, null, "（七）总计") + values3(g, "total")));
    rows.append(tr(false, false, tc(labels, 3, null, "四、结转下年度继续办理") + values3(g, "carryover")));
    return tbl(g, rows.toString());
  }

  static String table4() {
    // Fifteen equal columns: five digits fit each (review and litigation cases are counted in the tens).
    int[] g = new int[15];
    java.util.Arrays.fill(g, TEXT_WIDTH / 15);
    String[] groups = {"review", "direct", "after"};
    String[] cols = {"upheld", "corrected", "other", "pending", "total"};
    StringBuilder rows = new StringBuilder();
    rows.append(tr(true, true, tc(sum(g, 0, 5), 5, null, "行政复议") + tc(sum(g, 5, 15), 10, null, "行政诉讼")));
    String[] reviewHeads = {"结果维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"};
    StringBuilder r2 = new StringBuilder();
    StringBuilder r3 = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      r2.append(tc(g[i], 1, "restart", reviewHeads[i]));
      r3.append(tc(g[i], 1, "continue", ""));
    }
    r2.append(tc(sum(g, 5, 10), 5, null, "未经复议直接起诉")).append(tc(sum(g, 10, 15), 5, null, "复议后起诉"));
    String[] suitHeads = {"结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"};
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < 5; i++) {
        r3.append(tc(g[5 + 5 * k + i], 1, null, suitHeads[i]));
      }
    }
    rows.append(tr(true, true, r2.toString())).append(tr(true, true, r3.toString()));
    StringBuilder values = new StringBuilder();
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 5; i++) {
        values.append(tc(g[5 * k + i], 1, null, tag("t4.count." + groups[k] + "_" + cols[i])));
      }
    }
    rows.append(tr(false, values.toString()));
    return tbl(g, roomy(rows.toString()));
  }

  static String document() {
    return document(table2(), table3(true));
  }

  /** A heading that follows a table: half a line of space between the table's last border and the heading. */
  static String afterTable(String text) {
    return "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:spacing w:before=\"280\"/></w:pPr>" + runs(text) + "</w:p>";
  }

  /** The report body around its tables 二 and 三 (table 四 is the same in both formats). */
  static String document(String table2, String table3) {
    StringBuilder body = new StringBuilder();
    body.append(p("Title", "{{year}}年政府信息公开工作年度报告"));
    body.append(p("Title", "（{{agency}}）"));
    body.append(p("Normal", "{{intro}}"));
    body.append(p("Heading1", "一、总体情况"));
    for (String s : List.of("overview", "active", "request", "management", "platform", "supervision")) {
      body.append(p("Normal", tag(s)));
    }
    body.append(p("Heading1", "二、主动公开政府信息情况")).append(table2);
    body.append(afterTable("三、收到和处理政府信息公开申请情况")).append(table3);
    body.append(afterTable("四、政府信息公开行政复议、行政诉讼情况")).append(table4());
    body.append(afterTable("五、存在的主要问题及改进情况")).append(p("Normal", "{{problems}}"));
    body.append(p("Heading1", "六、其他需要报告的事项")).append(p("Normal", "{{other}}"));
    // Margins per GB/T 9704 habit: 上3.7 下3.5 左2.8 右2.6 cm, in twips.
    body.append("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
        + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        + "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"1304\" w:gutter=\"0\"/>"
        + "<w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"560\"/></w:sectPr>");
    return XML_DECL + "<w:document xmlns:w=\"" + W + "\" xmlns:r=\"" + R + "\"><w:body>" + body + "</w:body></w:document>";
  }
}
