package org.docmerge.template;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.diag.Technical;
import org.docmerge.spec.ReportSpec;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.JaxbXmlPart;
import org.docx4j.openpackaging.parts.Part;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns template bytes into a {@link PreparedTemplate}: pre-scan the zip, check the main content type, check
 * style chains for cycles, load with docx4j to prove the package sound, find and repair tags in the main
 * document, headers and footers, validate them against the spec, and compile the tagged parts into string
 * segments. Meant to run once per process per template. Stateless; thread-safe.
 *
 * <p>docx4j is the judge of whether the package is sound, but the tagged parts are compiled from their own
 * bytes through a hardened DOM rather than re-marshalled from docx4j's JAXB tree: the output then keeps every
 * piece of markup the template author's Word wrote (extensions docx4j does not model included), and only the
 * runs holding tags change. Tag positions become processing-instruction markers in the serialised XML, which
 * no text can forge because text is escaped.
 */
public final class TemplateCompiler {
  static final String MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  private static final String PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
  private static final Pattern TAG = Pattern.compile("\\{\\{(" + TagSyntax.CONTENT + ")\\}\\}");

  private TemplateCompiler() {}

  /**
   * Compiles a template. The result has a value only when there are no errors; warnings (such as unused spec
   * names) come with the value.
   *
   * @param docx the template's bytes
   * @param name the template's file name as staff know it, used in every location
   * @param spec the report kind the template must fit
   */
  public static Result<PreparedTemplate> compile(byte[] docx, String name, ReportSpec spec) {
    try {
      return compileChecked(docx, name, spec);
    } catch (Exception | LinkageError | StackOverflowError e) {
      // One catch boundary: whatever a parser throws becomes a diagnostic, never a crash of the batch.
      return Result.failed(Diagnostic.error(TemplateCodes.CORRUPT, Location.file(name),
          "模板无法读取，可能已损坏或结构异常。请在 Word 中打开并重新保存。" + Technical.of(e)));
    }
  }

  private static Result<PreparedTemplate> compileChecked(byte[] docx, String name, ReportSpec spec) throws Exception {
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

    // The parts that may hold tags: the main document, then its headers and footers.
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

    Set<String> fields = new LinkedHashSet<>();
    spec.fields().forEach(f -> fields.add(f.id()));
    Set<String> sections = new LinkedHashSet<>();
    spec.sections().forEach(s -> sections.add(s.id()));
    Set<String> cells = new LinkedHashSet<>(spec.cells().keySet());
    Set<String> known = new LinkedHashSet<>(fields);
    known.addAll(sections);
    known.addAll(cells);
    Set<String> lists = new LinkedHashSet<>();
    Set<String> listColumns = new LinkedHashSet<>();
    for (ReportSpec.ListSheet l : spec.lists()) {
      lists.add(l.id());
      l.columns().forEach(c -> listColumns.add(l.id() + "." + c.id()));
    }
    Set<String> computed = new LinkedHashSet<>();
    spec.computed().forEach(c -> computed.add(c.id()));
    Set<String> valueNames = new LinkedHashSet<>(known);
    valueNames.addAll(listColumns);
    valueNames.addAll(computed);
    Map<String, Places> placesOf = new HashMap<>();

    Diagnostics d = new Diagnostics();
    List<TagUse> uses = new ArrayList<>();
    Map<String, Document> doms = new LinkedHashMap<>();
    for (var part : tagged.entrySet()) {
      Document dom;
      try {
        dom = Xml.parse(zip.bytes().get(part.getKey()));
      } catch (Exception e) {
        return Result.failed(Diagnostic.error(TemplateCodes.CORRUPT, Location.detail(name, part.getValue()),
            "模板的" + part.getValue() + "无法解析。请在 Word 中打开并重新保存。" + Technical.of(e)));
      }
      Places places = new Places(dom, part.getValue());
      placesOf.put(part.getKey(), places);
      boolean any = false;
      for (Element p : Xml.all(dom, "p")) {
        String where = places.of(p);
        SplitTagRepair.Outcome out = SplitTagRepair.repair(p);
        for (String err : out.syntaxErrors()) {
          d.error(TemplateCodes.SYNTAX, Location.detail(name, where), "模板标签写法有误：" + err + "。位置：" + where + "。标签应写成 {{名称}}。");
        }
        for (SplitTagRepair.Found f : out.tags()) {
          any = true;
          TagSyntax syntax = TagSyntax.parse(f.name());
          String tag = "{{" + f.name() + "}}";
          if (syntax.sigil() == '/') {
            continue; // pairing is checked when the part is compiled
          }
          if (syntax.sigil() == '#') {
            if (!lists.contains(syntax.name())) {
              d.error(TemplateCodes.UNKNOWN_TAG, Location.detail(name, where), "模板中的 " + tag + " 要重复的列表「"
                  + syntax.name() + "」在规格中不存在" + (lists.isEmpty() ? "（规格中没有列表）" : "，可用的列表：" + String.join("、", lists))
                  + "。位置：" + where);
              continue;
            }
            uses.add(new TagUse(syntax.name(), TagUse.Kind.REPEAT, where));
            continue;
          }
          if (syntax.sigil() == '?') {
            if (!valueNames.contains(syntax.name()) && !lists.contains(syntax.name())) {
              String guess = closest(syntax.name(), valueNames);
              d.error(TemplateCodes.UNKNOWN_TAG, Location.detail(name, where), "模板中的条件 " + tag + " 引用的值不存在"
                  + (guess == null ? "" : "，是否想写 {{?" + guess + "}}？") + "位置：" + where);
              continue;
            }
            uses.add(new TagUse(syntax.name(), TagUse.Kind.CONDITION, where));
            continue;
          }
          if (!valueNames.contains(syntax.name())) {
            String guess = closest(syntax.name(), valueNames);
            d.error(TemplateCodes.UNKNOWN_TAG, Location.detail(name, where),
                "模板中的标签 " + tag + " 不存在" + (guess == null ? "" : "，是否想写 {{" + guess + "}}？") + "位置：" + where);
            continue;
          }
          String badFormat = TagSyntax.formatProblem(syntax.format());
          if (badFormat != null) {
            d.error(TemplateCodes.SYNTAX, Location.detail(name, where), "模板标签 " + tag + " 的" + badFormat + "。位置：" + where);
            continue;
          }
          boolean block = sections.contains(syntax.name());
          if (block && (syntax.format() != null || !Xml.text(p).strip().equals(tag))) {
            d.error(TemplateCodes.BLOCK_NOT_ALONE, Location.detail(name, where),
                "段落标签 " + tag + " 会被替换为若干整段文字，必须单独占一段，不能与其他文字同段。位置：" + where + "。请把其他文字移到另一段。");
            continue;
          }
          uses.add(new TagUse(syntax.name(), block ? TagUse.Kind.BLOCK : TagUse.Kind.INLINE, where));
        }
      }
      if (any) {
        doms.put(part.getKey(), dom);
      }
    }
    riskyContent(zip, tagged, rels, name, d);
    Set<String> used = new HashSet<>();
    uses.forEach(u -> used.add(u.name()));
    Map<String, List<String>> missingCells = new java.util.LinkedHashMap<>();
    for (String n : known) {
      if (used.contains(n)) {
        continue;
      }
      String what = "规格中的 " + n + "（" + label(spec, n) + "）在模板中没有对应的标签 {{" + n + "}}";
      if (spec.cells().containsKey(n)) {
        missingCells.computeIfAbsent(spec.cells().get(n).table().sheet(), k -> new ArrayList<>()).add(n);
      } else if (sections.contains(n)) {
        d.warning(TemplateCodes.UNUSED, file, what + "，这一部分的文字不会出现在报告中。");
      } else {
        d.info(TemplateCodes.UNUSED, file, what + "，它的值不会出现在报告中。");
      }
    }
    // One line per table: a template without table 三 would otherwise print 175 lines. A warning here; the
    // facade refuses such a template for an official report (see Docmerge), a partial test template is fine.
    missingCells.forEach((table, names) -> d.warning(TemplateCodes.MISSING_CELL, file, table + " 有 " + names.size()
        + " 个数字在模板中没有标签，如 {{" + names.get(0) + "}}" + (names.size() > 1 ? "、{{" + names.get(1) + "}}" : "")
        + "。官方表格的每一个数字都必须出现在报告中，请在表格相应的单元格中加上这些标签（用 inspect 核对）。"));
    if (d.hasErrors()) {
      return Result.failed(d.asList());
    }

    // Tags are only replaced in the main document, headers and footers; a {{ anywhere else (footnotes,
    // comments, document properties) would reach the report unreplaced.
    for (String entry : zip.names()) {
      if (!tagged.containsKey(entry) && (entry.endsWith(".xml") || entry.endsWith(".rels"))
          && new String(zip.bytes().get(entry), java.nio.charset.StandardCharsets.UTF_8).contains("{{")) {
        d.error(TemplateCodes.SYNTAX, Location.detail(name, entry),
            "模板的 " + entry + " 中有 {{，但标签只能用在正文、页眉和页脚中，这里不会被替换。请删除它或移到正文中。");
      }
    }
    if (d.hasErrors()) {
      return Result.failed(d.asList());
    }

    Map<String, List<Segment>> compiled = new LinkedHashMap<>();
    for (var e : doms.entrySet()) {
      List<String> problems = new ArrayList<>();
      List<Segment> segs = compilePart(e.getValue(), sections, lists, problems, placesOf.get(e.getKey()));
      for (String problem : problems) {
        d.error(TemplateCodes.SYNTAX, Location.detail(name, tagged.get(e.getKey())), "模板的重复行或条件写法有误：" + problem);
      }
      for (Segment s : flatten(segs)) {
        if (s instanceof Segment.Literal lit && lit.xml().contains("{{")) {
          d.error(TemplateCodes.SYNTAX, Location.detail(name, tagged.get(e.getKey())),
              "模板的" + tagged.get(e.getKey()) + "中有无法替换的 {{（可能在域代码、修订或属性中）。请接受所有修订并删除这些 {{。");
          break;
        }
      }
      compiled.put(e.getKey(), segs);
    }
    if (d.hasErrors()) {
      return Result.failed(d.asList());
    }
    Map<String, String> empties = new HashMap<>();
    spec.sections().forEach(s -> {
      if (s.empty() != null) {
        empties.put(s.id(), s.empty());
      }
    });
    return Result.of(new PreparedTemplate(name, uses, zip.names(), zip.bytes(), compiled, empties), d.asList());
  }

  /**
   * H46: what a template must not pass on to every report. A field that pulls in other files or runs DDE is
   * refused ({@code TEMPLATE.EXTERNAL_FIELD}); tracked changes and comments would be published with the
   * report, so they are warned about ({@code TEMPLATE.TRACKED_CHANGES}, {@code TEMPLATE.COMMENTS}).
   */
  private static void riskyContent(ZipScan.Contents zip, Map<String, String> parts, Map<String, String> rels,
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

  /** An open {{#list}} or {{?name}} while a part is compiled. */
  private record Open(char sigil, String name, Element row, Element paragraph, boolean wholeParagraph, Node parent, int id) {}

  /**
   * Rewrites tag runs, block paragraphs, repeated rows and conditions into marker PIs, serialises once, splits
   * at the markers. Problems with the structure of repeats and conditions are added to {@code problems}.
   */
  private static List<Segment> compilePart(Document dom, Set<String> sections, Set<String> lists, List<String> problems,
      Places places) throws Exception {
    // Our markers are processing instructions; a template's own (meaningless to Word) must not pose as one.
    removeProcessingInstructions(dom);
    int next = 0;
    java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();
    Map<Element, String> repeatedRows = new HashMap<>();
    Set<String> misplaced = new java.util.HashSet<>();
    for (Element p : Xml.all(dom, "p")) {
      if (p.getParentNode() == null) {
        continue;
      }
      String where = places.of(p);
      String whole = Xml.text(p).strip();
      Element row = ancestor(p, "tr");
      for (Element t : Xml.ownTexts(p)) {
        String v = t.getTextContent();
        Matcher m = TAG.matcher(v);
        if (!m.find()) {
          continue;
        }
        TagSyntax first = TagSyntax.parse(m.group(1));
        if (first.plain() && sections.contains(first.name())) {
          blockPrototype(dom, p, t, next++);
          break;
        }
        boolean alone = whole.equals(m.group(0)) && !m.find();
        m.reset();
        if (alone && first.sigil() == '?') {
          Node parent = p.getParentNode();
          int id = next++;
          parent.insertBefore(dom.createProcessingInstruction("docmerge-cbegin", id + " " + first.name()), p);
          parent.removeChild(p);
          open.push(new Open('?', first.name(), null, null, true, parent, id));
          break;
        }
        if (alone && first.sigil() == '/' && !open.isEmpty() && open.peek().wholeParagraph()) {
          Open o = open.pop();
          if (!o.name().equals(first.name())) {
            problems.add("{{/" + first.name() + "}} 与前面的 {{?" + o.name() + "}} 不配对。位置：" + where);
          } else if (o.parent() != p.getParentNode()) {
            problems.add("{{?" + o.name() + "}} 和 {{/" + o.name() + "}} 必须在同一层（同在正文或同一个单元格中）。位置：" + where);
          }
          Node parent = p.getParentNode();
          parent.insertBefore(dom.createProcessingInstruction("docmerge-cend", o.id() + " " + o.name()), p);
          parent.removeChild(p);
          break;
        }
        while (t.getFirstChild() != null) {
          t.removeChild(t.getFirstChild());
        }
        SplitTagRepair.setText(t, "");
        int last = 0;
        while (m.find()) {
          if (m.start() > last) {
            t.appendChild(dom.createTextNode(v.substring(last, m.start())));
          }
          last = m.end();
          TagSyntax tag = TagSyntax.parse(m.group(1));
          if (tag.sigil() == '#') {
            if (row == null) {
              problems.add("{{#" + tag.name() + "}} 必须放在表格的一行中，这一行会按列表的每一项重复。位置：" + where);
              misplaced.add(tag.name());
              open.push(new Open('#', tag.name(), null, p, false, null, -1));
            } else if (!repeatedRows.containsKey(row)) {
              int id = next++;
              repeatedRows.put(row, tag.name());
              row.getParentNode().insertBefore(dom.createProcessingInstruction("docmerge-rbegin", id + " " + tag.name()), row);
              row.getParentNode().insertBefore(dom.createProcessingInstruction("docmerge-rend", id + " " + tag.name()),
                  row.getNextSibling());
              open.push(new Open('#', tag.name(), row, p, false, null, id));
            } else {
              problems.add("同一行中只能有一个 {{#…}}。位置：" + where);
            }
          } else if (tag.sigil() == '?') {
            int id = next++;
            t.appendChild(dom.createProcessingInstruction("docmerge-cbegin", id + " " + tag.name()));
            open.push(new Open('?', tag.name(), row, p, false, null, id));
          } else if (tag.sigil() == '/') {
            Open o = open.isEmpty() ? null : open.peek();
            if (o == null || !o.name().equals(tag.name())) {
              problems.add("{{/" + tag.name() + "}} 前面没有对应的 {{#" + tag.name() + "}} 或 {{?" + tag.name() + "}}。位置：" + where);
              continue;
            }
            open.pop();
            if (o.sigil() == '#' && o.row() == null) {
              continue; // already reported
            } else if (o.sigil() == '#' && o.row() != row) {
              problems.add("{{#" + o.name() + "}} 和 {{/" + o.name() + "}} 必须在表格的同一行中。位置：" + where);
            } else if (o.sigil() == '?' && o.paragraph() != p) {
              problems.add("{{?" + o.name() + "}} 和 {{/" + o.name() + "}} 要么在同一段中，要么各自单独占一段。位置：" + where);
            } else if (o.sigil() == '?') {
              t.appendChild(dom.createProcessingInstruction("docmerge-cend", o.id() + " " + o.name()));
            }
          } else {
            int dot = tag.name().indexOf('.');
            if (dot > 0 && lists.contains(tag.name().substring(0, dot)) && !misplaced.contains(tag.name().substring(0, dot))
                && !tag.name().substring(0, dot).equals(row == null ? null : repeatedRows.get(row))) {
              problems.add("列表的列 {{" + tag.name() + "}} 只能用在有 {{#" + tag.name().substring(0, dot)
                  + "}} 的表格行中。位置：" + where);
            }
            t.appendChild(dom.createProcessingInstruction("docmerge-slot", (next++) + " " + m.group(1).strip()));
          }
        }
        if (last < v.length()) {
          t.appendChild(dom.createTextNode(v.substring(last)));
        }
      }
    }
    for (Open o : open) {
      problems.add((o.sigil() == '#' ? "{{#" : "{{?") + o.name() + "}} 没有用 {{/" + o.name() + "}} 结束");
    }
    return split(Xml.serialize(dom));
  }

  private static List<Segment> flatten(List<Segment> segs) {
    List<Segment> out = new ArrayList<>();
    for (Segment s : segs) {
      out.add(s);
      if (s instanceof Segment.Repeat r) {
        out.addAll(flatten(r.body()));
      } else if (s instanceof Segment.Condition c) {
        out.addAll(flatten(c.body()));
      }
    }
    return out;
  }

  private static Element ancestor(Node n, String localName) {
    for (Node a = n.getParentNode(); a != null; a = a.getParentNode()) {
      if (Xml.isW(a, localName)) {
        return (Element) a;
      }
    }
    return null;
  }

  private static void removeProcessingInstructions(Node n) {
    for (Node c = n.getFirstChild(); c != null; ) {
      Node next = c.getNextSibling();
      if (c.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
        n.removeChild(c);
      } else {
        removeProcessingInstructions(c);
      }
      c = next;
    }
  }

  /**
   * Replaces block paragraph p by a prototype paragraph (its pPr, one run with the tag run's rPr, a w:t holding
   * the slot marker) between begin/mid/end markers. When p carries a section break (w:sectPr in its pPr), a
   * second prototype with it follows the mid marker: only the last rendered paragraph may end the section.
   */
  private static void blockPrototype(Document dom, Element p, Element tagText, int id) {
    Element pPr = Xml.child(p, "pPr");
    Element rPr = Xml.isW(tagText.getParentNode(), "r") ? Xml.child((Element) tagText.getParentNode(), "rPr") : null;
    Node parent = p.getParentNode();
    String name = tagText.getTextContent().strip().replace("{{", "").replace("}}", "").strip();
    parent.insertBefore(dom.createProcessingInstruction("docmerge-begin", id + " " + name), p);
    parent.insertBefore(prototype(dom, pPr, rPr, id, false), p);
    parent.insertBefore(dom.createProcessingInstruction("docmerge-mid", id + " " + name), p);
    if (pPr != null && Xml.child(pPr, "sectPr") != null) {
      parent.insertBefore(prototype(dom, pPr, rPr, id, true), p);
    }
    parent.insertBefore(dom.createProcessingInstruction("docmerge-end", id + " " + name), p);
    parent.removeChild(p);
  }

  private static Element prototype(Document dom, Element pPr, Element rPr, int id, boolean keepSect) {
    Element np = dom.createElementNS(Xml.W, "w:p");
    if (pPr != null) {
      Element c = (Element) pPr.cloneNode(true);
      Element sect = Xml.child(c, "sectPr");
      if (sect != null && !keepSect) {
        c.removeChild(sect);
      }
      np.appendChild(c);
    }
    Element r = dom.createElementNS(Xml.W, "w:r");
    if (rPr != null) {
      r.appendChild(rPr.cloneNode(true));
    }
    Element t = dom.createElementNS(Xml.W, "w:t");
    SplitTagRepair.setText(t, "");
    t.appendChild(dom.createProcessingInstruction("docmerge-slot", id + " "));
    r.appendChild(t);
    np.appendChild(r);
    return np;
  }

  static final Pattern MARK_FULL =
      Pattern.compile("<\\?docmerge-(begin|mid|end|slot|rbegin|rend|cbegin|cend) (\\d+) ?([^?<>]*)\\?>");

  /** Splits serialised XML at the marker PIs into literal, inline, block, repeat and condition segments. */
  static List<Segment> split(String xml) {
    List<MatchResult> marks = new ArrayList<>();
    Matcher m = MARK_FULL.matcher(xml);
    while (m.find()) {
      marks.add(m.toMatchResult());
    }
    java.util.ArrayDeque<List<Segment>> stack = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<MatchResult> opened = new java.util.ArrayDeque<>();
    List<Segment> out = new ArrayList<>();
    int pos = 0;
    for (int i = 0; i < marks.size(); i++) {
      MatchResult k = marks.get(i);
      out.add(new Segment.Literal(xml.substring(pos, k.start())));
      String what = k.group(1);
      if (what.equals("slot")) {
        out.add(new Segment.Inline(k.group(3)));
        pos = k.end();
        continue;
      }
      if (what.equals("rbegin") || what.equals("cbegin")) {
        stack.push(out);
        opened.push(k);
        out = new ArrayList<>();
        pos = k.end();
        continue;
      }
      if (what.equals("rend") || what.equals("cend")) {
        List<Segment> body = List.copyOf(out);
        MatchResult b = opened.pop();
        out = stack.pop();
        out.add(b.group(1).equals("rbegin") ? new Segment.Repeat(b.group(3), body) : new Segment.Condition(b.group(3), body));
        pos = k.end();
        continue;
      }
      // begin, slot, mid, [slot], end: the prototype without and (optionally) with the section break.
      MatchResult mid = marks.get(i + 2);
      boolean sect = marks.get(i + 3).group(1).equals("slot");
      MatchResult end = marks.get(sect ? i + 4 : i + 3);
      String[] plain = halves(xml, k.end(), marks.get(i + 1), mid.start());
      String[] last = sect ? halves(xml, mid.end(), marks.get(i + 3), end.start()) : plain;
      out.add(new Segment.Block(k.group(3), plain[0], plain[1], last[0], last[1]));
      pos = end.end();
      i = sect ? i + 4 : i + 3;
    }
    out.add(new Segment.Literal(xml.substring(pos)));
    return List.copyOf(out);
  }

  private static String[] halves(String xml, int from, MatchResult slot, int to) {
    return new String[] {xml.substring(from, slot.start()), xml.substring(slot.end(), to)};
  }

  private static String label(ReportSpec spec, String id) {
    var f = spec.field(id);
    if (f.isPresent()) {
      return f.get().label();
    }
    var s = spec.section(id);
    if (s.isPresent()) {
      return s.get().label();
    }
    ReportSpec.CellSpec c = spec.cells().get(id);
    if (c == null) {
      return id;
    }
    String row = c.row().path();
    return c.table().sheet() + " " + (row.isEmpty() ? "" : row + " / ") + c.column().path();
  }

  /** The known name nearest to a misspelt one, or null when nothing is close. */
  static String closest(String name, Set<String> known) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String k : known) {
      int dist = levenshtein(name.toLowerCase(), k.toLowerCase());
      if (dist < bestD) {
        bestD = dist;
        best = k;
      }
    }
    return bestD <= Math.max(2, name.length() / 3) ? best : null;
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * Human-readable places of paragraphs in one part: 正文 第3段, 正文 表2 第4行 第2格, 页脚(footer1.xml) 文本框.
   * Every index is computed in one pass over the part (a lookup per paragraph used to walk whole tables: cubic
   * in the nesting depth).
   */
  static final class Places {
    private final String part;
    private final Map<Element, Integer> tables = new HashMap<>();
    private final Map<Element, Integer> paragraphs = new HashMap<>();
    /** A row's number within its own table, a cell's within its own row. */
    private final Map<Element, Integer> position = new HashMap<>();

    Places(Document dom, String part) {
      this.part = part;
      int t = 0;
      Map<Element, Integer> count = new HashMap<>();
      for (Element e : Xml.all(dom, "*")) {
        switch (e.getLocalName()) {
          case "tbl" -> tables.put(e, ++t);
          case "tr", "tc" -> {
            Element owner = Xml.ancestor(e, e.getLocalName().equals("tr") ? "tbl" : "tr");
            if (owner != null) {
              position.put(e, count.merge(owner, 1, Integer::sum));
            }
          }
          default -> { }
        }
      }
      int n = 0;
      for (Element p : Xml.all(dom, "p")) {
        if (Xml.ancestor(p, "tc") == null && Xml.ancestor(p, "txbxContent") == null) {
          paragraphs.put(p, ++n);
        }
      }
    }

    String of(Element p) {
      if (Xml.ancestor(p, "txbxContent") != null) {
        return part + " 文本框";
      }
      Element tc = Xml.ancestor(p, "tc");
      if (tc != null) {
        Element tr = Xml.ancestor(tc, "tr");
        Element tbl = tr == null ? null : Xml.ancestor(tr, "tbl");
        if (tbl != null) {
          return part + " 表" + tables.get(tbl) + " 第" + position.getOrDefault(tr, 0) + "行 第" + position.getOrDefault(tc, 0) + "格";
        }
      }
      return part + " 第" + paragraphs.getOrDefault(p, 0) + "段";
    }
  }
}
