package org.docmerge.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.diag.Technical;
import org.docmerge.spec.ReportSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns template bytes into a {@link PreparedTemplate}, as a pipeline of named steps: {@link TemplatePackage}
 * opens the package and proves it sound (zip pre-scan, nesting depth, a plain .docx main part, no style cycle,
 * docx4j loads it); the tagged parts (main document, headers, footers) are parsed and their tags, repaired where
 * Word split them ({@link SplitTagRepair}), are bound to the spec ({@link SpecBinding}); {@link RiskyParts}
 * checks what the template would pass on to every report; unused spec names are reported; a {{ outside the
 * tagged parts is refused; {@link PartCompiler} compiles each tagged part into string segments. Meant to run once
 * per process per template. Stateless; thread-safe.
 *
 * <p>docx4j is the judge of whether the package is sound, but the tagged parts are compiled from their own
 * bytes through a hardened DOM rather than re-marshalled from docx4j's JAXB tree: the output then keeps every
 * piece of markup the template author's Word wrote (extensions docx4j does not model included), and only the
 * runs holding tags change. Tag positions become processing-instruction markers in the serialised XML, which
 * no text can forge because text is escaped.
 */
public final class TemplateCompiler {
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

  /**
   * The compile pipeline: open the package and prove it sound, find the tags in the tagged parts (repairing tags
   * Word split over runs) and bind them to the spec, check what the template would pass on to every report,
   * report what the spec has and the template does not use, refuse {{ where tags are not replaced, compile each
   * tagged part into segments. Each step that finds errors ends the pipeline with all of its findings.
   */
  private static Result<PreparedTemplate> compileChecked(byte[] docx, String name, ReportSpec spec) throws Exception {
    Result<TemplatePackage> opened = TemplatePackage.open(docx, name);
    if (opened.value().isEmpty()) {
      return Result.failed(opened.diagnostics());
    }
    TemplatePackage pkg = opened.get();
    Diagnostics d = new Diagnostics();
    SpecBinding binding = new SpecBinding(spec, name);
    Result<TaggedParts> found = findTags(pkg, binding, name, d);
    if (found.value().isEmpty()) {
      return Result.failed(found.diagnostics());
    }
    RiskyParts.check(pkg.zip(), pkg.tagged(), pkg.rels(), name, d);
    binding.reportUnused(d);
    if (d.hasErrors()) {
      return Result.failed(d.asList());
    }
    refuseTagsOutsideTaggedParts(pkg, name, d);
    if (d.hasErrors()) {
      return Result.failed(d.asList());
    }
    Map<String, List<Segment>> compiled = compileParts(found.get(), pkg.tagged(), binding, name, d);
    if (d.hasErrors()) {
      return Result.failed(d.asList());
    }
    ZipScan.Contents zip = pkg.zip();
    return Result.of(new PreparedTemplate(name, binding.uses(), zip.names(), zip.bytes(), compiled, binding.emptyTexts()),
        d.asList());
  }

  /**
   * The parsed tagged parts that hold at least one tag, and every tagged part's places (for locations).
   *
   * @param doms entry name → the part's DOM, tags repaired, only for parts with a tag
   * @param places entry name → the part's paragraph places
   */
  private record TaggedParts(Map<String, Document> doms, Map<String, Places> places) {}

  /**
   * Parses each tagged part, repairs tags Word split over runs in every paragraph, reports malformed tags and
   * binds every tag found to the spec. Fails with only the reason when a part cannot be parsed.
   */
  private static Result<TaggedParts> findTags(TemplatePackage pkg, SpecBinding binding, String name, Diagnostics d) {
    Map<String, Places> placesOf = new HashMap<>();
    Map<String, Document> doms = new LinkedHashMap<>();
    for (var part : pkg.tagged().entrySet()) {
      Document dom;
      try {
        dom = Xml.parse(pkg.zip().bytes().get(part.getKey()));
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
          binding.bind(f.name(), p, where, d);
        }
      }
      if (any) {
        doms.put(part.getKey(), dom);
      }
    }
    return Result.of(new TaggedParts(doms, placesOf), List.of());
  }

  /**
   * Tags are only replaced in the main document, headers and footers; a {{ anywhere else (footnotes, comments,
   * document properties) would reach the report unreplaced.
   */
  private static void refuseTagsOutsideTaggedParts(TemplatePackage pkg, String name, Diagnostics d) {
    ZipScan.Contents zip = pkg.zip();
    for (String entry : zip.names()) {
      if (!pkg.tagged().containsKey(entry) && (entry.endsWith(".xml") || entry.endsWith(".rels"))
          && new String(zip.bytes().get(entry), java.nio.charset.StandardCharsets.UTF_8).contains("{{")) {
        d.error(TemplateCodes.SYNTAX, Location.detail(name, entry),
            "模板的 " + entry + " 中有 {{，但标签只能用在正文、页眉和页脚中，这里不会被替换。请删除它或移到正文中。");
      }
    }
  }

  /**
   * Compiles each part that holds tags into segments; a broken repeat or condition, or a {{ that survived
   * (in a field code, a revision, an attribute), is an error at the part.
   */
  private static Map<String, List<Segment>> compileParts(TaggedParts parts, Map<String, String> tagged,
      SpecBinding binding, String name, Diagnostics d) throws Exception {
    Map<String, List<Segment>> compiled = new LinkedHashMap<>();
    for (var e : parts.doms().entrySet()) {
      List<String> problems = new ArrayList<>();
      List<Segment> segs = PartCompiler.compile(e.getValue(), binding.sections(), binding.lists(), problems, parts.places().get(e.getKey()));
      for (String problem : problems) {
        d.error(TemplateCodes.SYNTAX, Location.detail(name, tagged.get(e.getKey())), "模板的重复行或条件写法有误：" + problem);
      }
      for (Segment s : PartCompiler.flatten(segs)) {
        if (s instanceof Segment.Literal lit && lit.xml().contains("{{")) {
          d.error(TemplateCodes.SYNTAX, Location.detail(name, tagged.get(e.getKey())),
              "模板的" + tagged.get(e.getKey()) + "中有无法替换的 {{（可能在域代码、修订或属性中）。请接受所有修订并删除这些 {{。");
          break;
        }
      }
      compiled.put(e.getKey(), segs);
    }
    return compiled;
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
