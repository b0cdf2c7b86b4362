package org.docmerge.batch;

import static org.docmerge.batch.Fixtures.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;
import org.docmerge.model.ReportData;
import org.docmerge.validate.Validator;
import org.docmerge.workbook.TestWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docmerge aggregate}: the district's tables are the exact sums of its members' (§7). */
class AggregateTest {
  @TempDir Path tmp;

  static final Docmerge ENGINE = Docmerge.open("templates/gov-info-annual-2021").get();

  static Docmerge.Checked check(Path p) {
    return ENGINE.check(p, Validator.Options.DEFAULT);
  }

  /** Every summed cell equals the sum of the members' cells, as read back from the written workbooks. */
  static void assertSums(Path aggregate, List<Path> members) {
    Map<String, BigDecimal> expected = new HashMap<>();
    for (Path m : members) {
      ReportData d = check(m).data().orElseThrow();
      for (String id : Fixtures.SPEC.cells().keySet()) {
        expected.merge(id, d.number(id).orElseThrow(), BigDecimal::add);
      }
    }
    Docmerge.Checked sum = check(aggregate);
    assertEquals(List.of(), sum.diagnostics().stream().filter(Diagnostic::isError).toList(), "the sum checks clean");
    assertTrue(sum.diagnostics().stream().allMatch(d -> d.code().startsWith("R1")),
        "only the prose warnings staff resolve by writing the narrative: " + sum.diagnostics());
    for (String id : Fixtures.SPEC.cells().keySet()) {
      assertEquals(0, expected.get(id).compareTo(sum.data().get().number(id).orElseThrow()),
          id + ": " + expected.get(id) + " vs " + sum.data().get().number(id));
    }
  }

  @Test
  void samplesSumAndCheckClean() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    List<Path> members = List.of(
        Files.copy(Fixtures.SAMPLES.resolve("gongshu-investment-2021.xlsx"), in.resolve("a.xlsx")),
        Files.copy(Fixtures.SAMPLES.resolve("district-large-2021.xlsx"), in.resolve("b.xlsx")));
    Path out = tmp.resolve("全区汇总.xlsx");
    Fixtures.Run r = cli("aggregate", in.toString(), "-o", out.toString(), "--agency", "某某区");
    assertEquals(0, r.code(), r.out() + r.err());
    assertSums(out, members);
    ReportData sum = check(out).data().get();
    assertEquals("某某区", sum.field("agency"));
    assertEquals("本级政府", sum.field("unitType"));
    assertEquals(0, new BigDecimal("12.3456").compareTo(sum.number("t2.fees.amount").get()));
  }

  @Test
  void randomConsistentMembersSumExactlyWithTheMemberSheetListingEach() throws Exception {
    Path in = tmp.resolve("in");
    List<Path> members = new java.util.ArrayList<>();
    BigDecimal fees = BigDecimal.ZERO;
    for (int i = 0; i < 12; i++) {
      ReportData d = Fixtures.member(100 + i, 2022);
      fees = fees.add(d.number("t2.fees.amount").get());
      members.add(Fixtures.write(in, (i < 6 ? "部门/" : "街道/") + "m" + i + ".xlsx", d));
    }
    Path out = tmp.resolve("sum.xlsx");
    Fixtures.Run r = cli("aggregate", in.toString(), "-o", out.toString(), "--jobs", "2");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("已汇总 12 个成员单位"), r.out());
    assertSums(out, members);
    assertEquals(0, fees.compareTo(check(out).data().get().number("t2.fees.amount").get()), "fee summed exactly");

    List<List<String>> sheet = TestWorkbooks.rows(out, Aggregate.MEMBER_SHEET);
    assertEquals(14, sheet.size(), "header, 12 members, total: " + sheet);
    int status = sheet.get(0).indexOf("状态");
    int agency = sheet.get(0).indexOf("机关名称");
    for (int i = 1; i <= 12; i++) {
      assertEquals("已计入", sheet.get(i).get(status));
      assertTrue(sheet.get(i).get(agency).startsWith("测试机关1"), sheet.get(i).toString());
    }
    assertEquals("合计", sheet.get(13).get(0));
    assertTrue(sheet.get(13).get(status).contains("12 个单位已计入"));

    Path report = tmp.resolve("报告.docx");
    Fixtures.Run merged = cli("merge", out.toString(), "-o", report.toString());
    assertEquals(0, merged.code(), "ready to merge once staff write the narrative; blank prose is only warned: " + merged.out());
  }

  @Test
  void aMemberWithErrorsIsRefusedUnlessAllowedAndThenListed() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.write(in, "good.xlsx", Fixtures.member(1, 2022));
    ReportData bad = Fixtures.member(2, 2022);
    bad = Fixtures.withValue(bad, "t3.new.natural", bad.number("t3.new.natural").get().add(BigDecimal.ONE));
    Fixtures.write(in, "bad.xlsx", bad);
    Path out = tmp.resolve("sum.xlsx");
    Fixtures.Run r = cli("aggregate", in.toString(), "-o", out.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("AGG.MEMBER_ERRORS") && r.out().contains("测试机关2"), r.out());
    assertFalse(Files.exists(out), "no incomplete aggregate");

    Fixtures.Run allowed = cli("aggregate", in.toString(), "-o", out.toString(), "--allow-errors");
    assertEquals(0, allowed.code(), allowed.out());
    List<List<String>> sheet = TestWorkbooks.rows(out, Aggregate.MEMBER_SHEET);
    int status = sheet.get(0).indexOf("状态");
    assertTrue(sheet.stream().anyMatch(row -> row.get(1).endsWith("bad.xlsx") && row.get(status).contains("有错误，仍已计入")),
        sheet.toString());
  }

  @Test
  void aMemberReportingAnotherYearIsRefused() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.write(in, "a.xlsx", Fixtures.member(1, 2022));
    Fixtures.write(in, "b.xlsx", Fixtures.member(2, 2022));
    Fixtures.write(in, "old.xlsx", Fixtures.member(3, 2021));
    Path out = tmp.resolve("sum.xlsx");
    Fixtures.Run r = cli("aggregate", in.toString(), "-o", out.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("old.xlsx: 错误 AGG.OTHER_YEAR"), r.out());
    assertFalse(Files.exists(out));
    Fixtures.Run asked = cli("aggregate", in.toString(), "-o", out.toString(), "--year", "2021");
    assertEquals(1, asked.code(), "asking for 2021 refuses the two 2022 members: " + asked.out());
    assertEquals(2, asked.out().lines().filter(l -> l.contains("AGG.OTHER_YEAR")).count(), asked.out());
  }

  @Test
  void theSameUnitTwiceIsRefused() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.write(in, "a.xlsx", Fixtures.member(1, 2022));
    Fixtures.write(in, "copy/a.xlsx", Fixtures.member(1, 2022));
    Fixtures.Run r = cli("aggregate", in.toString(), "-o", tmp.resolve("s.xlsx").toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("AGG.DUPLICATE"), r.out());
  }

  @Test
  void anExplicitMemberListRestrictsAndReportsMissingMembers() throws Exception {
    Path in = tmp.resolve("in");
    List<Path> listed = List.of(Fixtures.write(in, "a.xlsx", Fixtures.member(1, 2022)),
        Fixtures.write(in, "b.xlsx", Fixtures.member(2, 2022)));
    Fixtures.write(in, "extra.xlsx", Fixtures.member(3, 2022));
    Path list = tmp.resolve("成员单位.xlsx");
    Files.write(list, TestWorkbooks.column(List.of("成员单位", "a.xlsx", "测试机关2")));
    Path out = tmp.resolve("sum.xlsx");
    Fixtures.Run r = cli("aggregate", in.toString(), "-o", out.toString(), "--members", list.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("extra.xlsx: 提示: 不在成员名单中"), r.out());
    assertSums(out, listed);

    Files.write(list, TestWorkbooks.column(List.of("a.xlsx", "测试机关2", "不存在的单位")));
    Fixtures.Run missing = cli("aggregate", in.toString(), "-o", tmp.resolve("s2.xlsx").toString(), "--members", list.toString());
    assertEquals(1, missing.code(), missing.out());
    assertTrue(missing.out().contains("AGG.MEMBER_MISSING") && missing.out().contains("不存在的单位"), missing.out());
  }

  @Test
  void theAggregateMayNotBeWrittenIntoTheInputFolder() throws Exception {
    Path in = tmp.resolve("in");
    Fixtures.write(in, "a.xlsx", Fixtures.member(1, 2022));
    Fixtures.Run r = cli("aggregate", in.toString(), "-o", in.resolve("sum.xlsx").toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.out().contains("OUT.INSIDE_INPUT"), r.out());
  }
}
