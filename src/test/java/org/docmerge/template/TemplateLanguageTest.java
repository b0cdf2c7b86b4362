package org.docmerge.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.report.docx.DocxText;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.SpecReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeated rows bound to a list, conditions, number and date formats: what staff see in the document. */
class TemplateLanguageTest {
  static final String SPEC = """
      {"kind": "demo", "name": "演示", "basis": "无", "years": {"from": 2000, "to": null}, "template": "template.docx",
       "coverSheet": "封面", "proseSheet": "正文",
       "fields": [{"id": "agency", "label": "机关", "type": "text", "required": true},
                  {"id": "published", "label": "发布日期", "type": "date", "required": false},
                  {"id": "hasMedia", "label": "是否有移动新媒体", "type": "choice", "choices": ["是", "否"], "required": true}],
       "sections": [],
       "tables": [{"id": "t", "sheet": "统计", "heading": "统计", "corner": "项目", "blocks": [{"caption": null, "corner": "项目",
         "columns": [{"id": "v", "label": ["数量"]}], "rows": [{"id": "visits", "label": ["访问量"]}, {"id": "fee", "label": ["费用"], "type": "money"}, {"id": "delta", "label": ["增减"], "type": "signed"}]}]}],
       "identities": [],
       "lists": [{"id": "accounts", "sheet": "账号", "label": "移动新媒体账号", "columns": [
         {"id": "type", "label": "类型", "type": "choice", "choices": ["微博", "微信", "其他"], "required": true},
         {"id": "name", "label": "名称", "type": "text", "required": true},
         {"id": "posts", "label": "信息发布量", "type": "count", "required": true}]}],
       "computed": [{"id": "postsTotal", "label": "发布量合计", "sum": ["accounts.posts"]}]}
      """;

  static ReportSpec spec;

  @BeforeAll
  static void load(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("spec.json"), SPEC);
    Files.write(dir.resolve("template.docx"), MiniDocx.body("<w:p/>").bytes());
    spec = SpecReader.load(dir.toString()).get().spec();
  }

  static String p(String text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
  }

  static String row(String... cells) {
    StringBuilder sb = new StringBuilder("<w:tr>");
    for (String c : cells) {
      sb.append("<w:tc>").append(p(c)).append("</w:tc>");
    }
    return sb.append("</w:tr>").toString();
  }

  static final String ACCOUNTS_TABLE = "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>"
      + row("类型", "名称", "信息发布量")
      + row("{{#accounts}}{{accounts.type}}", "{{accounts.name}}", "{{accounts.posts|#,##0}}{{/accounts}}")
      + row("合计", "", "{{postsTotal|#,##0}}") + "</w:tbl>";

  static Result<PreparedTemplate> compile(String body) {
    return TemplateCompiler.compile(MiniDocx.body(body).bytes(), "模板.docx", spec);
  }

  static Map<String, String> inline() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("agency", "某某网站");
    m.put("published", "2022-01-20");
    m.put("hasMedia", "是");
    m.put("t.visits.v", "1234567");
    m.put("t.fee.v", "12.5");
    m.put("t.delta.v", "19");
    m.put("postsTotal", "0");
    return m;
  }

  static List<Map<String, String>> accounts(int n) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      rows.add(Map.of("type", i % 2 == 0 ? "微信" : "微博", "name", "账号" + i, "posts", String.valueOf(1000 * i)));
    }
    return rows;
  }

  static List<String> render(PreparedTemplate t, Map<String, String> inline, int accounts) {
    byte[] docx = t.render(inline, Map.of(), Map.of("accounts", accounts(accounts)), PreparedTemplate.Extras.NONE);
    return DocxText.lines(docx);
  }

  static PreparedTemplate ok(String body) {
    Result<PreparedTemplate> r = compile(body);
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    return r.get();
  }

  @Test
  void aRepeatedRowIsWrittenOncePerListRowAndNotAtAllForAnEmptyList() {
    PreparedTemplate t = ok(ACCOUNTS_TABLE);
    assertEquals(List.of(TagUse.Kind.REPEAT), t.tags().stream().filter(u -> u.name().equals("accounts"))
        .map(TagUse::kind).collect(Collectors.toList()));
    for (int n : new int[] {0, 1, 40}) {
      List<String> lines = render(t, inline(), n);
      long rows = lines.stream().filter(l -> l.startsWith("微博") || l.startsWith("微信")).count();
      assertEquals(n, rows, lines::toString);
    }
    List<String> one = render(t, inline(), 2);
    assertTrue(one.contains("微信") && one.contains("账号2") && one.contains("2,000"), one::toString);
  }

  @Test
  void numbersAndDatesAreFormattedAsTheTagSays() {
    PreparedTemplate t = ok(p("访问量{{t.visits.v|#,##0}}，费用{{t.fee.v|0.00}}万元，增减{{t.delta.v|+#,##0}}，发布于{{published|yyyy年M月d日}}"));
    assertEquals(List.of("访问量1,234,567，费用12.50万元，增减+19，发布于2022年1月20日"), render(t, inline(), 0));
    Map<String, String> v = inline();
    v.put("t.delta.v", "-3");
    assertTrue(render(t, v, 0).get(0).contains("增减-3，"));
    v.put("t.delta.v", "0");
    assertTrue(render(t, v, 0).get(0).contains("增减0，"));
  }

  @Test
  void conditionalParagraphsAndInlineTextAppearOnlyWhenTheValueIsSet() {
    String body = p("开头") + p("{{?hasMedia}}") + p("本网站开设了移动新媒体。") + ACCOUNTS_TABLE + p("{{/hasMedia}}")
        + p("结尾{{?accounts}}（共有账号）{{/accounts}}。");
    PreparedTemplate t = ok(body);
    List<String> yes = render(t, inline(), 1);
    assertTrue(yes.contains("本网站开设了移动新媒体。") && yes.contains("结尾（共有账号）。"), yes::toString);
    Map<String, String> v = inline();
    v.put("hasMedia", "否");
    List<String> no = render(t, v, 0);
    assertEquals(List.of("开头", "结尾。"), no);
  }

  @Test
  void misplacedOrUnknownStructureIsRefusedWithItsPlace() {
    assertEquals(TemplateCodes.UNKNOWN_TAG, onlyError(p("{{#posts}}{{/posts}}")).code());
    Diagnostic outside = onlyError(p("{{#accounts}}{{accounts.name}}{{/accounts}}"));
    assertEquals(TemplateCodes.SYNTAX, outside.code());
    assertTrue(outside.message().contains("表格的一行"), outside.message());
    assertTrue(onlyError(p("{{?hasMedia}}") + p("没有结束")).message().contains("没有用 {{/hasMedia}} 结束"));
    assertTrue(onlyError(p("{{t.visits.v|#,##x}}")).message().contains("格式"));
    Diagnostic column = onlyError("<w:tbl>" + row("{{accounts.name}}") + "</w:tbl>");
    assertTrue(column.message().contains("{{#accounts}}"), column.message());
  }

  static Diagnostic onlyError(String body) {
    Result<PreparedTemplate> r = compile(body);
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).collect(Collectors.toList());
    assertEquals(1, errors.size(), errors::toString);
    return errors.get(0);
  }
}
