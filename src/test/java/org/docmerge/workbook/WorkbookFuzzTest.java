package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.docmerge.FuzzZips;
import org.docmerge.Bounded;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.validate.Validator;

/**
 * Fuzz target for the workbook boundary: any bytes in, a {@link Result} out, never an exception (an Error such as
 * OutOfMemoryError of the whole JVM is the only thing allowed to escape, and it would be a finding too). A file
 * that reads is also validated, so the rules see every odd value the reader lets through.
 *
 * <p>Without {@code JAZZER_FUZZ} this replays {@code WorkbookFuzzTestInputs/readWorkbook/} (seeds: real
 * workbooks; crash files: past findings). Fuzzing command: docs/hostile-inputs.md.
 */
class WorkbookFuzzTest {
  private static final ReportSpec SPEC = TestWorkbooks.spec();
  private static final Validator VALIDATOR = new Validator(SPEC);

  @FuzzTest(maxDuration = "10m")
  void readWorkbook(byte[] bytes) {
    check(bytes);
  }

  /**
   * Structure-aware: the seed workbook with one XML part replaced by fuzz bytes and zipped correctly, so the
   * mutations reach POI's XML parsing and our label and value reading instead of dying at a CRC.
   */
  @FuzzTest(maxDuration = "10m")
  void readWorkbookPart(FuzzedDataProvider data) {
    String part = PARTS[data.consumeInt(0, PARTS.length - 1)];
    check(FuzzZips.replace(SEED, part, data.consumeRemainingAsBytes()));
  }

  private static final String[] PARTS = {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
      "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml"};
  private static final byte[] SEED = WorkbookWriter.write(SPEC, org.docmerge.tools.SampleData.gongshu(SPEC));

  private static void check(byte[] bytes) {
    long start = System.nanoTime();
    Result<ReportData> read = WorkbookReader.read(bytes, "fuzz.xlsx", SPEC);
    assertNotNull(read);
    if (read.value().isEmpty()) {
      assertTrue(read.diagnostics().stream().anyMatch(Diagnostic::isError), "a rejected file must say why");
    }
    read.value().ifPresent(data -> assertNotNull(VALIDATOR.validate(data)));
    Bounded.check(start, "WorkbookReader.read");
  }
}
