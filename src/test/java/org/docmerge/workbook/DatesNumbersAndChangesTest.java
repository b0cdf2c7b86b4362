package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.docmerge.FuzzZips;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H31 dates, H30 numbers beyond Excel's precision, H57 a file changing while it is read. */
class DatesNumbersAndChangesTest {
  static final ReportSpec SPEC = TestWorkbooks.spec();
  static final byte[] GOOD = WorkbookWriter.write(SPEC, SampleData.gongshu(SPEC));

  static Result<ReportData> read(byte[] xlsx) {
    return WorkbookReader.read(xlsx, "年报.xlsx", SPEC);
  }

  static List<String> codes(Result<?> r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  /** Edits the 发布日期 value cell of the cover sheet. */
  static byte[] published(Consumer<Cell> set, Consumer<XSSFWorkbook> workbook) {
    String label = SPEC.fields().stream().filter(f -> f.id().equals("published")).findFirst().orElseThrow().label();
    return TestWorkbooks.edit(GOOD, wb -> {
      workbook.accept(wb);
      for (Row r : wb.getSheet(SPEC.coverSheet())) {
        Cell c = r.getCell(0);
        if (c != null && label.equals(c.getStringCellValue())) {
          set.accept(r.getCell(1, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK));
        }
      }
    });
  }

  static Consumer<Cell> dateFormatted(LocalDate d) {
    return c -> {
      CellStyle s = c.getSheet().getWorkbook().createCellStyle();
      s.setDataFormat(c.getSheet().getWorkbook().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
      c.setCellStyle(s);
      c.setCellValue(d);
    };
  }

  @Test
  void aDateCellBecomesIsoText() {
    ReportData data = read(published(dateFormatted(LocalDate.of(2022, 1, 20)), wb -> { })).get();
    assertEquals("2022-01-20", data.field("published"));
  }

  @Test
  void theSameDateInThe1904DateSystemReadsTheSame() {
    byte[] xlsx = published(dateFormatted(LocalDate.of(2022, 1, 20)),
        wb -> (wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr() : wb.getCTWorkbook().addNewWorkbookPr())
            .setDate1904(true));
    assertEquals("2022-01-20", read(xlsx).get().field("published"));
  }

  @Test
  void aBareSerialNumberInTheDateFieldIsReadAsADate() {
    assertEquals("2022-01-20", read(published(c -> c.setCellValue(44581), wb -> { })).get().field("published"));
  }

  @Test
  void textDatesStayAsTypedAndTheValidatorAcceptsTheUsualForms() {
    Validator v = new Validator(SPEC);
    for (String typed : List.of("2022年1月20日", "2022.1.20", "2022/01/20", "2022-01-20")) {
      ReportData data = read(published(c -> c.setCellValue(typed), wb -> { })).get();
      assertEquals(typed, data.field("published"));
      assertFalse(v.validate(data).stream().anyMatch(d -> d.code().equals("FIELD.INVALID")), typed);
    }
    ReportData bad = read(published(c -> c.setCellValue("2022年13月40日"), wb -> { })).get();
    assertTrue(v.validate(bad).stream().anyMatch(d -> d.code().equals("FIELD.INVALID")), "an impossible date is reported");
  }

  @Test
  void numbersBeyondFifteenDigitsAndNanAreRefusedAtTheirCell() {
    byte[] asText = TestWorkbooks.edit(GOOD, wb -> TestWorkbooks.cell(wb, SPEC, "t3.new.natural").setCellValue("123456789012345678"));
    Result<ReportData> r = read(asText);
    assertTrue(codes(r).contains("WB.NUMBER_OUT_OF_RANGE"), r.diagnostics().toString());
    assertTrue(r.get().number("t3.new.natural").isEmpty(), "kept as text, never as a rounded number");

    byte[] marked = TestWorkbooks.edit(GOOD, wb -> TestWorkbooks.cell(wb, SPEC, "t3.new.natural").setCellValue(4321.5));
    for (int i = 1; i <= 5; i++) {
      String sheet = "xl/worksheets/sheet" + i + ".xml";
      String xml = new String(FuzzZips.entry(marked, sheet), StandardCharsets.UTF_8);
      if (xml.contains("<v>4321.5</v>")) {
        byte[] nan = FuzzZips.replace(marked, sheet, xml.replace("<v>4321.5</v>", "<v>NaN</v>").getBytes(StandardCharsets.UTF_8));
        Result<ReportData> n = read(nan);
        assertTrue(codes(n).contains("WB.NUMBER_OUT_OF_RANGE"), n.diagnostics().toString());
        assertFalse(codes(n).contains("WB.CORRUPT"), "NaN is one bad cell, not a corrupt file");
        return;
      }
    }
    throw new AssertionError("value not found in any sheet");
  }

  @Test
  void aFileChangedWhileBeingReadIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("年报.xlsx"), GOOD);
    Result<ReportData> r = WorkbookReader.read(file, "年报.xlsx", SPEC, WorkbookReader.Limits.DEFAULT, () -> {
      try {
        Files.write(file, TestWorkbooks.edit(GOOD, wb -> TestWorkbooks.cell(wb, SPEC, "t3.new.natural").setCellValue(7)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    assertEquals(List.of("WB.CHANGED_DURING_READ"), codes(r));
    assertTrue(r.value().isEmpty());
    assertTrue(WorkbookReader.read(file, "年报.xlsx", SPEC).value().isPresent(), "an unchanged file reads");
  }

  @Test
  void limitsCanBeSetPerRun() {
    System.setProperty("docmerge.maxRows", "5");
    try {
      assertEquals(5, WorkbookReader.Limits.configured().maxRows());
      Result<ReportData> r = WorkbookReader.read(GOOD, "年报.xlsx", SPEC, WorkbookReader.Limits.configured());
      assertEquals(List.of("WB.TOO_MANY_ROWS"), codes(r));
    } finally {
      System.clearProperty("docmerge.maxRows");
    }
    System.setProperty("docmerge.maxRows", "not a number");
    try {
      assertEquals(WorkbookReader.Limits.DEFAULT.maxRows(), WorkbookReader.Limits.configured().maxRows());
    } finally {
      System.clearProperty("docmerge.maxRows");
    }
  }
}
