package org.docmerge.template;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.SafeText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a template must not pass on to every report, checked on its raw parts (issue 15): XML nested deeper than
 * any real document (a 5,000-deep table took minutes and then overflowed the stack), field instructions that
 * fetch or run something outside the document even when Word split them over several runs, and relationships
 * that make Word or LibreOffice fetch a file or a URL when the report is opened or converted. Stateless.
 */
final class RiskyParts {
  /**
   * Element depth of any XML part. A real report is under 40 deep (body, a table in a table, a text box, runs);
   * each table level adds three (tbl, tr, tc), so this still allows about 80 nested tables.
   */
  static final int MAX_DEPTH = 256;

  /** Field instructions that fetch or run something outside the document when the report is opened. */
  static final Pattern EXTERNAL_FIELD =
      Pattern.compile("^\\s*(DDEAUTO|DDE|INCLUDETEXT|INCLUDEPICTURE|LINK|IMPORT|INCLUDE)\\b", Pattern.CASE_INSENSITIVE);

  private static final String PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

  private RiskyParts() {}

  /** The first XML part nested deeper than {@link #MAX_DEPTH}, or null; streaming, linear, no recursion. */
  static String tooDeep(Map<String, byte[]> parts) {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    for (var e : parts.entrySet()) {
      if (!(e.getKey().endsWith(".xml") || e.getKey().endsWith(".rels"))) {
        continue;
      }
      try {
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(e.getValue()));
        int depth = 0;
        while (r.hasNext()) {
          int ev = r.next();
          if (ev == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
            return e.getKey();
          } else if (ev == XMLStreamConstants.END_ELEMENT) {
            depth--;
          }
        }
      } catch (Exception | StackOverflowError notOurs) {
        // a part that does not parse is judged by the later checks (TEMPLATE.CORRUPT)
      }
    }
    return null;
  }

  /**
   * Every field instruction of a part: simple fields' {@code w:instr}, and each complex field's
   * {@code w:instrText} joined across runs from its {@code begin} to its {@code separate} (or {@code end}),
   * nested fields separately. One pass in document order.
   */
  static List<String> instructions(Document dom) {
    final class Open {
      final StringBuilder code = new StringBuilder();
      boolean inResult;
    }
    List<String> out = new ArrayList<>();
    Deque<Open> open = new ArrayDeque<>();
    for (Element e : Xml.all(dom, "*")) {
      switch (e.getLocalName()) {
        case "fldSimple" -> out.add(e.getAttributeNS(Xml.W, "instr"));
        case "fldChar" -> {
          String type = e.getAttributeNS(Xml.W, "fldCharType");
          if ("begin".equals(type)) {
            open.push(new Open());
          } else if ("separate".equals(type) && !open.isEmpty() && !open.peek().inResult) {
            out.add(open.peek().code.toString());
            open.peek().inResult = true;
          } else if ("end".equals(type) && !open.isEmpty()) {
            Open f = open.pop();
            if (!f.inResult) {
              out.add(f.code.toString());
            }
          }
        }
        case "instrText" -> {
          if (open.isEmpty()) {
            out.add(e.getTextContent()); // an instruction without its begin: judged alone
          } else if (!open.peek().inResult) {
            open.peek().code.append(e.getTextContent());
          }
        }
        default -> { }
      }
    }
    open.forEach(f -> out.add(f.code.toString())); // a field never closed is still judged
    return out;
  }

  /**
   * Relationships that fetch something: any {@code TargetMode="External"} relationship except a hyperlink (a
   * link is followed only when clicked) — linked images, an attached template on a server, OLE links, frames,
   * subdocuments — and every {@code altChunk} (imported HTML, RTF or another .docx, which may load remote
   * images). Each becomes a {@code TEMPLATE.EXTERNAL_RESOURCE} error.
   */
  static void externalResources(ZipScan.Contents zip, String name, Diagnostics d) throws Exception {
    for (String entry : zip.names()) {
      if (!entry.endsWith(".rels")) {
        continue;
      }
      Document rels = Xml.parse(zip.bytes().get(entry));
      var list = rels.getElementsByTagNameNS(PKG_RELS, "Relationship");
      for (int i = 0; i < list.getLength(); i++) {
        Element r = (Element) list.item(i);
        String type = r.getAttribute("Type");
        String shortType = type.substring(type.lastIndexOf('/') + 1);
        boolean external = "External".equalsIgnoreCase(r.getAttribute("TargetMode").strip());
        String target = SafeText.oneLine(r.getAttribute("Target"));
        if (target.length() > 120) {
          target = target.substring(0, 120) + "…";
        }
        String part = owner(entry);
        if (shortType.equals("aFChunk")) {
          d.error(TemplateCodes.EXTERNAL_RESOURCE, Location.detail(name, part), "模板的 " + part + " 中嵌入了外部格式的内容块（altChunk："
              + target + "），Word 打开报告时才会导入它，其中的图片等可能从网络读取，PDF 中也不会出现。"
              + "请在 Word 中打开模板，复制全部内容粘贴到新文档后另存为 .docx。");
        } else if (external && !shortType.equals("hyperlink")) {
          d.error(TemplateCodes.EXTERNAL_RESOURCE, Location.detail(name, part), "模板的 " + part + " 引用了外部资源「" + target
              + "」（" + describe(shortType) + "），打开或转换报告时会从网络或其他文件读取。"
              + "请在 Word 中删除它，或改为嵌入（图片：「插入 → 图片」而不是「链接到文件」；模板：「开发工具 → 文档模板」中去掉）。");
        }
      }
    }
  }

  /** word/_rels/document.xml.rels → word/document.xml; _rels/.rels → 包. */
  private static String owner(String relsEntry) {
    String s = relsEntry.replace("_rels/", "");
    s = s.endsWith(".rels") ? s.substring(0, s.length() - 5) : s;
    return s.isEmpty() ? "包关系" : s;
  }

  private static String describe(String type) {
    return switch (type) {
      case "image" -> "链接的图片";
      case "attachedTemplate" -> "附加的模板";
      case "oleObject" -> "链接的对象";
      case "subDocument" -> "子文档";
      case "frame" -> "框架";
      default -> type;
    };
  }

  /**
   * H46: what a template must not pass on to every report. A field that pulls in other files or runs DDE is
   * refused ({@code TEMPLATE.EXTERNAL_FIELD}); tracked changes and comments would be published with the
   * report, so they are warned about ({@code TEMPLATE.TRACKED_CHANGES}, {@code TEMPLATE.COMMENTS}).
   */
  static void check(ZipScan.Contents zip, Map<String, String> parts, Map<String, String> rels,
      String name, Diagnostics d) throws Exception {
    // Fields in any other story part (footnotes, endnotes, comments, glossary) reach the report too.
    Map<String, String> withFields = new LinkedHashMap<>(parts);
    for (String entry : zip.names()) {
      if (!withFields.containsKey(entry) && entry.endsWith(".xml")) {
        String text = new String(zip.bytes().get(entry), java.nio.charset.StandardCharsets.UTF_8);
        if (text.contains("instrText") || text.contains("fldSimple")) {
          withFields.put(entry, entry);
        }
      }
    }
    for (var part : withFields.entrySet()) {
      Document dom = Xml.parse(zip.bytes().get(part.getKey()));
      Location at = Location.detail(name, part.getValue());
      for (String instr : RiskyParts.instructions(dom)) {
        if (instr != null && RiskyParts.EXTERNAL_FIELD.matcher(instr).find()) {
          d.error(TemplateCodes.EXTERNAL_FIELD, at, "模板的" + part.getValue() + "中有引用外部内容的域「"
              + instr.strip().split("\\s+")[0] + "」，打开报告时会读取其他文件或运行程序。请在 Word 中删除这个域（Alt+F9 可显示域代码）。");
          break;
        }
      }
      if (parts.containsKey(part.getKey()) && (!Xml.all(dom, "ins").isEmpty() || !Xml.all(dom, "del").isEmpty())) {
        d.warning(TemplateCodes.TRACKED_CHANGES, at, "模板的" + part.getValue() + "中有未接受的修订，会随报告一起发布。"
            + "请在 Word 中「审阅 → 接受所有修订」后保存模板。");
      }
    }
    RiskyParts.externalResources(zip, name, d);
    if (rels.values().stream().anyMatch(t -> t.endsWith("/comments"))) {
      d.warning(TemplateCodes.COMMENTS, Location.file(name), "模板中有批注，会随报告一起发布。请在 Word 中「审阅 → 删除所有批注」后保存模板。");
    }
  }
}
