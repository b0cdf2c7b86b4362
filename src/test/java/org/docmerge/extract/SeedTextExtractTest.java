package org.docmerge.extract;

import org.docmerge.report.Reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.docmerge.TestReports;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.workbook.WorkbookReader;
import org.junit.jupiter.api.Test;

/** The real published report, in its plain-text form, reads back exactly as the sample workbook holds it. */
class SeedTextExtractTest {
  static final ReportSpec SPEC = TestReports.spec2021();

  @Test
  void seedTextGivesExactlyTheValuesFieldsAndProseOfTheSampleWorkbook() {
    Result<ReportData> extracted = Extracts.extract(TestReports.seedText(), "2021年报.txt", SPEC);
    assertFalse(extracted.hasErrors(), () -> extracted.diagnostics().toString());
    ReportData workbook = WorkbookReader.read(Path.of("input-samples/gongshu-investment-2021.xlsx"), "w.xlsx", SPEC).get();
    Extracts.assertSameReport(workbook, extracted.get(), List.of("agency", "year", "unitType", "url", "published"));
    assertEquals(SPEC.cells().size(), extracted.get().values().size(), "every cell of every table is read");
  }

  @Test
  void seedTextIsDetectedAsThe2021Format() {
    var report = Reports.read(TestReports.seedText().getBytes(java.nio.charset.StandardCharsets.UTF_8), "s.txt").get();
    assertEquals(Reports.Form.TEXT, Reports.sniff(TestReports.seedText().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals("gov-info-annual-2021", ReportFormat.detect(report, List.of(SPEC)).kind());
  }
}
