package org.docmerge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.docmerge.TestReports;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Severity;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidatorTest {
  private static final ReportSpec SPEC = TestReports.spec2021();
  private static final Validator VALIDATOR = new Validator(SPEC);

  private static List<Diagnostic> check(ReportData data) {
    return VALIDATOR.validate(data);
  }

  private static List<Diagnostic> notInfo(List<Diagnostic> ds) {
    return ds.stream().filter(d -> d.severity() != Severity.INFO).toList();
  }

  /** The one diagnostic that is not a note; fails with the whole list otherwise. */
  private static Diagnostic only(List<Diagnostic> ds) {
    List<Diagnostic> real = notInfo(ds);
    assertEquals(1, real.size(), () -> "expected exactly one diagnostic, got " + real);
    return real.get(0);
  }

  private static Location at(String cellId) {
    return TestReports.seed().values().get(cellId).location();
  }

  @Test
  void seedReportIsClean() {
    assertEquals(List.of(), notInfo(check(TestReports.seed())));
  }

  // ---- R01 / R02 ----

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "—", "无", "N/A"})
  void blankOrNoneMarkInACountIsR01AtItsCell(String text) {
    Diagnostic d = only(check(TestReports.seedWith("t3.deny3.legal", new CellValue(null, text, null))));
    assertEquals("R01", d.code());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(at("t3.deny3.legal"), d.location());
    assertTrue(d.message().contains("0"), d.message());
    assertTrue(d.message().contains("3.危及“三安全一稳定”"), d.message());
  }

  @Test
  void negativeCountIsR01AndBreaksNoIdentityTwice() {
    List<Diagnostic> ds = notInfo(check(TestReports.seedWith("t2.rules.issued", -1)));
    assertEquals(1, ds.size(), ds.toString());
    assertEquals("R01", ds.get(0).code());
    assertTrue(ds.get(0).message().contains("负数"));
  }

  @Test
  void fractionalCountIsR01() {
    List<Diagnostic> ds = notInfo(check(TestReports.seedWith("t4.count.review_upheld",
        CellValue.of(new BigDecimal("3.6"), null))));
    // 3.6 also breaks R06 (总计 0 ≠ 3.6); the count itself is the first problem staff see.
    assertEquals(List.of("R01", "R06"), ds.stream().map(Diagnostic::code).toList(), ds.toString());
    assertTrue(ds.get(0).message().contains("3.6"));
  }

  @Test
  void feeWithFiveDecimalsWarnsR02AndNegativeFeeIsAnError() {
    Diagnostic warn = only(check(TestReports.seedWith("t2.fees.amount", CellValue.of(new BigDecimal("1.23456"), null))));
    assertEquals("R02", warn.code());
    assertEquals(Severity.WARNING, warn.severity());
    Diagnostic yuan = only(check(TestReports.seedWith("t2.fees.amount", CellValue.of(new BigDecimal("35000"), null))));
    assertEquals("R02", yuan.code());
    assertTrue(yuan.message().contains("元"));
    Diagnostic neg = only(check(TestReports.seedWith("t2.fees.amount", CellValue.of(new BigDecimal("-0.5"), null))));
    assertEquals("R02", neg.code());
    assertEquals(Severity.ERROR, neg.severity());
  }

  // ---- identities ----

  @Test
  void rowTotalThatDoesNotAddUpIsR03AtTheTotalCell() {
    // a wrong total breaks its row (R03) and its column (R04): both are reported, each at its own cell
    List<Diagnostic> ds = notInfo(check(TestReports.seedWith("t3.partial.total", 2)));
    assertEquals(List.of("R03", "R04"), ds.stream().map(Diagnostic::code).toList(), ds.toString());
    assertEquals(at("t3.partial.total"), ds.get(0).location());
    assertTrue(ds.get(0).message().contains("总计=2，六类申请人之和=0，相差 2"), ds.get(0).message());
    assertEquals(at("t3.total.total"), ds.get(1).location());
  }

  @Test
  void identityMessageReadsAsOneSentenceWithOrWithoutCellReferences() {
    // values read back from a published report have no workbook cell: the message must not become 「相差 2。，改正后」
    for (CellValue v : List.of(new CellValue(BigDecimal.valueOf(2), "2", at("t3.partial.total")), CellValue.of(2))) {
      List<Diagnostic> ds = notInfo(check(TestReports.seedWith("t3.partial.total", v)));
      assertTrue(ds.stream().anyMatch(d -> d.code().equals("R03")), ds.toString());
      for (Diagnostic d : ds) {
        assertTrue(!d.message().matches(".*[。，；][。，；].*"), d.message());
        assertTrue(d.message().endsWith("改正后两边应相等。"), d.message());
      }
    }
  }

  @Test
  void resultSubRowsNotAddingUpToTotalIsR04() {
    // a second natural-person request denied as a state secret, without touching （七）总计 or the row total
    ReportData data = TestReports.seedBuilder()
        .value("t3.deny1.natural", new CellValue(BigDecimal.ONE, "1", at("t3.deny1.natural")))
        .value("t3.deny1.total", new CellValue(BigDecimal.ONE, "1", at("t3.deny1.total")))
        .build();
    List<Diagnostic> ds = notInfo(check(data));
    assertEquals(List.of("R04", "R04"), ds.stream().map(Diagnostic::code).toList(), ds.toString());
    assertEquals(at("t3.total.natural"), ds.get(0).location());
  }

  @Test
  void carryOverBreakIsR05WithBothSidesAndTheDifference() {
    ReportData data = TestReports.seedBuilder()
        .value("t3.new.natural", new CellValue(BigDecimal.valueOf(2), "2", at("t3.new.natural")))
        .value("t3.new.total", new CellValue(BigDecimal.valueOf(2), "2", at("t3.new.total")))
        .build();
    List<Diagnostic> ds = notInfo(check(data));
    List<Diagnostic> r05 = ds.stream().filter(d -> d.code().equals("R05")).toList();
    assertEquals(2, r05.size(), ds.toString()); // 自然人 and 总计 columns
    assertTrue(r05.get(0).message().contains("「自然人」列：第一项+第二项=2，第三项（七）总计+第四项=1，相差 1"),
        r05.get(0).message());
    // the prose says 本年新收1件, which now contradicts the table
    assertTrue(ds.stream().anyMatch(d -> d.code().equals("R11") && d.isError()), ds.toString());
  }

  @Test
  void reviewTotalIsR06() {
    List<Diagnostic> ds = notInfo(check(TestReports.seedWith("t4.count.after_total", 3)));
    assertEquals("R06", ds.get(0).code());
    assertTrue(ds.get(0).message().contains("复议后起诉"), ds.get(0).message());
    assertEquals(at("t4.count.after_total"), ds.get(0).location());
    // and the seed's prose 「未发生…行政复议案和行政诉讼案」 now contradicts table 四
    assertEquals("R12", ds.get(1).code());
    assertTrue(ds.get(1).message().contains("未发生因有关政府信息公开而引发的行政复议案和行政诉讼案」"), ds.get(1).message());
    assertEquals(2, ds.size());
  }

  // ---- cover ----

  @Test
  void missingAgencyAndBadYear() {
    ReportData data = TestReports.seedBuilder()
        .field("agency", "", Location.cell("x", "封面", 1, 1))
        .field("year", "二〇二一", Location.cell("x", "封面", 2, 1))
        .build();
    List<String> codes = notInfo(check(data)).stream().map(Diagnostic::code).toList();
    assertTrue(codes.contains("FIELD.MISSING"), codes.toString());
    assertTrue(codes.contains("FIELD.INVALID"), codes.toString());
  }

  @Test
  void a2020ReportInThe2021FormatIsR18() {
    ReportData data = TestReports.seedBuilder().field("year", "2020", Location.cell("x", "封面", 2, 1)).build();
    List<Diagnostic> ds = notInfo(check(data));
    assertTrue(ds.stream().anyMatch(d -> d.code().equals("R18") && d.isError()), ds.toString());
  }

  @Test
  void publishedAfterTheDeadlineIsR10() {
    ReportData late = TestReports.seedBuilder().field("published", "2022-02-10", Location.cell("x", "封面", 5, 1)).build();
    Diagnostic d = only(check(late));
    assertEquals("R10", d.code());
    assertTrue(d.message().contains("2022-01-31"), d.message());
    ReportData onTime = TestReports.seedBuilder().field("published", "2022年1月20日", Location.cell("x", "封面", 5, 1)).build();
    assertEquals(List.of(), notInfo(check(onTime)));
    // a government's own report has until 31 March
    ReportData gov = TestReports.seedBuilder()
        .field("published", "2022-02-10", Location.cell("x", "封面", 5, 1))
        .field("unitType", "本级政府", Location.cell("x", "封面", 3, 1)).build();
    assertEquals(List.of(), notInfo(check(gov)));
    // an office's own earlier deadline
    List<Diagnostic> strict = notInfo(VALIDATOR.validate(onTime,
        new Validator.Options(Optional.empty(), Optional.of(LocalDate.of(2022, 1, 15)))));
    assertEquals("R10", only(strict).code());
  }

  // ---- prose ----

  @Test
  void statisticalPeriodOfAnotherYearIsR09() {
    String intro = TestReports.seedProse().get("intro").get(0).replace("从2021年1月1日", "从2020年1月1日");
    Diagnostic d = only(check(TestReports.seedWithProse("intro", intro)));
    assertEquals("R09", d.code());
    assertEquals(Severity.ERROR, d.severity());
  }

  @Test
  void paragraphCopiedFromLastYearWarnsR09() {
    Diagnostic d = only(check(TestReports.seedWithProse("management", "2020年，我局进一步规范信息发布审核流程。")));
    assertEquals("R09", d.code());
    assertEquals(Severity.WARNING, d.severity());
  }

  @Test
  void proseNumberContradictingTableThreeIsR11Error() {
    String p = TestReports.seedProse().get("request").get(0).replace("其中本年新收1件", "其中本年新收3件");
    List<Diagnostic> ds = notInfo(check(TestReports.seedWithProse("request", p)));
    assertTrue(ds.stream().anyMatch(d -> d.code().equals("R11") && d.isError() && d.message().contains("本年新收3件")),
        ds.toString());
  }

  @Test
  void chineseNumeralsInProseAreRead() {
    String ok = "2021年度，我局共受理政府信息公开申请一件，其中本年新收一件，上年结转零件。";
    assertEquals(List.of(), notInfo(check(TestReports.seedWithProse("request", ok))));
    String wrong = "2021年度，我局本年新收政府信息公开申请两件。";
    assertEquals("R11", only(check(TestReports.seedWithProse("request", wrong))).code());
  }

  @Test
  void noRequestsClaimedWhileTableHasOneIsR11() {
    Diagnostic d = only(check(TestReports.seedWithProse("request", "2021年度，我局未收到政府信息公开申请。")));
    assertEquals("R11", d.code());
  }

  @Test
  void reviewCasesDeniedInProseButPresentInTableIsR12() {
    ReportData data = TestReports.seedBuilder()
        .value("t4.count.review_pending", new CellValue(BigDecimal.ONE, "1", at("t4.count.review_pending")))
        .value("t4.count.review_total", new CellValue(BigDecimal.ONE, "1", at("t4.count.review_total")))
        .build();
    Diagnostic d = only(check(data));
    assertEquals("R12", d.code()); // the seed's prose says 未发生…行政复议案和行政诉讼案
    assertEquals(Severity.ERROR, d.severity());
  }

  @Test
  void itemisedCountsThatDoNotAddUpWarnR14() {
    String p = TestReports.seedProse().get("active").get(0).replace("行政执法公开类4条", "行政执法公开类5条");
    Diagnostic d = only(check(TestReports.seedWithProse("active", p)));
    assertEquals("R14", d.code());
    assertTrue(d.message().contains("18条"), d.message());
  }

  @Test
  void feeNoticesWithoutInfoFeeInPartSixWarnR15() {
    ReportData data = TestReports.seedBuilder()
        .value("t3.otherproc2.natural", new CellValue(BigDecimal.ONE, "1", at("t3.otherproc2.natural")))
        .value("t3.otherproc2.total", new CellValue(BigDecimal.ONE, "1", at("t3.otherproc2.total")))
        .value("t3.open.natural", new CellValue(BigDecimal.ZERO, "0", at("t3.open.natural")))
        .value("t3.open.total", new CellValue(BigDecimal.ZERO, "0", at("t3.open.total")))
        .build();
    Diagnostic d = only(check(data));
    assertEquals("R15", d.code());
  }

  @Test
  void emptySubjectWarnsR16AndEmptyProblemsWarnsR17() {
    assertEquals("R16", only(check(TestReports.seedWithProse("platform"))).code());
    assertEquals("R17", only(check(TestReports.seedWithProse("problems"))).code());
    assertEquals("R17", only(check(TestReports.seedWithProse("problems", "无。"))).code());
  }

  /** Ordinary prose of real reports must raise nothing. */
  @ParameterizedTest
  @ValueSource(strings = {
      "2021年，我局共收到政府信息公开申请1件，均已按时答复。",
      "全年共受理依申请公开1件，办结1件，按时办结率100%。",
      "2021年，我局未发生行政复议被纠错的情况。",
      "本年度本局主动公开政府信息共计256条，其中通知公告86条，工作动态120条，人事信息50条。",
      "进一步加强政务公开工作，完善“三定”方案公开，全年召开专题会议3次。",
      "本年度新收到的1件申请已全部办结，没有结转到下一年度。",
      "2022年，我局将继续深化政务公开。",
      "依托区政府门户网站，2021年发布信息1,234条。",
      "本年度办结518件，其中予以公开300件，部分公开100件，其余依法作出不予公开、无法提供等处理。",
      "全年发布信息50条，其中政策文件10条、工作动态20条等。",
  })
  void ordinaryProseRaisesNothing(String paragraph) {
    assertEquals(List.of(), notInfo(check(TestReports.seedWithProse("management", paragraph))));
  }

  @Test
  void diagnosticsSortDeterministically() {
    ReportData data = TestReports.seedBuilder()
        .value("t4.count.review_upheld", new CellValue(null, "/", at("t4.count.review_upheld")))
        .value("t2.rules.issued", new CellValue(null, "", at("t2.rules.issued")))
        .value("t3.new.natural", new CellValue(null, "无", at("t3.new.natural")))
        .build();
    List<Diagnostic> sorted = new java.util.ArrayList<>(check(data));
    sorted.sort(Diagnostic.ORDER);
    assertEquals(List.of("表二", "表三", "表四"),
        sorted.stream().filter(d -> d.code().equals("R01")).map(d -> d.location().sheet()).toList());
  }
}
