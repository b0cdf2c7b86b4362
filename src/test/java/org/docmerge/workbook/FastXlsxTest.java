package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.junit.jupiter.api.Test;

/**
 * The fast .xlsx path reads every workbook exactly as POI's XSSF does, or steps aside. ReadingCasesTest also
 * runs this comparison on each of its edited workbooks.
 */
class FastXlsxTest {
  static final ReportSpec SPEC = TestWorkbooks.spec();

  /** Same data, same diagnostics, with and without the fast path. */
  static void assertSameAsXssf(byte[] xlsx, String name) {
    Result<ReportData> fast = WorkbookReader.read(xlsx, name, SPEC, WorkbookReader.Limits.DEFAULT, true);
    Result<ReportData> slow = WorkbookReader.read(xlsx, name, SPEC, WorkbookReader.Limits.DEFAULT, false);
    assertEquals(slow.diagnostics(), fast.diagnostics(), name);
    assertEquals(slow.value(), fast.value(), name);
  }

  @Test
  void samplesAndRandomWorkbooksReadTheSameAndTakeTheFastPath() throws Exception {
    for (String s : List.of("gongshu-investment-2021.xlsx", "district-large-2021.xlsx", "broken-2021.xlsx")) {
      byte[] b = Files.readAllBytes(Path.of("input-samples", s));
      assertSameAsXssf(b, s);
      assertTrue(FastXlsx.open(b).isPresent(), s + " should not need XSSF");
    }
    for (long seed = 0; seed < 20; seed++) {
      byte[] b = WorkbookWriter.write(SPEC, SampleData.random(SPEC, seed));
      assertSameAsXssf(b, "r" + seed + ".xlsx");
      assertTrue(FastXlsx.open(b).isPresent());
    }
  }

  @Test
  void aFormulaWithoutCachedResultStepsAside() {
    byte[] seed = WorkbookWriter.write(SPEC, SampleData.gongshu(SPEC));
    byte[] noCache = TestWorkbooks.edit(seed, wb -> ((org.apache.poi.xssf.usermodel.XSSFCell) TestWorkbooks.cell(wb, SPEC, "t3.total.total"))
        .getCTCell().unsetV());
    assertFalse(FastXlsx.open(noCache).isPresent());
    assertSameAsXssf(noCache, "x.xlsx");
  }
}
