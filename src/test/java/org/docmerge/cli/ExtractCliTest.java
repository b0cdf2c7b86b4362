package org.docmerge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docmerge.Docmerge;
import org.docmerge.TestReports;
import org.docmerge.model.ReportData;
import org.docmerge.workbook.WorkbookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** extract, check, init --from and --previous on published reports, as a user runs them. */
class ExtractCliTest {
  @TempDir Path tmp;

  static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  Path seedDocx() {
    Path out = tmp.resolve("2021年报.docx");
    CliTest.Run r = run("merge", CliTest.SEED.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    return out;
  }

  Path html(String name) throws Exception {
    Path p = tmp.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/html/" + name)) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  /**
   * A page whose three tables are pictures: no error can be found in numbers that were not read, and the verdict
   * says so instead of 「检查通过」 (each table's warning says why).
   */
  @Test
  void aReportWhoseTablesWereNotReadIsNotSaidToPass() throws Exception {
    Path page = html("tables-as-pictures-2023.html");
    CliTest.Run r = run("check", page.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertFalse(r.out().contains("检查通过"), r.out());
    assertTrue(r.out().contains("表格中的数字一个也没有读到，表格没有检查"), r.out());
    assertTrue(r.out().contains("EXTRACT.TABLE_MISSING"), r.out());
    // a report whose tables were read keeps its verdict
    CliTest.Run seed = run("check", seedDocx().toString());
    assertTrue(seed.out().contains("检查通过"), seed.out());
  }

  @Test
  void extractThenCheckTheExtractedWorkbook() {
    Path docx = seedDocx();
    Path xlsx = tmp.resolve("2021年报数据.xlsx");
    CliTest.Run r = run("extract", docx.toString(), "-o", xlsx.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("生成工作簿"), r.out());
    ReportData back = WorkbookReader.read(xlsx, "x.xlsx", TestReports.spec2021()).get();
    ReportData seed = WorkbookReader.read(CliTest.SEED, "s.xlsx", TestReports.spec2021()).get();
    assertEquals(seed.prose(), back.prose());
    seed.values().forEach((k, v) -> assertEquals(0, v.number().compareTo(back.number(k).orElseThrow()), k));
    CliTest.Run check = run("check", xlsx.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.out().contains("检查通过"), check.out());
  }

  @Test
  void extractRefusesToOverwrite() throws Exception {
    Path docx = seedDocx();
    Path xlsx = tmp.resolve("已有.xlsx");
    Files.writeString(xlsx, "keep");
    CliTest.Run r = run("extract", docx.toString(), "-o", xlsx.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals("keep", Files.readString(xlsx));
  }

  @Test
  void checkAWebPageRunsTheRulesAndSaysWhichCouldNotRun() throws Exception {
    CliTest.Run r = run("check", html("gov-site-2022.html").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("CHECK.NOT_RUN") && r.out().contains("R07、R08、R19"), r.out());
    assertFalse(r.out().contains("R10（"), "the closing date is the publication date, so R10 ran: " + r.out());
    CliTest.Run blank = run("check", html("blank-total-2022.html").toString());
    assertEquals(1, blank.code(), blank.out());
    // Seven blank totals whose six cells add up to more than 0 name their value; the 18 that would be 0 are one
    // finding about the table's blank-for-zero style.
    assertEquals(7, blank.out().lines().filter(l -> l.contains("错误 R01") && l.contains("「总计」列 为空。")
        && l.contains("这一格应为")).count(), blank.out());
    assertEquals(1, blank.out().lines().filter(l -> l.contains("错误 R01") && l.contains("有 18 个单元格为空")).count(),
        blank.out());
  }

  @Test
  void checkThePlainTextOfAReportAndATruncatedOne() throws Exception {
    Path txt = tmp.resolve("2021年报.txt");
    Files.writeString(txt, TestReports.seedText(), StandardCharsets.UTF_8);
    CliTest.Run ok = run("check", txt.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    Path cut = tmp.resolve("cut.txt");
    String seed = TestReports.seedText();
    Files.writeString(cut, seed.substring(0, seed.indexOf("\t\n\t（六）其他处理")) + "\n"
        + seed.substring(seed.indexOf("四、政府信息公开行政复议")), StandardCharsets.UTF_8);
    CliTest.Run bad = run("check", cut.toString());
    assertEquals(0, bad.code(), "what could not be read is a warning about the check, not an error: " + bad.out());
    assertTrue(bad.out().contains("EXTRACT.TABLE_INCOMPLETE") && bad.out().contains("没有读到 5 行"), bad.out());
    assertTrue(bad.out().contains("R01–R06 对没有读到的 35 个数字"), bad.out());
  }

  @Test
  void initFromLastYearsReportCarriesTheCarryOver() throws Exception {
    Path last = html("gov-site-2022.html"); // 结转下年度继续办理: 自然人 1, 总计 1
    Path next = tmp.resolve("2023年报数据.xlsx");
    CliTest.Run r = run("init", "--from", last.toString(), "-o", next.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("已从上年报告结转"), r.out());
    ReportData d = WorkbookReader.read(next, "n.xlsx", TestReports.spec2021()).get();
    assertEquals("2023", d.field("year"));
    assertEquals("某某区市场监督管理局", d.field("agency"));
    assertEquals(0, BigDecimal.ONE.compareTo(d.number("t3.carried.natural").orElseThrow()));
    assertEquals(0, BigDecimal.ONE.compareTo(d.number("t3.carried.total").orElseThrow()));
    assertEquals(0, BigDecimal.ZERO.compareTo(d.number("t3.carried.commercial").orElseThrow()));
    assertEquals(0, new BigDecimal(15).compareTo(d.number("t2.normative.valid").orElseThrow()), "现行有效件数 as the starting point");
    assertTrue(d.value("t3.new.natural").orElseThrow().isBlank(), "nothing else is filled in");
    assertTrue(d.paragraphs("problems").isEmpty(), "prose is not carried");
  }

  @Test
  void previousAsAPublishedReportTriggersR07WhenTheCarryOverDiffers() throws Exception {
    // Last year (2021, the seed report as published): 结转下年度继续办理 all 0. This year's workbook says 上年结转 1.
    Path lastYear = seedDocx();
    Docmerge engine = Docmerge.open("gov-info-annual-2021").get();
    ReportData data = org.docmerge.tools.SampleData.random(engine.kind().spec(), 7);
    assertTrue(data.number("t3.carried.total").orElseThrow().signum() > 0 || data.number("t3.carried.natural").isPresent());
    Path xlsx = tmp.resolve("2022年报数据.xlsx");
    Files.write(xlsx, org.docmerge.workbook.WorkbookWriter.write(engine.kind().spec(), data));
    CliTest.Run r = run("check", xlsx.toString(), "--previous", lastYear.toString());
    boolean differs = engine.kind().spec().table("t3").get().blocks().get(0).columns().stream()
        .anyMatch(c -> data.number("t3.carried." + c.id()).orElseThrow().signum() != 0);
    assertTrue(differs, "the generated data carries something over");
    assertTrue(r.out().contains("警告 R07"), r.out());
    assertTrue(r.out().contains("上年报告「四、结转下年度继续办理」为 0"), r.out());
  }

  @Test
  void previousAsAPublishedReportIsSilentWhenTheCarryOverMatches() throws Exception {
    Path lastYear = html("gov-site-2022.html");
    Path next = tmp.resolve("2023.xlsx");
    assertEquals(0, run("init", "--from", lastYear.toString(), "-o", next.toString()).code());
    CliTest.Run r = run("check", next.toString(), "--previous", lastYear.toString());
    assertFalse(r.out().contains("R07"), r.out());
  }
}
