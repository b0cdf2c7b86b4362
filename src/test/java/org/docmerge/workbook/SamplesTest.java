package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.junit.jupiter.api.Test;

/** The committed input-samples read as their README says (regenerate with tools.BuildSamples if this fails). */
class SamplesTest {

  static final ReportSpec SPEC = TestWorkbooks.spec();

  @Test
  void gongshuSampleIsTheSeedReport() {
    RoundTripTest.assertSame(SampleData.gongshu(SPEC), read("gongshu-investment-2021.xlsx"));
  }

  @Test
  void districtSampleIsLargeAndConsistent() {
    ReportData d = read("district-large-2021.xlsx");
    RoundTripTest.assertSame(SampleData.district(SPEC), d);
    assertTrue(d.number("t3.new.total").get().intValue() >= 200, "hundreds of applications");
    for (String a : new String[] {"natural", "commercial", "research", "nonprofit", "legal", "other", "total"}) {
      BigDecimal left = d.number("t3.new." + a).get().add(d.number("t3.carried." + a).get());
      BigDecimal right = d.number("t3.total." + a).get().add(d.number("t3.carryover." + a).get());
      assertEquals(0, left.compareTo(right), "R05 " + a);
    }
    assertEquals(new BigDecimal("12.3456"), d.number("t2.fees.amount").get());
    assertTrue(d.paragraphs("request").get(0).contains("本年新收政府信息公开申请" + d.number("t3.new.total").get() + "件"));
  }

  @Test
  void brokenSampleHoldsTheDocumentedErrors() {
    ReportData d = read("broken-2021.xlsx");
    assertTrue(d.value("t2.rules.issued").get().isBlank());
    assertEquals("/", d.value("t2.license.decisions").get().text());
    assertEquals(5, d.number("t3.carried.total").get().intValue());
    assertEquals(1, d.number("t3.carryover.natural").get().intValue());
    assertEquals(-1, d.number("t4.count.review_upheld").get().intValue());
  }

  static ReportData read(String name) {
    Result<ReportData> r = WorkbookReader.read(Path.of("input-samples", name), name, SPEC);
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
    return r.get();
  }
}
