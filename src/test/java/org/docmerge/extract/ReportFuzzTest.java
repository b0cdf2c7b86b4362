package org.docmerge.extract;

import org.docmerge.report.Reports;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.docmerge.Bounded;
import org.docmerge.TestReports;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.report.PublishedReport;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.SpecReader;
import org.docmerge.validate.Validator;

/**
 * Fuzz targets for the report readers of {@code extract} and {@code check 报告.html}: any bytes in (sniffed as
 * .docx, web page or text), a {@link Result} out, never an exception; what extracts is validated too. The
 * structure-aware target mutates inside a real web page and the seed's text form, so mutations reach the
 * table grid and label search rather than dying at the sniffer.
 *
 * <p>Without {@code JAZZER_FUZZ} this replays {@code ReportFuzzTestInputs/}. Fuzzing command:
 * docs/hostile-inputs.md (same form as the workbook targets).
 */
class ReportFuzzTest {
  private static final List<ReportSpec> SPECS =
      SpecReader.SHIPPED.stream().map(k -> SpecReader.load(k).get().spec()).toList();
  private static final byte[] PAGE = resource("/html/gov-site-2022.html");
  private static final byte[] TEXT = TestReports.seedText().getBytes(StandardCharsets.UTF_8);

  @FuzzTest(maxDuration = "10m")
  void readReport(byte[] bytes) {
    check(bytes);
  }

  /** A web page or the seed's text with a slice replaced by fuzz bytes. */
  @FuzzTest(maxDuration = "10m")
  void readReportSlice(FuzzedDataProvider data) {
    byte[] base = data.consumeBoolean() ? PAGE : TEXT;
    int at = data.consumeInt(0, base.length);
    int cut = data.consumeInt(0, Math.min(400, base.length - at));
    byte[] insert = data.consumeRemainingAsBytes();
    byte[] mutated = new byte[base.length - cut + insert.length];
    System.arraycopy(base, 0, mutated, 0, at);
    System.arraycopy(insert, 0, mutated, at, insert.length);
    System.arraycopy(base, at + cut, mutated, at + insert.length, base.length - at - cut);
    check(mutated);
  }

  private static void check(byte[] bytes) {
    long start = System.nanoTime();
    Result<PublishedReport> report = Reports.read(bytes, "fuzz.html");
    assertNotNull(report);
    if (report.value().isEmpty()) {
      assertTrue(report.diagnostics().stream().anyMatch(Diagnostic::isError), "a rejected file must say why");
    } else {
      ReportSpec spec = ReportFormat.detect(report.get(), SPECS);
      Result<ReportData> data = Extractor.extract(report.get(), spec);
      assertNotNull(data);
      data.value().ifPresent(d -> assertNotNull(new Validator(spec).validate(d)));
    }
    Bounded.check(start, "Reports.read/extract");
  }

  private static byte[] resource(String name) {
    try (InputStream in = ReportFuzzTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
