package org.docmerge.extract;

import org.docmerge.report.Reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.TestReports;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-shaped web pages, as government sites publish reports, extract to the values a reader sees. */
class HtmlExtractTest {
  static final ReportSpec SPEC = TestReports.spec2021();

  static byte[] fixture(String name) {
    try (InputStream in = HtmlExtractTest.class.getResourceAsStream("/html/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Result<ReportData> extract(String name) {
    byte[] b = fixture(name);
    assertEquals(Reports.Form.HTML, Reports.sniff(b));
    return Extracts.extract(b, name, SPEC);
  }

  /** What the fixtures' tables show, every other cell 0. */
  static Map<String, BigDecimal> expected() {
    Map<String, BigDecimal> m = new HashMap<>();
    SPEC.cells().keySet().forEach(k -> m.put(k, BigDecimal.ZERO));
    m.put("t2.normative.issued", new BigDecimal(2));
    m.put("t2.normative.repealed", new BigDecimal(1));
    m.put("t2.normative.valid", new BigDecimal(15));
    m.put("t2.license.decisions", new BigDecimal(1234));
    m.put("t2.penalty.decisions", new BigDecimal(5));
    m.put("t2.fees.amount", new BigDecimal("1.5"));
    long[][] t3 = {{3, 1, 4}, {1, 0, 1}, {2, 0, 2}, {0, 1, 1}, {1, 0, 1}, {3, 1, 4}, {1, 0, 1}};
    String[] rows = {"new", "carried", "open", "partial", "unable1", "total", "carryover"};
    for (int i = 0; i < rows.length; i++) {
      m.put("t3." + rows[i] + ".natural", BigDecimal.valueOf(t3[i][0]));
      m.put("t3." + rows[i] + ".commercial", BigDecimal.valueOf(t3[i][1]));
      m.put("t3." + rows[i] + ".total", BigDecimal.valueOf(t3[i][2]));
    }
    m.put("t4.count.review_upheld", BigDecimal.ONE);
    m.put("t4.count.review_total", BigDecimal.ONE);
    return m;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gov-site-2022.html", "single-table-2022.html"})
  void everyValueCoverFactAndPartIsRead(String name) {
    Result<ReportData> r = extract(name);
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    ReportData d = r.get();
    Map<String, BigDecimal> want = expected();
    assertEquals(want.size(), d.values().size());
    want.forEach((k, v) -> assertEquals(0, v.compareTo(d.number(k).orElseThrow(() -> new AssertionError(k + " " + d.values().get(k)))), k));
    assertEquals("某某区市场监督管理局", d.field("agency"));
    assertEquals("2022", d.field("year"));
    assertEquals("https://www.example.gov.cn/zwgk/ndbg/", d.field("url"));
    assertEquals("2023-01-18", d.field("published"), "the closing date is the publication date");
    assertEquals(List.of("2022年，我局认真贯彻落实《条例》，持续深化政务公开。"), d.paragraphs("overview"));
    assertEquals(List.of("（二）依申请公开方面。2022年，我局共受理政府信息公开申请5件，其中本年新收4件，上年结转1件，结转下年度继续办理1件。"),
        d.paragraphs("request"));
    assertEquals(2, d.paragraphs("problems").size(), "the heading variant 「五、政府信息公开工作存在的主要问题及改进情况」 is part 五");
    assertEquals(List.of("2022年，我局未收取信息处理费。"), d.paragraphs("other"), "the closing lines are not prose");
    assertTrue(d.paragraphs("intro").get(0).startsWith("本报告根据"), d.paragraphs("intro").toString());
  }

  @Test
  void aLayoutTableAroundTheArticleIsReadAsThePage() {
    String page = new String(fixture("gov-site-2022.html"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("<div class=\"article\">", "<table width=\"100%\"><tr><td class=\"nav\">栏目</td><td><div class=\"article\">")
        .replace("</div>\n<div class=\"footer\">", "</div></td></tr></table>\n<div class=\"footer\">");
    assertTrue(page.contains("<td class=\"nav\">"));
    Result<ReportData> r = Extracts.extract(page, "layout.html", SPEC);
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    expected().forEach((k, v) -> assertEquals(0, v.compareTo(r.get().number(k).orElseThrow()), k));
    assertEquals("某某区市场监督管理局", r.get().field("agency"));
  }

  @Test
  void anInventedSubtotalColumnIsR18ExtraSubtotalAndShiftsNoValue() {
    org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(new String(fixture("single-table-2022.html"),
        java.nio.charset.StandardCharsets.UTF_8));
    org.jsoup.nodes.Element t3 = doc.select("table:contains(申请人情况)").first();
    var rows = t3.select("tr");
    rows.get(0).select("td:contains(申请人情况)").first().attr("colspan", "8");
    rows.get(1).select("td:contains(法人或其他组织)").first().after("<td rowspan=\"2\">小计</td>");
    for (int i = 3; i < rows.size(); i++) {
      var tds = rows.get(i).select("td");
      tds.get(tds.size() - 1).before("<td>99</td>");
    }
    Result<ReportData> r = Extracts.extract(doc.outerHtml(), "subtotal.html", SPEC);
    assertEquals(List.of("R18.EXTRA_SUBTOTAL"), Extracts.codes(r.diagnostics().stream().filter(Diagnostic::isError).toList()), r.diagnostics()::toString);
    expected().forEach((k, v) -> assertEquals(0, v.compareTo(r.get().number(k).orElseThrow()), k));
  }

  @Test
  void theWebPagePassesTheRules() {
    ReportData d = extract("gov-site-2022.html").get();
    List<Diagnostic> problems = new Validator(SPEC).validate(d).stream()
        .filter(x -> x.severity() != org.docmerge.diag.Severity.INFO).toList();
    assertEquals(List.of(), problems);
  }

  @Test
  void aBlankTotalColumnNamesTheValueEachCellShouldHoldAndIsNotReadAsZero() {
    Result<ReportData> r = extract("blank-total-2022.html");
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    ReportData d = r.get();
    for (ReportSpec.Line row : SPEC.table("t3").get().blocks().get(0).rows()) {
      assertTrue(d.values().get("t3." + row.id() + ".total").isBlank(), row.id());
    }
    List<Diagnostic> r01 = new Validator(SPEC).validate(d).stream()
        .filter(x -> x.code().equals("R01")).toList();
    // Each blank total whose six cells add up to more than 0 is one finding at its cell, with the sum.
    List<Diagnostic> valued = r01.stream().filter(x -> x.message().contains("这一格应为")).toList();
    assertEquals(7, valued.size(), r01::toString);
    for (Diagnostic x : valued) {
      String row = x.message().substring(x.message().indexOf("「") + 1, x.message().indexOf("」行"));
      String id = SPEC.table("t3").get().blocks().get(0).rows().stream()
          .filter(l -> org.docmerge.spec.Labels.norm(x.message()).contains(org.docmerge.spec.Labels.norm(l.leaf() + "」行")))
          .findFirst().orElseThrow(() -> new AssertionError(row)).id();
      java.math.BigDecimal sum = java.util.stream.Stream.of("natural", "commercial", "research", "nonprofit", "legal", "other")
          .map(c -> d.number("t3." + id + "." + c).orElseThrow()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
      assertTrue(sum.signum() > 0 && x.message().contains("应为 " + sum.toPlainString() + "，"), x::toString);
      assertTrue(x.location().detail().startsWith("表三 第"), x.location().toString());
    }
    // The 18 whose cells are all 0 read as a blank-for-zero style: one finding for the table, not 18.
    assertEquals(1, r01.size() - valued.size(), r01::toString);
    assertTrue(r01.stream().anyMatch(x -> x.message().contains("表三有 18 个单元格为空")), r01::toString);
    // The identities are not computed over blanks (R01 already names each blank cell).
    assertTrue(new Validator(SPEC).validate(d).stream().noneMatch(x -> x.code().equals("R03")));
  }

  @Test
  void slashDashBlankAndWuAreR01AtTheirCells() {
    ReportData d = extract("odd-cells-2022.html").get();
    assertEquals("/", d.values().get("t2.rules.issued").text());
    assertEquals("—", d.values().get("t2.rules.repealed").text());
    assertTrue(d.values().get("t2.rules.valid").isBlank());
    assertEquals("无", d.values().get("t2.coercion.decisions").text());
    List<Diagnostic> r01 = new Validator(SPEC).validate(d).stream().filter(x -> x.code().equals("R01")).toList();
    assertEquals(4, r01.size(), r01::toString);
    assertEquals(List.of("odd-cells-2022.html:表二 第11行 第2格", "odd-cells-2022.html:表二 第3行 第2格",
            "odd-cells-2022.html:表二 第3行 第3格", "odd-cells-2022.html:表二 第3行 第4格"),
        r01.stream().map(x -> x.location().toString()).sorted().toList());
  }
}
