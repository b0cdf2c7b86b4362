package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What staff see in a fresh {@code docmerge init} workbook. */
class WorkbookWriterTest {

  static ReportSpec spec;
  static XSSFWorkbook wb;

  @BeforeAll
  static void init() throws Exception {
    spec = TestWorkbooks.spec();
    wb = new XSSFWorkbook(new ByteArrayInputStream(WorkbookWriter.write(spec, null)));
  }

  @Test
  void sheetsComeInOrder() {
    List<String> names = new ArrayList<>();
    wb.forEach(s -> names.add(s.getSheetName()));
    assertEquals(List.of("封面", "正文", "表二", "表三", "表四"), names);
  }

  @Test
  void everyOfficialLabelAppearsVerbatim() {
    for (ReportSpec.Table t : spec.tables()) {
      Set<String> texts = texts(wb.getSheet(t.sheet()));
      List<String> want = new ArrayList<>();
      want.add(t.heading());
      if (t.corner() != null) {
        want.add(t.corner());
      }
      for (ReportSpec.Block b : t.blocks()) {
        if (b.caption() != null) {
          want.add(b.caption());
        }
        if (b.corner() != null) {
          want.add(b.corner());
        }
        b.columns().forEach(c -> want.addAll(c.label()));
        b.rows().forEach(r -> want.addAll(r.label()));
      }
      for (String w : want) {
        assertTrue(texts.contains(w), t.sheet() + " lacks 「" + w + "」");
      }
    }
    // Spot checks against annual-report-format.md itself, not just the spec: full-width punctuation matters.
    Set<String> t3 = texts(wb.getSheet("表三"));
    assertTrue(t3.contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"));
    assertTrue(t3.contains("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"));
    assertTrue(t3.contains("3.危及“三安全一稳定”"));
    assertTrue(texts(wb.getSheet("表二")).contains("本年收费金额（单位：万元）"));
    assertTrue(texts(wb.getSheet("表四")).contains("未经复议直接起诉"));
    assertTrue(texts(wb.getSheet("表四")).contains("数量"), "表四 data row needs a label to show where to type");
    for (ReportSpec.Field f : spec.fields()) {
      assertTrue(texts(wb.getSheet("封面")).contains(f.label()));
    }
    for (ReportSpec.Section s : spec.sections()) {
      assertTrue(texts(wb.getSheet("正文")).contains(s.label()));
    }
  }

  @Test
  void table3MergesLikeTheOfficialTable() {
    XSSFSheet sh = wb.getSheet("表三");
    CellRangeAddress corner = mergeOf(sh, spec.table("t3").get().corner());
    assertEquals(3, corner.getLastRow() - corner.getFirstRow() + 1, "corner is 3 rows high");
    assertEquals(3, corner.getLastColumn() - corner.getFirstColumn() + 1, "corner is 3 columns wide");
    CellRangeAddress applicants = mergeOf(sh, "申请人情况");
    assertEquals(7, applicants.getLastColumn() - applicants.getFirstColumn() + 1);
    CellRangeAddress results = mergeOf(sh, "三、本年度办理结果");
    assertEquals(22, results.getLastRow() - results.getFirstRow() + 1);
    assertEquals(5, mergeOf(sh, "法人或其他组织").getNumberOfCells());
    CellRangeAddress natural = mergeOf(sh, "自然人");
    assertEquals(2, natural.getLastRow() - natural.getFirstRow() + 1, "自然人 spans header rows 2–3");
    CellRangeAddress first = mergeOf(sh, "一、本年新收政府信息公开申请数量");
    assertEquals(3, first.getLastColumn() - first.getFirstColumn() + 1);
    CellRangeAddress deny = mergeOf(sh, "（三）不予公开");
    assertEquals(8, deny.getLastRow() - deny.getFirstRow() + 1);
    CellRangeAddress total = mergeOf(sh, "（七）总计");
    assertEquals(2, total.getLastColumn() - total.getFirstColumn() + 1);
    // Table 二: a block with one value column lets it span the three value columns.
    CellRangeAddress fee = mergeOf(wb.getSheet("表二"), "本年收费金额（单位：万元）");
    assertEquals(3, fee.getLastColumn() - fee.getFirstColumn() + 1);
    assertEquals(4, mergeOf(wb.getSheet("表二"), "第二十条第（一）项").getNumberOfCells());
    // Table 四: 行政诉讼 over 10 columns, 复议后起诉 over 5, 总计 of 行政复议 down two header rows.
    assertEquals(10, mergeOf(wb.getSheet("表四"), "行政诉讼").getNumberOfCells());
    assertEquals(5, mergeOf(wb.getSheet("表四"), "复议后起诉").getNumberOfCells());
  }

  @Test
  void inputsAreBlankUnlockedYellowAndLabelsLocked() {
    for (ReportSpec.Table t : spec.tables()) {
      TableLayout lay = TableLayout.of(spec, t);
      Sheet sh = wb.getSheet(t.sheet());
      for (TableLayout.Value v : lay.values.values()) {
        Cell c = sh.getRow(v.row()).getCell(v.col());
        if (v.formula() == null) {
          assertFalse(c.getCellStyle().getLocked(), v.spec().id() + " must be editable");
          assertEquals(CellType.BLANK, c.getCellType(), v.spec().id() + " must start blank, not 0");
        } else {
          assertTrue(c.getCellStyle().getLocked(), v.spec().id() + " is a total and locked");
        }
      }
      for (TableLayout.Label l : lay.labels) {
        assertTrue(sh.getRow(l.firstRow()).getCell(l.firstCol()).getCellStyle().getLocked(), l.text());
      }
    }
    assertFalse(wb.getSheet("封面").getRow(1).getCell(1).getCellStyle().getLocked());
    assertFalse(wb.getSheet("正文").getRow(2).getCell(1).getCellStyle().getLocked());
    assertEquals("0.0000", TestWorkbooks.cell(wb, spec, "t2.fees.amount").getCellStyle().getDataFormatString());
  }

  @Test
  void everySheetIsProtectedWithoutPassword() {
    for (Sheet s : wb) {
      XSSFSheet x = (XSSFSheet) s;
      assertTrue(x.getProtect(), s.getSheetName());
      assertFalse(x.getCTWorksheet().getSheetProtection().isSetPassword(), s.getSheetName() + " has no password");
    }
    assertFalse(wb.getSheet("正文").getCTWorksheet().getSheetProtection().getInsertRows(),
        "staff may insert rows for more paragraphs");
  }

  @Test
  void totalsAreLiveFormulasAndEveryIdentityHasACheck() {
    assertEquals("SUM(D6:I6)", TestWorkbooks.cell(wb, spec, "t3.new.total").getCellFormula());
    assertEquals("SUM(D8:D28)", TestWorkbooks.cell(wb, spec, "t3.total.natural").getCellFormula());
    assertEquals("SUM(B6:E6)", TestWorkbooks.cell(wb, spec, "t4.count.review_total").getCellFormula());
    assertEquals(CellType.FORMULA, TestWorkbooks.cell(wb, spec, "t4.count.after_total").getCellType());
    assertEquals(CellType.FORMULA, TestWorkbooks.cell(wb, spec, "t3.carryover.total").getCellType());
    // R03 along 25 rows, R04 and R05 along 7 columns each; R06 three times on one row.
    assertEquals(25 + 7 + 7, TestWorkbooks.checks(spec, "t3").size());
    assertEquals(3, TestWorkbooks.checks(spec, "t4").size());
    XSSFSheet t3 = wb.getSheet("表三");
    assertTrue(texts(t3).contains("校验 R05 第一项+第二项=第三项（七）总计+第四项"));
    assertTrue(texts(t3).contains("校验 R03 总计=六类申请人之和"));
    String natural = TestWorkbooks.address(spec, "t3.new.natural").replaceAll("\\d", "");
    boolean r05 = false;
    for (int[] rc : TestWorkbooks.checks(spec, "t3")) {
      Cell c = t3.getRow(rc[0]).getCell(rc[1]);
      assertEquals(CellType.FORMULA, c.getCellType());
      assertEquals("", c.getStringCellValue(), "a blank workbook's checks stay blank until their inputs are filled");
      r05 |= c.getCellFormula().endsWith(",\"\",IF(SUM(" + natural + "6:" + natural + "7)=SUM(" + natural + "29:" + natural
          + "30),\"✓\",\"✗ 相差 \"&TEXT(ABS(SUM(" + natural + "6:" + natural + "7)-SUM(" + natural + "29:" + natural
          + "30)),\"0\")))");
    }
    assertTrue(r05, "R05 check formula compares 一+二 with （七）总计+四");
    assertEquals(39, t3.getSheetConditionalFormatting().getNumConditionalFormattings(), "each check turns red on ✗");
  }

  @Test
  void coverHasValidationsAndTablesHaveNumberValidation() {
    assertEquals(2, wb.getSheet("封面").getDataValidations().size(), "year and unitType");
    assertFalse(wb.getSheet("表三").getDataValidations().isEmpty());
    assertEquals(2, wb.getSheet("表二").getDataValidations().size(), "counts and money");
    assertEquals("宋体", wb.getFontAt(0).getFontName());
    assertTrue(wb.getSheet("表三").getPrintSetup().getLandscape());
    assertNotNull(wb.getSheet("表三").getPaneInformation());
  }

  static Set<String> texts(Sheet sh) {
    Set<String> out = new HashSet<>();
    for (Row r : sh) {
      for (Cell c : r) {
        if (c.getCellType() == CellType.STRING) {
          out.add(c.getStringCellValue());
        }
      }
    }
    return out;
  }

  static CellRangeAddress mergeOf(Sheet sh, String text) {
    for (CellRangeAddress m : sh.getMergedRegions()) {
      Cell c = sh.getRow(m.getFirstRow()).getCell(m.getFirstColumn());
      if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
        return m;
      }
    }
    throw new AssertionError("no merge holds 「" + text + "」 on " + sh.getSheetName());
  }

  @Test
  void eachTablesInstructionSpeaksOnlyOfWhatThatTableHas() {
    for (ReportSpec.Table t : spec.tables()) {
      TableLayout lay = TableLayout.of(spec, t);
      String note = wb.getSheet(t.sheet()).getRow(1).getCell(0).getStringCellValue();
      boolean totals = lay.values.values().stream().anyMatch(v -> v.formula() != null);
      assertEquals(totals, note.contains("合计"), t.sheet() + ": " + note);
      assertEquals(!lay.checks.isEmpty(), note.contains("校验"), t.sheet() + ": " + note);
    }
    String t2 = wb.getSheet("表二").getRow(1).getCell(0).getStringCellValue();
    assertFalse(t2.contains("合计") || t2.contains("校验") || t2.contains("✓"), "表二 has no totals and no checks: " + t2);
  }

  @Test
  void proseRowsWrapAndAreNotFixedInHeight() throws Exception {
    org.docmerge.model.ReportData data = org.docmerge.tools.SampleData.gongshu(spec);
    String longText = "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，".repeat(20);
    var paragraphs = new java.util.LinkedHashMap<>(data.prose());
    String first = spec.sections().get(0).id();
    paragraphs.put(first, List.of(longText));
    org.docmerge.model.ReportData withLong = new org.docmerge.model.ReportData(data.kind(), data.source(), data.fields(),
        data.fieldLocations(), paragraphs, data.proseLocations(), data.values());
    try (XSSFWorkbook filled = new XSSFWorkbook(new ByteArrayInputStream(WorkbookWriter.write(spec, withLong)))) {
      for (XSSFWorkbook w : List.of(wb, filled)) {
        XSSFSheet prose = w.getSheet(spec.proseSheet());
        for (int r = 2; r <= prose.getLastRowNum(); r++) {
          var ct = prose.getRow(r).getCTRow();
          assertFalse(ct.isSetCustomHeight() && ct.getCustomHeight(), "正文 row " + (r + 1) + " grows with its text");
          assertTrue(prose.getRow(r).getCell(1).getCellStyle().getWrapText(), "正文 row " + (r + 1) + " wraps");
        }
      }
      float h = filled.getSheet(spec.proseSheet()).getRow(2).getHeightInPoints();
      assertTrue(h >= longText.length() / 38 * 15, "a long paragraph starts tall enough to read: " + h);
    }
  }

  @Test
  void everySheetPrintsLandscapeAtNinePointsOrMoreWithTitleRowsRepeated() {
    for (Sheet sh : wb) {
      XSSFSheet x = (XSSFSheet) sh;
      assertTrue(x.getPrintSetup().getLandscape(), sh.getSheetName());
      assertFalse(x.getFitToPage(), sh.getSheetName() + ": a fixed scale, so every client prints alike");
      int scale = x.getPrintSetup().getScale();
      assertTrue(scale * WorkbookWriter.FONT_POINTS / 100.0 >= WorkbookWriter.MIN_PRINT_POINTS,
          sh.getSheetName() + " prints at " + scale + " %");
      assertNotNull(x.getRepeatingRows(), sh.getSheetName() + " repeats its title rows on every page");
    }
  }
}
