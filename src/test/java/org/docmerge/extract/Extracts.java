package org.docmerge.extract;

import org.docmerge.report.Reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/** Test helpers: extract from bytes, and compare two reports value by value. */
final class Extracts {
  private Extracts() {}

  static Result<ReportData> extract(byte[] bytes, String name, ReportSpec spec) {
    Result<org.docmerge.report.PublishedReport> r = Reports.read(bytes, name);
    assertTrue(r.value().isPresent(), () -> r.diagnostics().toString());
    return Extractor.extract(r.get(), spec);
  }

  static Result<ReportData> extract(String text, String name, ReportSpec spec) {
    return extract(text.getBytes(StandardCharsets.UTF_8), name, spec);
  }

  /** The table values as comparable text: numbers plain, anything else quoted. */
  static Map<String, String> values(ReportData d) {
    Map<String, String> out = new TreeMap<>();
    d.values().forEach((k, v) -> out.put(k, shown(v)));
    return out;
  }

  static String shown(CellValue v) {
    return v.isNumber() ? v.number().stripTrailingZeros().toPlainString() : "「" + v.text() + "」";
  }

  /** Every value, printed field and paragraph of {@code expected} is in {@code actual}. */
  static void assertSameReport(ReportData expected, ReportData actual, List<String> fields) {
    assertEquals(values(expected), values(actual));
    for (String f : fields) {
      assertEquals(expected.field(f), actual.field(f), "field " + f);
    }
    assertEquals(expected.prose(), actual.prose());
  }

  static String simplified(String s) {
    return org.docmerge.spec.Labels.simplify(s);
  }

  static List<String> codes(List<Diagnostic> ds) {
    return ds.stream().map(Diagnostic::code).toList();
  }

  static BigDecimal n(long v) {
    return BigDecimal.valueOf(v);
  }
}
