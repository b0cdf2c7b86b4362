package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.diag.Severity;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What staff actually do to a workbook, and what check and merge then get. */
class ReadingCasesTest {

  static final ReportSpec SPEC = TestWorkbooks.spec();
  static final byte[] SEED = WorkbookWriter.write(SPEC, SampleData.gongshu(SPEC));
  static final String CELL = "t3.deny1.natural"; // 表三 （三）不予公开 1.属于国家秘密 / 自然人

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "12|12", "' 12 '|12", "\u00A012\u00A0|12", "１２|12", "12件|12", "1,234|1234", "１２件|12", "'\u3000３\u3000'|3"})
  void numbersTypedAsTextAreReadWithANote(String typed, String expected) {
    Result<ReportData> r = read(edit(wb -> cell(wb).setCellValue(typed)));
    CellValue v = r.get().value(CELL).orElseThrow();
    assertEquals(new BigDecimal(expected), v.number());
    Diagnostic note = only(r, "WB.TEXT_NUMBER");
    assertEquals(Severity.INFO, note.severity());
    assertEquals("表三!" + TestWorkbooks.address(SPEC, CELL), note.location().place());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "—", "无", "N/A", "不适用", "1 2", "12元"})
  void nonNumbersStayTextWithoutADiagnosticForTheValidatorToReport(String typed) {
    Result<ReportData> r = read(edit(wb -> cell(wb).setCellValue(typed)));
    CellValue v = r.get().value(CELL).orElseThrow();
    assertNull(v.number());
    assertEquals(typed, v.text());
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
  }

  @Test
  void aBlankCellIsBlankNotZero() {
    CellValue v = read(edit(wb -> cell(wb).setBlank())).get().value(CELL).orElseThrow();
    assertTrue(v.isBlank());
    assertFalse(v.isNumber());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, 3.5})
  void negativeAndFractionalCountsAreKeptForTheValidatorToReject(double typed) {
    CellValue v = read(edit(wb -> cell(wb).setCellValue(typed))).get().value(CELL).orElseThrow();
    assertEquals(0, BigDecimal.valueOf(typed).compareTo(v.number()));
  }

  @Test
  void theStoredValueCountsNotTheDisplayedOne() {
    byte[] b = edit(wb -> {
      Cell c = cell(wb);
      c.setCellValue(3.6);
      var st = wb.createCellStyle();
      st.setDataFormat(wb.createDataFormat().getFormat("0")); // shows 4
      c.setCellStyle(st);
    });
    assertEquals(new BigDecimal("3.6"), read(b).get().number(CELL).orElseThrow());
  }

  @Test
  void aFormulaWithoutCachedValueIsEvaluatedNeverReadAsZero() throws Exception {
    // As openpyxl, WPS and other generators write it: a formula with no <v>.
    byte[] b = edit(wb -> {
      XSSFCell c = (XSSFCell) cell(wb);
      c.setCellFormula("2+3");
      if (c.getCTCell().isSetV()) {
        c.getCTCell().unsetV();
      }
    });
    try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(b))) {
      XSSFCell c = (XSSFCell) cell(wb);
      assertFalse(c.getCTCell().isSetV(), "the file really has no cached value");
      assertEquals(0.0, c.getNumericCellValue(), "which POI would silently read as 0");
    }
    Result<ReportData> r = read(b);
    assertEquals(new BigDecimal(5), r.get().number(CELL).orElseThrow());
    // The 总计 of that row was cached as 0 and now evaluates to 5: that is a stale cache, reported.
    assertEquals(new BigDecimal(5), r.get().number("t3.deny1.total").orElseThrow());
  }

  @Test
  void aForgedStaleCacheIsReportedAndTheEvaluatedValueUsed() {
    byte[] b = edit(wb -> {
      cell(wb).setCellValue(2);
      XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
      ((XSSFCell) TestWorkbooks.cell(wb, SPEC, "t3.deny1.total")).getCTCell().setV("999");
    });
    Result<ReportData> r = read(b);
    assertEquals(new BigDecimal(2), r.get().number("t3.deny1.total").orElseThrow());
    Diagnostic stale = only(r, "WB.STALE_FORMULA");
    assertEquals(Severity.WARNING, stale.severity());
    assertEquals("表三!" + TestWorkbooks.address(SPEC, "t3.deny1.total"), stale.location().place());
    assertTrue(stale.message().contains("公式结果未更新") && stale.message().contains("999"), stale.message());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"#REF!+1|#REF!", "1/0|#DIV/0!", "NA()|#N/A"})
  void formulaErrorsAreReportedAtTheCell(String formula, String shown) {
    Result<ReportData> r = read(edit(wb -> {
      cell(wb).setCellFormula(formula);
    }));
    CellValue v = r.get().value(CELL).orElseThrow();
    assertNull(v.number());
    assertEquals(shown, v.text());
    List<Diagnostic> errs = r.diagnostics().stream()
        .filter(d -> d.code().equals("WB.FORMULA_ERROR") && d.location().place().equals("表三!" + TestWorkbooks.address(SPEC, CELL)))
        .toList();
    assertEquals(1, errs.size(), r.diagnostics().toString());
    assertTrue(errs.get(0).isError());
  }

  @Test
  void insertedRowsAndColumnsDoNotShiftValues() {
    ReportData data = SampleData.random(SPEC, 11);
    byte[] b = TestWorkbooks.edit(WorkbookWriter.write(SPEC, data), wb -> {
      Sheet sh = wb.getSheet("表三");
      // A blank row before 一、 and a column between the label columns and 自然人, with stray content.
      sh.shiftRows(5, sh.getLastRowNum(), 1);
      sh.createRow(5).createCell(5).setCellValue(77);
      wb.getSheet("表三").shiftColumns(3, 12, 1);
      for (Row row : sh) {
        row.createCell(3).setCellValue(row.getRowNum() == 3 ? "备注" : "99");
      }
      XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
    });
    Result<ReportData> r = WorkbookReader.read(b, "inserted.xlsx", SPEC);
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    for (String id : data.values().keySet()) {
      assertEquals(0, data.number(id).get().compareTo(r.get().number(id).orElseThrow()), id);
    }
    assertEquals("表三!E7", r.get().value("t3.new.natural").get().location().place(), "moved one right and one down");
  }

  @Test
  void table4DataRowIsFoundByItsMarkEvenBelowAnInsertedRow() {
    ReportData data = SampleData.random(SPEC, 5);
    byte[] b = TestWorkbooks.edit(WorkbookWriter.write(SPEC, data), wb -> {
      Sheet sh = wb.getSheet("表四");
      sh.shiftRows(5, sh.getLastRowNum(), 1); // a blank row between the header and 「数量」
      XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
    });
    Result<ReportData> r = read(b);
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertEquals(0, data.number("t4.count.after_total").get().compareTo(r.get().number("t4.count.after_total").get()));
    assertEquals("表四!B7", r.get().value("t4.count.review_upheld").get().location().place());
  }

  @ParameterizedTest
  @ValueSource(strings = {"表３", "表三 x", "Sheet1"})
  void aRenamedSheetIsReportedWithWhatWasFound(String renamed) {
    Result<ReportData> r = read(edit(wb -> wb.setSheetName(wb.getSheetIndex("表三"), renamed)));
    Diagnostic d = only(r, "WB.SHEET_MISSING");
    assertTrue(d.isError());
    assertEquals("表三", d.location().sheet());
    assertTrue(d.message().contains("「表三」") && d.message().contains(renamed), d.message());
    assertFalse(r.get().value(CELL).isPresent());
    assertTrue(r.get().value("t2.rules.issued").isPresent(), "the other sheets are still read");
  }

  @Test
  void aTrailingSpaceInASheetNameIsAcceptedWithANote() {
    Result<ReportData> r = read(edit(wb -> wb.setSheetName(wb.getSheetIndex("表三"), "表三 ")));
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertEquals(Severity.INFO, only(r, "WB.SHEET_NAME_TRIMMED").severity());
  }

  @Test
  void aHiddenSheetIsReadWithAWarning() {
    Result<ReportData> r = read(edit(wb -> {
      wb.setActiveSheet(0);
      wb.setSheetHidden(wb.getSheetIndex("表四"), true);
    }));
    assertEquals(Severity.WARNING, only(r, "WB.SHEET_HIDDEN").severity());
    assertEquals("表四", only(r, "WB.SHEET_HIDDEN").location().sheet());
    assertEquals(0, BigDecimal.ZERO.compareTo(r.get().number("t4.count.review_total").orElseThrow()));
  }

  @Test
  void anEditedRowLabelIsReportedByName() {
    String label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    Result<ReportData> r = read(edit(wb -> {
      for (Row row : wb.getSheet("表三")) {
        for (Cell c : row) {
          if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
            c.setCellValue("（二）部分公开");
          }
        }
      }
    }));
    Diagnostic d = only(r, "WB.LABEL_MISSING");
    assertTrue(d.isError());
    assertTrue(d.message().contains(label) && d.message().contains("表三"), d.message());
    assertFalse(r.get().value("t3.partial.natural").isPresent());
    assertTrue(r.get().value("t3.open.natural").isPresent(), "other rows are still read");
  }

  @Test
  void labelsMatchDespiteLineBreaksSpacesAndFullWidthForms() {
    Result<ReportData> r = read(edit(wb -> {
      for (Row row : wb.getSheet("表三")) {
        for (Cell c : row) {
          if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals("商业企业")) {
            c.setCellValue("商业\n企业 ");
          }
          if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals("1.属于国家秘密")) {
            c.setCellValue("1. 属于国家秘密");
          }
        }
      }
    }));
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertTrue(r.get().value("t3.deny1.commercial").isPresent());
  }

  @Test
  void theInputFileIsNeverModified(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("年报.xlsx");
    Files.write(f, SEED);
    String before = sha256(f);
    long modified = Files.getLastModifiedTime(f).toMillis();
    Result<ReportData> r = WorkbookReader.read(f, "年报.xlsx", SPEC);
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertEquals(before, sha256(f));
    assertEquals(modified, Files.getLastModifiedTime(f).toMillis());
    assertEquals("年报.xlsx", r.get().value(CELL).get().location().file());
  }

  static String sha256(Path f) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  static Cell cell(XSSFWorkbook wb) {
    return TestWorkbooks.cell(wb, SPEC, CELL);
  }

  static byte[] edit(Consumer<XSSFWorkbook> change) {
    return TestWorkbooks.edit(SEED, change);
  }

  static Result<ReportData> read(byte[] b) {
    Result<ReportData> r = WorkbookReader.read(b, "年报.xlsx", SPEC);
    assertTrue(r.value().isPresent(), r.diagnostics().toString());
    FastXlsxTest.assertSameAsXssf(b, "年报.xlsx");
    return r;
  }

  static Diagnostic only(Result<?> r, String code) {
    List<Diagnostic> ds = r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    assertEquals(1, ds.size(), code + " expected once in " + r.diagnostics());
    return ds.get(0);
  }
}
