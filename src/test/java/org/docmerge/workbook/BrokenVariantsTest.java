package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.docmerge.Docmerge;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Severity;
import org.docmerge.spec.ReportSpec;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed sample with one fault each, as staff make them in Excel: each variant yields exactly the expected
 * codes at the expected places through the same path {@code docmerge check} takes. The untouched sample
 * yields nothing.
 */
class BrokenVariantsTest {
  static final Path SEED = Path.of("input-samples/gongshu-investment-2021.xlsx");
  static final ReportSpec SPEC = TestWorkbooks.spec();
  static Docmerge engine;

  @TempDir static Path dir;

  @BeforeAll
  static void open() {
    engine = Docmerge.open("templates/" + SPEC.kind()).get();
  }

  /** Where the cell of a value sits in the sample: 表三!D6. */
  static String at(String cellId) {
    return SPEC.table(cellId.substring(0, 2)).get().sheet() + "!" + TestWorkbooks.address(SPEC, cellId);
  }

  static Consumer<XSSFWorkbook> set(String cellId, Object value) {
    return wb -> {
      Cell c = TestWorkbooks.cell(wb, SPEC, cellId);
      if (c.getCellType() == CellType.FORMULA) {
        c.removeFormula();
      }
      if (value == null) {
        c.setBlank();
      } else if (value instanceof Number n) {
        c.setCellValue(n.doubleValue());
      } else {
        c.setCellValue(value.toString());
      }
    };
  }

  /** Sets column B of the row whose column A reads {@code label} (cover fields, prose sections). */
  static Consumer<XSSFWorkbook> byLabel(String sheet, String label, String value) {
    return wb -> {
      Sheet s = wb.getSheet(sheet);
      for (Row row : s) {
        Cell a = row.getCell(0);
        if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().strip().equals(label)) {
          Cell b = row.getCell(1) != null ? row.getCell(1) : row.createCell(1);
          if (value == null) {
            b.setBlank();
          } else {
            b.setCellValue(value);
          }
          return;
        }
      }
      throw new AssertionError(label + " not found in " + sheet);
    };
  }

  static String prose(String section) {
    return String.join("\n", org.docmerge.tools.SampleData.gongshuProse().get(section));
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of("blank count", set("t3.deny3.legal", null), List.of("R01@" + at("t3.deny3.legal"))),
        Arguments.of("slash for none", set("t2.normative.valid", "/"), List.of("R01@" + at("t2.normative.valid"))),
        Arguments.of("无 for none", set("t4.count.direct_upheld", "无"), List.of("R01@" + at("t4.count.direct_upheld"))),
        Arguments.of("negative count", set("t2.rules.issued", -2), List.of("R01@" + at("t2.rules.issued"))),
        Arguments.of("fraction", set("t2.license.decisions", 3.5), List.of("R01@" + at("t2.license.decisions"))),
        Arguments.of("words in a count", set("t2.penalty.decisions", "若干"), List.of("R01@" + at("t2.penalty.decisions"))),
        Arguments.of("fee with five decimals", set("t2.fees.amount", 0.00005), List.of("R02@" + at("t2.fees.amount"))),
        Arguments.of("fee in yuan", set("t2.fees.amount", 23000), List.of("R02@" + at("t2.fees.amount"))),
        Arguments.of("row total typed over", set("t3.deny2.total", 2),
            List.of("R03@" + at("t3.deny2.total"), "R04@" + at("t3.total.total"))),
        Arguments.of("carry-over breaks 一+二=三+四", set("t3.carryover.commercial", 1),
            List.of("R11@正文", "R05@" + at("t3.new.commercial"), "R05@" + at("t3.new.total"))),
        Arguments.of("review case contradicts prose", set("t4.count.review_pending", 1), List.of("R12@正文")),
        Arguments.of("year of another format", byLabel("封面", "报告年度", "2020"),
            List.of("R18@封面", "R09@正文")), // the intro's 统计期限 still says 2021
        Arguments.of("agency missing", byLabel("封面", "机关名称", null), List.of("FIELD.MISSING@封面")),
        Arguments.of("published late", byLabel("封面", "发布日期", "2022-02-15"), List.of("R10@封面")),
        Arguments.of("period of last year", byLabel("正文", "导语", prose("intro").replace("从2021年1月1日", "从2020年1月1日")),
            List.of("R09@正文")),
        Arguments.of("prose count contradicts table", byLabel("正文", "一（二）依申请公开",
            prose("request").replace("其中本年新收1件", "其中本年新收2件")),
            List.of("R11@正文", "R14@正文")), // and 共受理1件，其中… no longer adds up
        Arguments.of("itemised counts off", byLabel("正文", "一（一）主动公开",
            prose("active").replace("人事信息类1条", "人事信息类2条")), List.of("R14@正文")),
        Arguments.of("part five empty", byLabel("正文", "五、存在的主要问题及改进情况", null), List.of("R17@正文")),
        Arguments.of("sheet renamed", (Consumer<XSSFWorkbook>) wb -> wb.setSheetName(wb.getSheetIndex("表四"), "Sheet4"),
            List.of("WB.SHEET_MISSING@表四")),
        Arguments.of("row label edited", (Consumer<XSSFWorkbook>) wb -> {
              for (Row row : wb.getSheet("表二")) {
                for (Cell c : row) {
                  if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals("行政处罚")) {
                    c.setCellValue("处罚");
                  }
                }
              }
            }, List.of("WB.LABEL_MISSING@表二")),
        Arguments.of("formula error", (Consumer<XSSFWorkbook>) wb ->
            TestWorkbooks.cell(wb, SPEC, "t4.count.review_total").setCellFormula("1/0"),
            List.of("R01@" + at("t4.count.review_total"), "WB.FORMULA_ERROR@" + at("t4.count.review_total"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void eachFaultYieldsExactlyItsCodesAtItsPlaces(String name, Consumer<XSSFWorkbook> fault, List<String> expected)
      throws Exception {
    Path book = dir.resolve(name.replace(' ', '-') + ".xlsx");
    // Excel recalculates on every edit; do the same so the file is what staff would save.
    Files.write(book, TestWorkbooks.edit(Files.readAllBytes(SEED), fault.andThen(
        org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator::evaluateAllFormulaCells)));
    Docmerge.Checked checked = engine.check(book, Validator.Options.DEFAULT);
    List<String> got = checked.diagnostics().stream()
        .filter(d -> d.severity() != Severity.INFO)
        .map(BrokenVariantsTest::codeAt)
        .toList();
    assertEquals(expected, got, () -> checked.diagnostics().toString());
  }

  @Test
  void theUntouchedSampleChecksClean() {
    List<Diagnostic> ds = engine.check(SEED, Validator.Options.DEFAULT).diagnostics();
    assertEquals(List.of(), ds.stream().filter(d -> d.severity() != Severity.INFO).toList());
  }

  /** R03@表三!J12 for a cell, R11@正文 for prose, R18@封面 for a cover field, WB.SHEET_MISSING@表四 for a sheet. */
  private static String codeAt(Diagnostic d) {
    var l = d.location();
    return d.code() + "@" + (l.hasCell() && !l.sheet().equals("正文") && !l.sheet().equals("封面")
        ? l.sheet() + "!" + l.cellRef() : l.sheet());
  }
}
