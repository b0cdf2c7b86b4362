package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.docmerge.Docmerge;
import org.docmerge.TestReports;
import org.docmerge.diag.Diagnostic;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check} of the workbook {@code extract} wrote finds exactly the faults {@code check} of the report finds:
 * printed totals stay values (a wrong total stays wrong, a blank total stays blank), so nothing is hidden by a
 * formula.
 */
class SameFindingsTest {
  @TempDir Path tmp;

  /** The seed text with table 三's first row total printed as 5 instead of 1 (R03 and R05 then fail). */
  static String wrongTotal() {
    String seed = TestReports.seedText();
    int row = seed.indexOf("\t一、本年新收政府信息公开申请数量");
    int end = seed.indexOf("\n\n", row);
    String block = seed.substring(row, end);
    String fixed = block.substring(0, block.lastIndexOf("\t1")) + "\t5";
    return seed.substring(0, row) + fixed + seed.substring(end);
  }

  /** The seed's tables as Markdown pipes with every 0 left blank (a blank-for-zero publishing style). */
  static String blankForZeroPipes() {
    return TextLayoutsTest.relayout(rows -> TextLayoutsTest.markdown(
        rows.stream().map(r -> r.stream().map(c -> c.equals("0") ? "" : c).toList()).toList()));
  }

  static Stream<Arguments> reports() throws Exception {
    Path html = Path.of("src/test/resources/html");
    return Stream.of(
        Arguments.of("seed.txt", TestReports.seedText().getBytes(StandardCharsets.UTF_8)),
        Arguments.of("wrong-total.txt", wrongTotal().getBytes(StandardCharsets.UTF_8)),
        Arguments.of("blank-for-zero.txt", blankForZeroPipes().getBytes(StandardCharsets.UTF_8)),
        Arguments.of("blank-total-2022.html", Files.readAllBytes(html.resolve("blank-total-2022.html"))),
        Arguments.of("odd-cells-2022.html", Files.readAllBytes(html.resolve("odd-cells-2022.html"))),
        Arguments.of("gov-site-2022.html", Files.readAllBytes(html.resolve("gov-site-2022.html"))));
  }

  /** A rule finding without where it is: locations differ (表三 第5行 第2格 against 表三!C5), the fault does not. */
  static String fault(Diagnostic d) {
    return d.code() + " " + d.severity() + " " + d.message().replaceAll("请核对 [^，。]* 这些单元格", "请核对这些数字");
  }

  static List<String> faults(List<Diagnostic> ds) {
    return ds.stream().filter(d -> d.code().matches("R\\d\\d")).map(SameFindingsTest::fault).sorted().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void checkOfTheExtractedWorkbookFindsWhatCheckOfTheReportFinds(String name, byte[] content) throws Exception {
    Path report = tmp.resolve(name);
    Files.write(report, content);
    Docmerge engine = Docmerge.open(Docmerge.detectKind(report).orElseThrow()).get();
    List<String> onReport = faults(engine.check(report, Validator.Options.DEFAULT).diagnostics());
    Path book = tmp.resolve(name + ".xlsx");
    engine.extract(report, book, false);
    assertTrue(Files.exists(book), name);
    List<String> onBook = faults(engine.check(book, Validator.Options.DEFAULT).diagnostics());
    assertEquals(onReport, onBook, name);
    if (name.equals("wrong-total.txt")) {
      assertTrue(onReport.stream().anyMatch(f -> f.startsWith("R03")), onReport::toString);
    }
    if (name.equals("blank-for-zero.txt")) {
      assertTrue(onReport.stream().filter(f -> f.startsWith("R01")).count() <= 3, "once per table: " + onReport);
    }
  }
}
