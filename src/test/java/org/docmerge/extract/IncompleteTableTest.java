package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.docmerge.TestReports;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.Test;

/** A truncated or missing table is reported as such, row by row; nothing is filled in. */
class IncompleteTableTest {
  static final ReportSpec SPEC = TestReports.spec2021();

  /** The seed text with table 三 cut after （五）不予处理 (its last 5 rows gone), as a copy-paste that stopped early. */
  static String truncated() {
    String seed = TestReports.seedText();
    int from = seed.indexOf("\t\n\t（六）其他处理");
    int to = seed.indexOf("四、政府信息公开行政复议、行政诉讼情况");
    return seed.substring(0, from) + "\n" + seed.substring(to);
  }

  @Test
  void aTruncatedTableThreeNamesItsMissingRowsAndInventsNoZeros() {
    Result<ReportData> r = Extracts.extract(truncated(), "cut.txt", SPEC);
    List<Diagnostic> incomplete = r.diagnostics().stream()
        .filter(d -> d.code().equals("EXTRACT.TABLE_INCOMPLETE")).toList();
    assertEquals(1, incomplete.size(), r.diagnostics()::toString);
    Diagnostic d = incomplete.get(0);
    assertEquals(org.docmerge.diag.Severity.WARNING, d.severity(), "what could not be read is no fault of the publisher");
    assertEquals("表三", d.location().detail());
    String m = d.message();
    assertTrue(m.contains("没有读到 5 行"), m);
    for (String row : List.of("1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知要求缴纳费用", "（六）其他处理/3.其他",
        "三、本年度办理结果/（七）总计", "四、结转下年度继续办理")) {
      assertTrue(m.contains(row), row + " in " + m);
    }
    ReportData data = r.get();
    assertTrue(data.value("t3.carryover.total").isEmpty(), "a missing row is absent, not 0");
    assertTrue(data.value("t3.total.natural").isEmpty());
    assertEquals(0, data.number("t3.reject5.total").orElseThrow().signum(), "rows before the cut are read");
    assertEquals(SPEC.cells().size() - 5 * 7, data.values().size());
  }

  @Test
  void aMissingTableIsAWarningAboutTheCheckNotAnError() {
    String seed = TestReports.seedText();
    String noTableFour = seed.substring(0, seed.indexOf("\t行政复议")) + seed.substring(seed.indexOf("五、存在的主要问题"));
    Result<ReportData> r = Extracts.extract(noTableFour, "no4.txt", SPEC);
    assertEquals(List.of(), Extracts.codes(r.diagnostics().stream().filter(Diagnostic::isError).toList()));
    assertEquals(List.of("EXTRACT.TABLE_MISSING"), Extracts.codes(r.diagnostics().stream()
        .filter(x -> x.severity() == org.docmerge.diag.Severity.WARNING).toList()));
    assertTrue(r.get().values().keySet().stream().noneMatch(k -> k.startsWith("t4.")));
  }

  /** Table 二 of the 2019 format, every cell a paragraph (nothing marks a blank cell), cut by the text's end. */
  static String cutAfter(String text, String lastCell) {
    return text.substring(0, text.indexOf("\n\n" + lastCell + "\n\n") + lastCell.length() + 4);
  }

  static Diagnostic incomplete(Result<ReportData> r) {
    return r.diagnostics().stream().filter(d -> d.code().equals("EXTRACT.TABLE_INCOMPLETE")).findFirst()
        .orElseThrow(() -> new AssertionError(r.diagnostics().toString()));
  }

  @Test
  void aRowCutByTheEndOfTheTextShowsItsFirstCellsWhereEveryOtherRowShowsAllOfItsOwn() {
    // 「行政强制」 cut after 11 and 12: every complete row of the table writes all its cells, so these are its first two
    String text = cutAfter(PublishedShapesTest.table2("第二十条第(%s)项", "1767.06", true), "12");
    Result<ReportData> r = Extracts.extract(text, "cut.txt", PublishedShapesTest.SPEC2019);
    Map<String, String> v = Extracts.values(r.get());
    assertEquals("11", v.get("t2.coercion.prev_items"));
    assertEquals("12", v.get("t2.coercion.change"));
    assertNull(v.get("t2.coercion.decisions"), "the cell after the cut is not there, not 0");
    assertEquals("9", v.get("t2.penalty.decisions"));
    String m = incomplete(r).message();
    assertTrue(m.contains("行政强制（只读到 2 格") && m.contains("其余 1 格没有读到"), m);
    assertTrue(m.contains("行政事业性收费") && m.contains("政府集中采购"), "the rows after the cut are named: " + m);
  }

  @Test
  void aCutRowIsNotReadWhereTheReportLeavesBlanksOrTheTextGoesOn() {
    String whole = PublishedShapesTest.table2("第二十条第(%s)项", "1767.06", true);
    // the same cut, but 行政处罚 shows two of its three cells: this report leaves blanks, so which of 行政强制's
    // cells are shown cannot be told
    String blanks = cutAfter(whole.replace("行政处罚\n\n7\n\n0\n\n9", "行政处罚\n\n7\n\n9"), "12");
    Result<ReportData> r = Extracts.extract(blanks, "cut.txt", PublishedShapesTest.SPEC2019);
    Map<String, String> v = Extracts.values(r.get());
    assertNull(v.get("t2.coercion.prev_items"));
    assertNull(v.get("t2.coercion.change"));
    assertNull(v.get("t2.penalty.prev_items"));
    assertTrue(incomplete(r).message().contains("分不清哪几格是空的"), incomplete(r).message());
    // the text goes on after the short row (a heading): the row is short, not cut
    String goesOn = cutAfter(whole, "12") + "三、收到和处理政府信息公开申请情况\n";
    Map<String, String> w = Extracts.values(Extracts.extract(goesOn, "short.txt", PublishedShapesTest.SPEC2019).get());
    assertNull(w.get("t2.coercion.prev_items"));
    assertNull(w.get("t2.coercion.change"));
    assertEquals("9", w.get("t2.penalty.decisions"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void aRowWithoutItsLabelIsNotPlacedWhereTheSlotDoesNotFitExactly(boolean paragraphs) {
    String[] named = {"规范性文件", "1", "2", "3"};
    List<String[][]> refused = List.of(
        // both rows of the block unnamed: which values are whose cannot be told
        new String[][] {{"  ", "5", "6", "7"}, {"  ", "1", "2", "3"}},
        // two values where three belong: a blank cell left out, or a value lost
        new String[][] {{"  ", "5", "6"}, named},
        // four values: a stray cell
        new String[][] {{"  ", "5", "6", "7", "8"}, named},
        // a label the format does not have stands in the slot: its own row, not 规章
        new String[][] {{"其他主动公开文件", "5", "6", "7"}, named});
    for (String[][] rows : refused) {
      String text = PublishedShapesTest.block1(paragraphs, rows[0], rows[1]);
      Result<ReportData> r = Extracts.extract(text, "r.txt", PublishedShapesTest.SPEC2019);
      Map<String, String> v = Extracts.values(r.get());
      String what = String.join(" ", rows[0]) + " / " + String.join(" ", rows[1]);
      assertNull(v.get("t2.rules.made"), what + ": " + v);
      assertNull(v.get("t2.rules.total_public"), what + ": " + v);
      assertTrue(r.diagnostics().stream().noneMatch(x -> x.code().equals("EXTRACT.GUESSED")
          && x.message().contains("行标题是空白的")), what);
      assertTrue(incomplete(r).message().contains("规章"), what + ": " + r.diagnostics());
    }
  }
}
