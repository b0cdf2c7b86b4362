package org.docmerge.template;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.diag.Technical;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.JaxbXmlPart;
import org.docx4j.openpackaging.parts.Part;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The first step of compiling a template: open its package and prove it sound before any tag is looked at. The
 * zip is pre-scanned and unpacked ({@link ZipScan}), parts nested absurdly deep are refused before any DOM is
 * built, the main part must be a plain .docx (not .docm, .dotx or another Office file), the styles must not
 * inherit in a cycle (docx4j overflows the stack on one), and docx4j must load the package with every XML part
 * present. The result names the parts that may hold tags: the main document, its headers and its footers.
 * Stateless; thread-safe.
 *
 * @param zip the unpacked entries
 * @param mainPart the main document's entry name
 * @param rels the main part's internal relationships: entry name → relationship type
 * @param tagged the parts that may hold tags, in order (main document, headers, footers): entry name → the name
 *     staff read in a location (正文, 页眉(header1.xml), …)
 */
record TemplatePackage(ZipScan.Contents zip, String mainPart, Map<String, String> rels, Map<String, String> tagged) {
  static final String MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  private static final String PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

  /** Opens and checks the package; fails with the first reason it is not a sound, plain .docx. */
  static Result<TemplatePackage> open(byte[] docx, String name) throws Exception {
    Location file = Location.file(name);
    Result<ZipScan.Contents> scanned = ZipScan.scan(docx, name);
    if (scanned.value().isEmpty()) {
      return Result.failed(scanned.diagnostics());
    }
    ZipScan.Contents zip = scanned.get();
    // Before any DOM, docx4j or recursion: a part nested thousands deep took minutes, then overflowed the stack.
    String deep = RiskyParts.tooDeep(zip.bytes());
    if (deep != null) {
      return Result.failed(Diagnostic.error(TemplateCodes.TOO_DEEP, Location.detail(name, deep),
          "模板的 " + deep + " 嵌套超过 " + RiskyParts.MAX_DEPTH + " 层（例如表格套表格上百层），正常的文档不会这样。"
              + "请检查模板是否被其他程序生成或篡改，在 Word 中删除多余的嵌套表格后重新保存。"));
    }

    // Which part is the main document, and is it a plain .docx (not .docm, .dotx, .xlsx)?
    String mainPart;
    Map<String, String> rels;
    try {
      mainPart = mainPart(zip);
      String type = mainPart == null ? null : contentType(zip, mainPart);
      if (type == null || !type.equals(MAIN_TYPE)) {
        return Result.failed(Diagnostic.error(TemplateCodes.NOT_DOCX, file,
            "模板不是普通的 Word 文档（.docx），而是" + describe(type) + "。请在 Word 中另存为「Word 文档（*.docx）」。"));
      }
      if (!zip.bytes().containsKey(mainPart)) {
        return Result.failed(Diagnostic.error(TemplateCodes.CORRUPT, file, "模板缺少正文部分 " + mainPart + "。请在 Word 中重新保存。"));
      }
      rels = relationships(zip, mainPart);
    } catch (Exception e) {
      return Result.failed(Diagnostic.error(TemplateCodes.CORRUPT, file,
          "模板的包结构无法解析。请在 Word 中打开并重新保存。" + Technical.of(e)));
    }

    // Style cycles first: docx4j 11.5.13 overflows the stack resolving a cyclic w:basedOn (CVE-2026-53752).
    for (var rel : rels.entrySet()) {
      if (rel.getValue().endsWith("/styles") && zip.bytes().containsKey(rel.getKey())) {
        String cycle = styleCycle(Xml.parse(zip.bytes().get(rel.getKey())));
        if (cycle != null) {
          return Result.failed(Diagnostic.error(TemplateCodes.STYLE_CYCLE, Location.detail(name, "样式"),
              "模板的样式互相继承成环（" + cycle + "），Word 之外的程序会因此崩溃。请在 Word 的「样式」窗格中修改这些样式的「样式基于」。"));
        }
      }
    }

    Result<Void> loaded = loadWithDocx4j(docx, name);
    if (loaded != null) {
      return Result.failed(loaded.diagnostics());
    }
    return Result.of(new TemplatePackage(zip, mainPart, rels, taggedParts(zip, mainPart, rels)), List.of());
  }

  /** The parts that may hold tags: the main document, then its headers and footers. */
  private static Map<String, String> taggedParts(ZipScan.Contents zip, String mainPart, Map<String, String> rels) {
    Map<String, String> tagged = new LinkedHashMap<>();
    tagged.put(mainPart, "正文");
    for (var rel : rels.entrySet()) {
      String short_ = rel.getKey().substring(rel.getKey().lastIndexOf('/') + 1);
      if (rel.getValue().endsWith("/header") && zip.bytes().containsKey(rel.getKey())) {
        tagged.put(rel.getKey(), "页眉(" + short_ + ")");
      } else if (rel.getValue().endsWith("/footer") && zip.bytes().containsKey(rel.getKey())) {
        tagged.put(rel.getKey(), "页脚(" + short_ + ")");
      }
    }

    return tagged;
  }

  /** docx4j's own verdict on the package; null when it loaded with every XML part present. */
  private static Result<Void> loadWithDocx4j(byte[] docx, String name) {
    WordprocessingMLPackage pkg;
    try {
      pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(docx));
    } catch (Exception | LinkageError | StackOverflowError e) {
      return Result.failed(Diagnostic.error(TemplateCodes.CORRUPT, Location.file(name),
          "Word 文档库无法读取模板。请在 Word 中打开并重新保存。" + Technical.of(e)));
    }
    // docx4j only logs XXE / billion-laughs failures and leaves the part's content null.
    for (Part part : pkg.getParts().getParts().values()) {
      if (part instanceof JaxbXmlPart<?> jp && jp.getJaxbElement() == null) {
        return Result.failed(Diagnostic.error(TemplateCodes.CORRUPT, Location.detail(name, part.getPartName().getName()),
            "模板的部件 " + part.getPartName().getName() + " 无法解析（可能含有 DOCTYPE 或外部实体，或已损坏）。请在 Word 中另存为新的 .docx。"));
      }
    }
    return null;
  }

  private static String mainPart(ZipScan.Contents zip) throws Exception {
    byte[] rels = zip.bytes().get("_rels/.rels");
    if (rels == null) {
      return null;
    }
    Document doc = Xml.parse(rels);
    var list = doc.getElementsByTagNameNS(PKG_RELS, "Relationship");
    for (int i = 0; i < list.getLength(); i++) {
      Element r = (Element) list.item(i);
      if (r.getAttribute("Type").endsWith("/officeDocument") && !"External".equals(r.getAttribute("TargetMode"))) {
        String t = r.getAttribute("Target");
        return t.startsWith("/") ? t.substring(1) : t;
      }
    }
    return null;
  }

  private static String contentType(ZipScan.Contents zip, String part) throws Exception {
    byte[] ct = zip.bytes().get("[Content_Types].xml");
    if (ct == null) {
      return null;
    }
    Document doc = Xml.parse(ct);
    var over = doc.getElementsByTagNameNS(CT_NS, "Override");
    for (int i = 0; i < over.getLength(); i++) {
      Element o = (Element) over.item(i);
      if (o.getAttribute("PartName").equalsIgnoreCase("/" + part)) {
        return o.getAttribute("ContentType");
      }
    }
    String ext = part.substring(part.lastIndexOf('.') + 1);
    var defs = doc.getElementsByTagNameNS(CT_NS, "Default");
    for (int i = 0; i < defs.getLength(); i++) {
      Element o = (Element) defs.item(i);
      if (o.getAttribute("Extension").equalsIgnoreCase(ext)) {
        return o.getAttribute("ContentType");
      }
    }
    return null;
  }

  /** The main part's internal relationships: zip entry name → relationship type. */
  private static Map<String, String> relationships(ZipScan.Contents zip, String mainPart) throws Exception {
    int slash = mainPart.lastIndexOf('/');
    String dir = slash < 0 ? "" : mainPart.substring(0, slash + 1);
    byte[] bytes = zip.bytes().get(dir + "_rels/" + mainPart.substring(slash + 1) + ".rels");
    Map<String, String> out = new LinkedHashMap<>();
    if (bytes == null) {
      return out;
    }
    var list = Xml.parse(bytes).getElementsByTagNameNS(PKG_RELS, "Relationship");
    for (int i = 0; i < list.getLength(); i++) {
      Element r = (Element) list.item(i);
      if ("External".equals(r.getAttribute("TargetMode"))) {
        continue;
      }
      String t = r.getAttribute("Target");
      String target = t.startsWith("/") ? t.substring(1) : java.net.URI.create("x:/" + dir).resolve(t).getPath().substring(1);
      out.put(target, r.getAttribute("Type"));
    }
    return out;
  }

  private static String describe(String type) {
    if (type == null) {
      return "无法识别的压缩包（没有 Word 正文）";
    }
    if (type.contains("spreadsheetml") || type.contains("ms-excel")) {
      return "Excel 工作簿";
    }
    if (type.contains("presentationml")) {
      return "PowerPoint 演示文稿";
    }
    if (type.contains("macroEnabled")) {
      return "启用宏的 Word 文档（.docm）";
    }
    if (type.contains("template")) {
      return "Word 模板（.dotx）";
    }
    return "其他类型（" + type + "）";
  }

  /** The first cycle found in the styles' basedOn chains, as {@code A → B → A}, or null. */
  static String styleCycle(Document styles) {
    Map<String, String> basedOn = new HashMap<>();
    for (Element s : Xml.all(styles, "style")) {
      Element b = Xml.child(s, "basedOn");
      if (b != null) {
        basedOn.put(s.getAttributeNS(Xml.W, "styleId"), b.getAttributeNS(Xml.W, "val"));
      }
    }
    for (String start : basedOn.keySet()) {
      List<String> chain = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      String cur = start;
      while (cur != null && seen.add(cur)) {
        chain.add(cur);
        cur = basedOn.get(cur);
      }
      if (cur != null) {
        List<String> loop = new ArrayList<>(chain.subList(chain.indexOf(cur), chain.size()));
        loop.add(cur);
        return String.join(" → ", loop);
      }
    }
    return null;
  }
}
