package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
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
