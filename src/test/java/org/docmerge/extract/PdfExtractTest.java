package org.docmerge.extract;

import org.docmerge.report.Reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.docmerge.Docmerge;
import org.docmerge.RealClients;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.diag.Severity;
import org.docmerge.model.ReportData;
import org.docmerge.report.PublishedReport;
import org.docmerge.spec.ReportSpec;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reports published only as PDF: the text layer is read (PDFBox) and its table rows rebuilt from the glyphs'
 * positions; a scan without a text layer gets a clear message instead of a guess.
 */
class PdfExtractTest {
  static final ReportSpec SPEC = org.docmerge.TestReports.spec2021();

  @TempDir Path tmp;

  /** Our own seed report, merged to .docx and printed to PDF by LibreOffice, as an office would publish it. */
  Path seedPdf() throws Exception {
    return printed(merged("input-samples/gongshu-investment-2021.xlsx", "seed.docx"));
  }

  Path merged(String workbook, String name) {
    Docmerge engine = Docmerge.open("gov-info-annual-2021").get();
    Path docx = tmp.resolve(name);
    Docmerge.Merged m = engine.merge(Path.of(workbook), docx, Docmerge.MergeOptions.DEFAULT);
    assertTrue(m.document().isPresent(), m.diagnostics()::toString);
    return docx;
  }

  /** A .docx printed to PDF by LibreOffice (its tables ruled, labels wrapped, group labels set vertically). */
  Path printed(Path docx) throws Exception {
    Path soffice = RealClients.require("soffice");
    RealClients.run(List.of(soffice.toString(), "--headless", "-env:UserInstallation=file://" + tmp.resolve("lo"),
        "--convert-to", "pdf", "--outdir", tmp.toString(), docx.toString()), tmp);
    String name = docx.getFileName().toString();
    return tmp.resolve(name.substring(0, name.length() - ".docx".length()) + ".pdf");
  }

  /** Every value of {@code expected} read the same from the PDF; prints the cells right / total. */
  static void assertEveryCell(String what, ReportSpec spec, ReportData expected, Result<ReportData> read) {
    java.util.Map<String, String> want = Extracts.values(expected);
    java.util.Map<String, String> got = read.value().map(Extracts::values).orElse(java.util.Map.of());
    long right = want.entrySet().stream().filter(e -> e.getValue().equals(got.get(e.getKey()))).count();
    System.out.println(what + ": cells right / total " + right + " / " + spec.cells().size());
    assertEquals(spec.cells().size(), want.size(), "the expected report should have every cell");
    assertEquals(want, got, read.diagnostics()::toString);
    assertEquals(List.of(), read.diagnostics().stream().filter(Diagnostic::isError).toList());
  }

  @Test
  void aPdfOfTheLargeSampleReadsEveryCellRight() throws Exception {
    Path docx = merged("input-samples/district-large-2021.xlsx", "large.docx");
    Path pdf = printed(docx);
    ReportData expected = Extracts.extract(Files.readAllBytes(docx), "large.docx", SPEC).get();
    Result<ReportData> r = Extracts.extract(Files.readAllBytes(pdf), "large.pdf", SPEC);
    assertEveryCell("district-large-2021.pdf", SPEC, expected, r);
    assertEquals(expected.field("agency"), r.get().field("agency"));
    assertEquals(expected.field("year"), r.get().field("year"));
  }

  @Test
  void aPdfOfA2019FormatReportReadsEveryCellRightAndIsToldApart() throws Exception {
    ReportData data = Format2019Test.report(19, "2020");
    Path docx = tmp.resolve("r2019.docx");
    Files.write(docx, Format2019Test.ENGINE.render(data));
    byte[] pdf = Files.readAllBytes(printed(docx));
    PublishedReport report = Reports.read(pdf, "r2019.pdf").get();
    assertEquals(java.util.Optional.of(Format2019Test.SPEC.kind()),
        ReportFormat.tell(report, Format2019Test.SHIPPED).map(ReportSpec::kind));
    assertEveryCell("2019-format.pdf", Format2019Test.SPEC, data,
        Extracts.extract(pdf, "r2019.pdf", Format2019Test.SPEC));
  }

  @Test
  void aPdfOfTheSeedReportReadsEveryCellRight() throws Exception {
    Path pdf = seedPdf();
    byte[] b = Files.readAllBytes(pdf);
    if (System.getProperty("dbg.pdf") != null) {
      Files.write(Path.of(System.getProperty("dbg.pdf")), b);
    }
    assertEquals(Reports.Form.PDF, Reports.sniff(b));
    Result<ReportData> r = Extracts.extract(b, "seed.pdf", SPEC);
    ReportData expected = Extracts.extract(org.docmerge.TestReports.seedText(), "seed.txt", SPEC).get();
    assertEveryCell("gongshu-investment-2021.pdf", SPEC, expected, r);
    Extracts.values(r.get()).forEach((k, v) -> assertEquals(Extracts.values(expected).get(k), v, k));
    assertEquals(SPEC.cells().size(), r.get().values().size(), r.diagnostics()::toString);
    assertEquals("2021", r.get().field("year"));
    assertEquals(List.of(), r.diagnostics().stream().filter(Diagnostic::isError).toList());
    Docmerge.Checked c = Docmerge.open("gov-info-annual-2021").get().check(pdf, Validator.Options.DEFAULT);
    assertFalse(c.hasErrors(), c.diagnostics()::toString);
  }

  /**
   * Web pages printed to PDF by a browser, as offices publish them too: each cell draws its own borders (cells a
   * little apart), the text layer gives Kangxi radicals (「⼆」 for 「二」), tables break across pages with the page's
   * header line between their parts; in the last, only the tables' headers have column rules. Every cell reads as
   * from the page itself, and never worse than the gaps between glyphs read it.
   */
  @Tag("browser")
  @ParameterizedTest
  @ValueSource(strings = {"gov-site-2022", "blank-total-2022", "odd-cells-2022", "single-table-2022", "rows-ruled"})
  void aWebPagePrintedByABrowserReadsLikeThePage(String name) throws Exception {
    Path chromium = RealClients.require("/usr/bin/chromium");
    String source = name.equals("rows-ruled") ? "gov-site-2022" : name;
    String html = Files.readString(Path.of("src/test/resources/html/" + source + ".html"));
    if (name.equals("rows-ruled")) {
      html = html.replace("<style>", "<style>td, table { border-left: none !important; border-right: none !important }");
    }
    Path page = tmp.resolve(name + ".html");
    Files.writeString(page, html);
    Path pdf = tmp.resolve(name + ".pdf");
    RealClients.run(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + tmp.resolve("chromium"), "--print-to-pdf=" + pdf, page.toUri().toString()), tmp);
    ReportData expected = Extracts.extract(Files.readAllBytes(page), name + ".html", SPEC).get();
    Result<ReportData> r = Extracts.extract(Files.readAllBytes(pdf), name + ".pdf", SPEC);
    if (!name.equals("rows-ruled")) {
      assertEveryCell(name + ".pdf (chromium)", SPEC, expected, r);
      return;
    }
    // Table 四's header is ruled, its row of numbers ruled between rows only: read under the header's columns.
    java.util.Map<String, String> want = Extracts.values(expected);
    java.util.Map<String, String> got = Extracts.values(r.get());
    want.keySet().removeIf(k -> !k.startsWith("t4."));
    got.keySet().retainAll(want.keySet());
    assertEquals(want, got);
  }

  @Test
  void aScanWithoutATextLayerIsSaidPlainlyAndNotGuessed() throws Exception {
    Path scan = tmp.resolve("scan.pdf");
    try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      doc.save(scan.toFile());
    }
    Result<PublishedReport> r = Reports.read(Files.readAllBytes(scan), "scan.pdf");
    assertTrue(r.value().isEmpty());
    Diagnostic d = r.diagnostics().get(0);
    assertEquals(Severity.ERROR, d.severity());
    assertTrue(d.message().contains("没有文字层") && d.message().contains("OCR"), d.message());
    Docmerge.Checked c = Docmerge.open("gov-info-annual-2021").get().check(scan, Validator.Options.DEFAULT);
    assertTrue(c.data().isEmpty());
  }

  @Test
  void aDamagedPdfIsUnreadableNotACrash() {
    Result<PublishedReport> r = Reports.read("%PDF-1.7\n garbage".getBytes(), "bad.pdf");
    assertTrue(r.value().isEmpty());
    assertEquals("EXTRACT.UNREADABLE", r.diagnostics().get(0).code());
  }
}
