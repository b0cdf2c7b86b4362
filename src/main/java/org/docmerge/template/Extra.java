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

  private Extra() {}

  /** The bytes of one zip entry after the extras. {@code xml} is the rendered part, or null when it has no tags. */
  static byte[] apply(String entry, String xml, byte[] raw, PreparedTemplate.Extras extras) {
    boolean draft = extras.draftProblems() != null;
    boolean touched = entry.equals(CORE) && (extras.title() != null || extras.author() != null)
        || draft && (entry.equals("word/document.xml") || FOOTER.matcher(entry).matches());
    if (!touched) {
      return xml != null ? xml.getBytes(StandardCharsets.UTF_8) : raw;
    }
    String s = xml != null ? xml : new String(raw, StandardCharsets.UTF_8);
    if (entry.equals(CORE)) {
      s = property(s, "dc:title", extras.title());
      s = property(s, "dc:creator", extras.author());
    } else if (entry.equals("word/document.xml")) {
      s = draftDocument(s, extras.draftProblems());
    } else {
      s = markFirstParagraph(s);
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
  private static String draftDocument(String xml, List<String> problems) {
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
      list.append("<w:p>").append(run(p)).append("</w:p>");
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
