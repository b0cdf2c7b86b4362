package org.docmerge.template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string-level edits a render makes beyond its tags: document properties, and the marks of a draft.
 * Works on the serialised parts the template compiler produced (or the template's raw bytes), so it needs no
 * XML parser per document. Stateless.
 */
final class Extra {
  private static final String CORE = "docProps/core.xml";
  private static final Pattern FOOTER = Pattern.compile("word/footer\\d*\\.xml");
  private static final String DRAFT = "草稿";
  private static final String DRAFT_RUN =
      "<w:r><w:rPr><w:rFonts w:ascii=\"黑体\" w:eastAsia=\"黑体\" w:hAnsi=\"黑体\"/><w:b/><w:color w:val=\"C00000\"/>"
          + "</w:rPr><w:t xml:space=\"preserve\">【" + DRAFT + "，不得发布】 </w:t></w:r>";

  /**
   * Put before a faulty value in a draft; never written out. An XML comment cannot come out of a value (whose
   * {@code <} is escaped), so it marks only what the renderer put there.
   */
  static final String FAULTY = "<!--docmerge:faulty-->";
  /** The shading of a faulty cell: light red, as in the workbook's ✗ cells. */
  private static final String SHADE = "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFC7CE\"/>";
  /** tcPr children that come after {@code w:shd} in the schema's order. */
  private static final Pattern AFTER_SHADE =
      Pattern.compile("<w:(?:noWrap|tcMar|textDirection|tcFitText|vAlign|hideMark|headers|cellIns|cellDel|cellMerge|tcPrChange)[\\s/>]");
  /** A problem-list paragraph: left-aligned (justified text spread a short line apart), hanging indent. */
  private static final String PROBLEM_PPR = "<w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"400\" w:lineRule=\"exact\"/>"
      + "<w:ind w:left=\"480\" w:hanging=\"480\" w:firstLineChars=\"0\"/><w:jc w:val=\"left\"/>"
      + "<w:rPr><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:pPr>";

  private Extra() {}

  /** The bytes of one zip entry after the extras. {@code xml} is the rendered part, or null when it has no tags. */
  static byte[] apply(String entry, String xml, byte[] raw, PreparedTemplate.Extras extras) {
    boolean draft = extras.draftProblems() != null;
    boolean touched = entry.equals(CORE) && (extras.title() != null || extras.author() != null)
        || draft && (entry.equals("word/document.xml") || FOOTER.matcher(entry).matches())
        || xml != null && xml.contains(FAULTY);
    if (!touched) {
      return xml != null ? xml.getBytes(StandardCharsets.UTF_8) : raw;
    }
    String s = xml != null ? xml : new String(raw, StandardCharsets.UTF_8);
    if (entry.equals(CORE)) {
      s = property(s, "dc:title", extras.title());
      s = property(s, "dc:creator", extras.author());
    } else if (entry.equals("word/document.xml")) {
      s = draftDocument(s, extras.draftProblems());
    } else if (draft && FOOTER.matcher(entry).matches()) {
      s = markFirstParagraph(s.replace(FAULTY, ""));
    } else {
      s = s.replace(FAULTY, ""); // a value tag outside the body (a header): no cell to shade
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String property(String core, String element, String value) {
    if (value == null) {
      return core;
    }
    String escaped = escape(value);
    Matcher m = Pattern.compile("<" + element + "(?:\\s[^>]*)?(?:/>|>.*?</" + element + ">)", Pattern.DOTALL)
        .matcher(core);
    String replacement = Matcher.quoteReplacement("<" + element + ">" + escaped + "</" + element + ">");
    if (m.find()) {
      return m.replaceFirst(replacement);
    }
    int end = core.lastIndexOf("</cp:coreProperties>");
    return end < 0 ? core : core.substring(0, end) + "<" + element + ">" + escaped + "</" + element + ">" + core.substring(end);
  }

  /** A red 「草稿」 banner before the first paragraph, and the problem list before the body's final sectPr. */
  /** Shades each table cell holding a {@link #FAULTY} mark, and drops the marks. */
  static String shadeFaultyCells(String xml) {
    StringBuilder out = new StringBuilder(xml.length() + 1024);
    int from = 0;
    int at;
    while ((at = xml.indexOf(FAULTY, from)) >= 0) {
      int cell = Math.max(xml.lastIndexOf("<w:tc>", at), xml.lastIndexOf("<w:tc ", at));
      if (cell >= from && cell > xml.lastIndexOf("</w:tc>", at)) {
        int open = cell + xml.substring(cell).indexOf('>') + 1;
        out.append(xml, from, open);
        String head = xml.substring(open, at);
        if (head.startsWith("<w:tcPr/>")) {
          head = "<w:tcPr>" + SHADE + "</w:tcPr>" + head.substring("<w:tcPr/>".length());
        } else if (head.startsWith("<w:tcPr")) {
          head = shaded(head);
        } else {
          head = "<w:tcPr>" + SHADE + "</w:tcPr>" + head;
        }
        out.append(head);
      } else {
        out.append(xml, from, at); // not in a table cell (or its cell was shaded already): nothing to shade
      }
      from = at + FAULTY.length();
    }
    return out.append(xml, from, xml.length()).toString();
  }

  /** {@code cellStart} (from its tcPr on) with the shading in the tcPr, replacing any shading there. */
  private static String shaded(String cellStart) {
    int end = cellStart.indexOf("</w:tcPr>");
    String pr = cellStart.substring(0, end).replaceAll("<w:shd\\b[^>]*/>", "");
    Matcher m = AFTER_SHADE.matcher(pr);
    pr = m.find() ? pr.substring(0, m.start()) + SHADE + pr.substring(m.start()) : pr + SHADE;
    return pr + cellStart.substring(end);
  }

  private static String draftDocument(String marked, List<String> problems) {
    String xml = shadeFaultyCells(marked);
    int body = xml.indexOf("<w:body>");
    if (body < 0) {
      return xml;
    }
    StringBuilder banner = new StringBuilder("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>").append(DRAFT_RUN)
        .append(run("本稿存在 " + problems.size() + " 个问题，仅供内部核对，问题清单见文末。")).append("</w:p>");
    String out = xml.substring(0, body + 8) + banner + xml.substring(body + 8);
    StringBuilder list = new StringBuilder("<w:p><w:pPr><w:pageBreakBefore/></w:pPr>")
        .append(DRAFT_RUN).append(run("问题清单（共 " + problems.size() + " 个）")).append("</w:p>");
    for (String p : problems) {
      list.append("<w:p>").append(PROBLEM_PPR).append(smallRun(p)).append("</w:p>");
    }
    int sect = out.lastIndexOf("<w:sectPr");
    int end = out.lastIndexOf("</w:body>");
    // the body's own sectPr follows its last paragraph and table; one inside a paragraph's pPr does not
    int at = sect > out.lastIndexOf("</w:p>") && sect > out.lastIndexOf("</w:tbl>") ? sect : end;
    if (at < 0) {
      return out;
    }
    return out.substring(0, at) + list + out.substring(at);
  }

  /** 「草稿」 at the start of the footer's first paragraph, so every page carries it. */
  private static String markFirstParagraph(String xml) {
    Matcher m = Pattern.compile("<w:p(?:\\s[^>]*)?>(?:<w:pPr>.*?</w:pPr>|<w:pPr/>)?", Pattern.DOTALL).matcher(xml);
    if (!m.find()) {
      return xml;
    }
    return xml.substring(0, m.end()) + DRAFT_RUN + xml.substring(m.end());
  }

  /** A run in 小四 (12 pt): the problem list is for checking, and its long lines read better smaller. */
  private static String smallRun(String text) {
    StringBuilder sb = new StringBuilder("<w:r><w:rPr><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">");
    PreparedTemplate.appendText(sb, text);
    return sb.append("</w:t></w:r>").toString();
  }

  private static String run(String text) {
    StringBuilder sb = new StringBuilder("<w:r><w:t xml:space=\"preserve\">");
    PreparedTemplate.appendText(sb, text);
    return sb.append("</w:t></w:r>").toString();
  }

  private static String escape(String value) {
    StringBuilder sb = new StringBuilder();
    PreparedTemplate.appendOneLine(sb, value);
    return sb.toString();
  }
}
