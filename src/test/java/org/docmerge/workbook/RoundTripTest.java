package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.docmerge.diag.Result;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What staff fill in is what check and merge get: write(spec, data) then read gives data back. */
class RoundTripTest {

  static final ReportSpec SPEC = TestWorkbooks.spec();

  @Test
  void seedReportRoundTrips() {
    ReportData seed = SampleData.gongshu(SPEC);
    assertSame(seed, read(WorkbookWriter.write(SPEC, seed), "seed.xlsx"));
  }

  @Test
  void paragraphsInOneCellWithLineBreaksRoundTrip() {
    ReportData seed = SampleData.gongshu(SPEC);
    byte[] joined = TestWorkbooks.joinParagraphs(WorkbookWriter.write(SPEC, seed), SPEC, seed, "problems");
    assertSame(seed, read(joined, "joined.xlsx"));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void randomConsistentDataRoundTrips(long seed) {
    ReportData data = SampleData.random(SPEC, seed);
    assertSame(data, read(WorkbookWriter.write(SPEC, data), "random.xlsx"));
  }

  @Test
  void theSameWorkbookSavedAsXlsReadsTheSame() {
    ReportData seed = SampleData.random(SPEC, 7);
    byte[] xls = TestWorkbooks.toXls(WorkbookWriter.write(SPEC, seed));
    Result<ReportData> r = WorkbookReader.read(xls, "年报.xls", SPEC);
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertSame(seed, r.get());
  }

  static ReportData read(byte[] bytes, String name) {
    Result<ReportData> r = WorkbookReader.read(bytes, name, SPEC);
    assertTrue(r.value().isPresent(), r.diagnostics().toString());
    assertTrue(r.diagnostics().isEmpty(), "a clean workbook reads without any note: " + r.diagnostics());
    return r.get();
  }

  static void assertSame(ReportData want, ReportData got) {
    for (ReportSpec.Field f : SPEC.fields()) {
      assertEquals(want.field(f.id()), got.field(f.id()), f.id());
    }
    for (ReportSpec.Section s : SPEC.sections()) {
      assertEquals(want.paragraphs(s.id()), got.paragraphs(s.id()), s.id());
    }
    assertEquals(want.values().keySet(), got.values().keySet());
    for (String id : want.values().keySet()) {
      BigDecimal w = want.number(id).orElseThrow();
      CellValue g = got.value(id).orElseThrow();
      assertTrue(g.isNumber(), id + " read as " + g);
      assertEquals(0, w.compareTo(g.number()), id + ": " + w + " vs " + g.number() + " at " + g.location());
    }
  }
}
