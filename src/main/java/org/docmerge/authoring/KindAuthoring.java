package org.docmerge.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.spec.ReportKind;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.SpecReader;
import org.docmerge.template.PreparedTemplate;
import org.docmerge.template.TagScan;
import org.docmerge.template.TagSyntax;
import org.docmerge.validate.Validator;

/** {@code docmerge kind new} and {@code docmerge kind check}. Stateless; thread-safe. */
public final class KindAuthoring {
  private KindAuthoring() {}

  /** Shown in every label the skeleton had to invent: staff replace it with the official wording. */
  public static final String TODO = "（待填写正式名称）";

  /**
   * Writes {@code dir/spec.json} and {@code dir/template.docx} from the tags of a Word template: a tag alone in its
   * paragraph is a prose section, {@code {{表.行.列}}} a table cell, {@code {{#列表}}} a list whose columns are
   * the {@code {{列表.列}}} tags of its row, any other tag a cover field (a date when its format is a date).
   * Refuses to overwrite an existing spec.
   */
  public static Result<Path> skeleton(Path dir, Path template) {
    Path specFile = dir.resolve("spec.json");
    if (Files.exists(specFile)) {
      return Result.failed(Diagnostic.error("OUT.EXISTS", Location.file(specFile.toString()),
          specFile + " 已经存在。为免覆盖已有的报告类型，请换一个文件夹。"));
    }
    byte[] docx;
    try {
      docx = Files.readAllBytes(template);
    } catch (IOException e) {
      return Result.failed(Diagnostic.error("FILE.UNREADABLE", Location.file(template.toString()), "无法读取模板 " + template));
    }
    Result<List<TagScan.Found>> scanned = TagScan.scan(docx, template.toString());
    if (scanned.value().isEmpty() || scanned.hasErrors()) {
      return Result.failed(scanned.diagnostics());
    }
    Set<String> lists = new LinkedHashSet<>();
    for (TagScan.Found f : scanned.get()) {
      if (f.syntax().sigil() == '#') {
        lists.add(f.syntax().name());
      }
    }
    Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    Map<String, Map<String, Set<String>>> tables = new LinkedHashMap<>(); // table -> rows/columns
    Map<String, Map<String, Object>> listColumns = new LinkedHashMap<>();
    Set<String> conditions = new LinkedHashSet<>();
    Set<String> inline = new HashSet<>(); // used somewhere inside text or a table: not a prose section
    for (TagScan.Found f : scanned.get()) {
      if (!f.alone() || f.inTable() || f.syntax().format() != null) {
        inline.add(f.syntax().name());
      }
    }
    for (TagScan.Found f : scanned.get()) {
      TagSyntax t = f.syntax();
      String[] parts = t.name().split("\\.");
      if (t.sigil() == '?') {
        conditions.add(t.name());
      } else if (t.sigil() != 0) {
        continue;
      } else if (parts.length == 2 && lists.contains(parts[0])) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", parts[1]);
        c.put("label", parts[1] + TODO);
        c.put("type", t.format() != null && !t.format().matches(".*[yMd].*") ? "count" : "text");
        c.put("required", true);
        listColumns.putIfAbsent(t.name(), c);
      } else if (parts.length == 3) {
        Map<String, Set<String>> table = tables.computeIfAbsent(parts[0], k -> new LinkedHashMap<>());
        table.computeIfAbsent("rows", k -> new LinkedHashSet<>()).add(parts[1]);
        table.computeIfAbsent("columns", k -> new LinkedHashSet<>()).add(parts[2]);
      } else if (!inline.contains(t.name()) && parts.length == 1) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", t.name());
        s.put("label", t.name() + TODO);
        s.put("heading", null);
        s.put("required", false);
        s.put("empty", "无");
        sections.putIfAbsent(t.name(), s);
      } else {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("id", t.name());
        field.put("label", t.name() + TODO);
        boolean date = t.format() != null && t.format().matches(".*[yMd].*");
        field.put("type", t.name().equals("year") ? "year" : date ? "date" : "text");
        field.put("required", true);
        fields.putIfAbsent(t.name(), field);
      }
    }
    for (String c : conditions) {
      if (!fields.containsKey(c) && !lists.contains(c)) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("id", c);
        field.put("label", c + TODO);
        field.put("type", "choice");
        field.put("choices", List.of("是", "否"));
        field.put("required", true);
        fields.put(c, field);
      }
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    String kind = dir.toAbsolutePath().normalize().getFileName().toString();
    spec.put("kind", kind);
    spec.put("name", kind + TODO);
    spec.put("basis", TODO);
    spec.put("years", Map.of("from", 2000));
    spec.put("template", "template.docx");
    spec.put("coverSheet", "封面");
    spec.put("proseSheet", "正文");
    spec.put("fields", new ArrayList<>(fields.values()));
    spec.put("sections", new ArrayList<>(sections.values()));
    List<Object> tableList = new ArrayList<>();
    tables.forEach((id, t) -> {
      Map<String, Object> block = new LinkedHashMap<>();
      block.put("caption", null);
      block.put("corner", "项目");
      block.put("columns", t.get("columns").stream().map(c -> line(c)).toList());
      block.put("rows", t.get("rows").stream().map(r -> line(r)).toList());
      Map<String, Object> table = new LinkedHashMap<>();
      table.put("id", id);
      table.put("sheet", id);
      table.put("heading", id + TODO);
      table.put("corner", "项目");
      table.put("blocks", List.of(block));
      tableList.add(table);
    });
    spec.put("tables", tableList);
    spec.put("identities", List.of());
    List<Object> listList = new ArrayList<>();
    for (String l : lists) {
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("id", l);
      list.put("sheet", l);
      list.put("label", l + TODO);
      list.put("columns", listColumns.entrySet().stream().filter(e -> e.getKey().startsWith(l + ".")).map(Map.Entry::getValue).toList());
      listList.add(list);
    }
    spec.put("lists", listList);
    try {
      Files.createDirectories(dir);
      Files.writeString(specFile, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(spec) + "\n");
      Path copy = dir.resolve("template.docx");
      if (!Files.exists(copy) || !Files.isSameFile(copy, template)) {
        Files.write(copy, docx);
      }
    } catch (IOException e) {
      return Result.failed(Diagnostic.error("OUT.NOT_WRITABLE", Location.file(dir.toString()), "无法写入 " + dir + org.docmerge.diag.Technical.of(e)));
    }
    return Result.of(specFile, scanned.diagnostics());
  }

  private static Map<String, Object> line(String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("label", List.of(id + TODO));
    return m;
  }

  /**
   * Lints a kind folder: the spec's schema and references, every template tag bound to the spec, every spec value
   * reachable from the template, identities and bounds well formed, labels still to be written, and the sample
   * workbook (given, or {@code sample.xlsx} in the folder, or {@code input-samples/<kind>-sample.xlsx}) merging
   * without errors. Each finding carries its place: spec.json and the entry, the template part and paragraph, or
   * the workbook cell.
   */
  public static List<Diagnostic> lint(Path dir, Optional<Path> sample) {
    Diagnostics d = new Diagnostics();
    Path specFile = dir.resolve("spec.json");
    if (!Files.isRegularFile(specFile)) {
      d.error("KIND.NO_SPEC", Location.file(dir.toString()), dir + " 中没有 spec.json。可以用 docmerge kind new " + dir + " --template 模板.docx 生成。");
      return d.asList();
    }
    Result<ReportKind> loaded = SpecReader.load(dir.toString());
    if (loaded.diagnostics().stream().anyMatch(x -> x.code().equals("SPEC.SYNTAX"))) {
      d.add(schemaProblem(specFile));
      return d.asList();
    }
    d.addAll(loaded.diagnostics());
    if (loaded.value().isEmpty()) {
      return d.asList();
    }
    ReportSpec spec = loaded.get().spec();
    String where = specFile.toString();
    if (!spec.kind().equals(dir.toAbsolutePath().normalize().getFileName().toString())) {
      d.warning("KIND.NAME", Location.detail(where, "kind"), "spec.json 的 kind「" + spec.kind() + "」与文件夹名「"
          + dir.toAbsolutePath().normalize().getFileName() + "」不同；--kind 按文件夹名查找报告类型。");
    }
    todo(d, where, "name", spec.name());
    todo(d, where, "basis", spec.basis());
    spec.fields().forEach(f -> todo(d, where, "fields/" + f.id() + "/label", f.label()));
    spec.sections().forEach(s -> todo(d, where, "sections/" + s.id() + "/label", s.label()));
    for (ReportSpec.Table t : spec.tables()) {
      for (ReportSpec.Block b : t.blocks()) {
        for (ReportSpec.Line l : b.rows()) {
          todo(d, where, "tables/" + t.id() + "/rows/" + l.id() + "/label", String.join("", l.label()));
        }
        for (ReportSpec.Line l : b.columns()) {
          todo(d, where, "tables/" + t.id() + "/columns/" + l.id() + "/label", String.join("", l.label()));
        }
      }
    }
    spec.lists().forEach(l -> l.columns().forEach(c -> todo(d, where, "lists/" + l.id() + "/" + c.id() + "/label", c.label())));
    identities(d, where, spec);

    Docmerge engine = Docmerge.open(dir.toString()).value().orElse(null);
    if (engine == null) {
      return d.asList();
    }
    Result<PreparedTemplate> template = engine.template();
    template.diagnostics().stream().filter(Diagnostic::isError).forEach(d::add);
    Result<List<TagScan.Found>> tags = TagScan.scan(loaded.get().templateBytes(), spec.template());
    tags.value().ifPresent(found -> reachable(d, where, spec, found));

    Path sampleFile = sample.orElseGet(() -> {
      Path inFolder = dir.resolve("sample.xlsx");
      return Files.exists(inFolder) ? inFolder : Path.of("input-samples", spec.kind() + "-sample.xlsx");
    });
    if (!Files.isRegularFile(sampleFile)) {
      d.warning("KIND.NO_SAMPLE", Location.file(dir.toString()), "没有找到样例工作簿（" + sampleFile
          + "），所以没有试生成报告。请用 docmerge init 生成工作簿、填好后放在 " + dir.resolve("sample.xlsx") + "，或用 --sample 指定。");
    } else if (template.value().isPresent()) {
      try {
        var rendered = engine.merge(Files.readAllBytes(sampleFile), sampleFile.toString(), Validator.Options.DEFAULT, false);
        rendered.diagnostics().stream().filter(Diagnostic::isError).forEach(d::add);
        if (rendered.document().isEmpty() && !rendered.hasErrors()) {
          d.error("KIND.SAMPLE", Location.file(sampleFile.toString()), "样例工作簿没有生成报告。");
        }
      } catch (IOException e) {
        d.error("KIND.SAMPLE", Location.file(sampleFile.toString()), "无法读取样例工作簿 " + sampleFile);
      }
    }
    return d.asList();
  }

  /** Where spec.json breaks the schema: the line and the field path, in words. */
  private static Diagnostic schemaProblem(Path specFile) {
    try {
      new ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .readValue(specFile.toFile(), ReportSpec.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      StringBuilder path = new StringBuilder();
      if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
        for (var ref : m.getPath()) {
          if (ref.getFieldName() != null) {
            path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
          } else if (ref.getIndex() >= 0) {
            path.append('[').append(ref.getIndex()).append(']');
          }
        }
      }
      String what = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u
          ? "不认识的字段「" + u.getPropertyName() + "」（拼写错误，或放错了位置）"
          : e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException ? "字段的值类型不对或缺少必需的字段"
          : "不是有效的 JSON（括号、引号或逗号有误）";
      return Diagnostic.error("SPEC.SYNTAX", Location.detail(specFile.toString(), path.length() == 0 ? "第" + line + "行" : path.toString()),
          "spec.json 第 " + line + " 行：" + what + (path.length() == 0 ? "" : "，位置 " + path) + "。");
    } catch (IOException e) {
      // fall through to the reader's own message
    }
    return Diagnostic.error("SPEC.SYNTAX", Location.file(specFile.toString()), "spec.json 格式有误。");
  }

  private static void todo(Diagnostics d, String where, String path, String text) {
    if (text != null && text.contains(TODO)) {
      d.warning("KIND.TODO_LABEL", Location.detail(where, path), "「" + text + "」还没有改为正式名称（" + path + "）。");
    }
  }

  /** Identities and bounds: a rule code, both sides non-empty, no line on both sides (one rule may span several). */
  private static void identities(Diagnostics d, String where, ReportSpec spec) {
    Set<String> rules = new HashSet<>();
    for (ReportSpec.Identity i : spec.identities()) {
      String at = "identities/" + i.rule();
      sides(d, where, at, i.rule(), i.left(), i.right(), rules);
      if (!"rows".equals(i.along()) && !"columns".equals(i.along())) {
        d.error("KIND.IDENTITY", Location.detail(where, at), i.rule() + " 的 along 只能是 rows 或 columns，现在是「" + i.along() + "」。");
      }
    }
    for (ReportSpec.Bound b : spec.bounds()) {
      sides(d, where, "bounds/" + b.rule(), b.rule(), b.left(), b.right(), rules);
    }
    for (ReportSpec.Computed c : spec.computed()) {
      if (c.sum().isEmpty()) {
        d.error("KIND.IDENTITY", Location.detail(where, "computed/" + c.id()), "计算值 " + c.id() + " 的 sum 为空。");
      }
    }
  }

  private static void sides(Diagnostics d, String where, String at, String rule, List<String> left, List<String> right,
      Set<String> rules) {
    Location loc = Location.detail(where, at);
    if (rule == null || rule.isBlank()) {
      d.error("KIND.IDENTITY", loc, "勾稽关系缺少规则编号 rule。");
    }
    if (left.isEmpty() || right.isEmpty()) {
      d.error("KIND.IDENTITY", loc, rule + " 的 left 或 right 为空。");
    }
    for (String l : left) {
      if (right.contains(l)) {
        d.error("KIND.IDENTITY", loc, rule + " 中 " + l + " 同时出现在两边。");
      }
    }
  }

  /** Every field, section, cell, list and list column of the spec appears in the template (cells also through a computed value). */
  private static void reachable(Diagnostics d, String where, ReportSpec spec, List<TagScan.Found> tags) {
    Set<String> used = new HashSet<>();
    for (TagScan.Found f : tags) {
      used.add(f.syntax().name());
    }
    Set<String> viaComputed = new HashSet<>();
    for (ReportSpec.Computed c : spec.computed()) {
      if (used.contains(c.id())) {
        viaComputed.addAll(c.sum());
      }
    }
    for (ReportSpec.Field f : spec.fields()) {
      if (!used.contains(f.id())) {
        d.info("KIND.UNREACHABLE", Location.detail(where, "fields/" + f.id()),
            "封面字段 " + f.id() + "（" + f.label() + "）在模板中没有标签 {{" + f.id() + "}}，只用于检查，不会出现在报告中。");
      }
    }
    for (ReportSpec.Section s : spec.sections()) {
      if (!used.contains(s.id())) {
        d.error("KIND.UNREACHABLE", Location.detail(where, "sections/" + s.id()),
            "文字部分 " + s.id() + "（" + s.label() + "）在模板中没有段落标签 {{" + s.id() + "}}。");
      }
    }
    for (String id : spec.cells().keySet()) {
      if (!used.contains(id) && !viaComputed.contains(id)) {
        d.error("KIND.UNREACHABLE", Location.detail(where, "tables/" + id),
            "表格数字 " + id + " 在模板中没有标签 {{" + id + "}}，也不在任何出现在模板中的计算值里。");
      }
    }
    for (ReportSpec.ListSheet l : spec.lists()) {
      if (!used.contains(l.id())) {
        d.error("KIND.UNREACHABLE", Location.detail(where, "lists/" + l.id()), "列表 " + l.id() + " 在模板中没有 {{#" + l.id() + "}} 重复行。");
      }
      for (ReportSpec.ListColumn c : l.columns()) {
        String id = l.id() + "." + c.id();
        if (!used.contains(id) && !viaComputed.contains(id)) {
          d.error("KIND.UNREACHABLE", Location.detail(where, "lists/" + id), "列表的列 " + id + " 在模板中没有标签 {{" + id + "}}。");
        }
      }
    }
  }
}
