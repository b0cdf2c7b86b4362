package org.docmerge.extract;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports published only as PDF: the text layer is read (PDFBox) and its table rows rebuilt from the glyphs'
 * positions; a scan without a text layer gets a clear message instead of a guess.
 */
class PdfExtractTest {
  static final ReportSpec SPEC = org.docmerge.TestReports.spec2021();

  @TempDir Path tmp;

  /** Our own seed report, merged to .docx and printed to PDF by LibreOffice, as an office would publish it. */
  Path seedPdf() throws Exception {
    Path soffice = RealClients.require("soffice");
    Docmerge engine = Docmerge.open("gov-info-annual-2021").get();
    Path docx = tmp.resolve("seed.docx");
    Docmerge.Merged m = engine.merge(Path.of("input-samples/gongshu-investment-2021.xlsx"), docx,
        Docmerge.MergeOptions.DEFAULT);
    assertTrue(m.document().isPresent(), m.diagnostics()::toString);
    RealClients.run(List.of(soffice.toString(), "--headless", "-env:UserInstallation=file://" + tmp.resolve("lo"),
        "--convert-to", "pdf", "--outdir", tmp.toString(), docx.toString()), tmp);
    return tmp.resolve("seed.pdf");
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
    Extracts.values(r.get()).forEach((k, v) -> assertEquals(Extracts.values(expected).get(k), v, k));
    assertEquals(SPEC.cells().size(), r.get().values().size(), r.diagnostics()::toString);
    assertEquals("2021", r.get().field("year"));
    assertEquals(List.of(), r.diagnostics().stream().filter(Diagnostic::isError).toList());
    Docmerge.Checked c = Docmerge.open("gov-info-annual-2021").get().check(pdf, Validator.Options.DEFAULT);
    assertFalse(c.hasErrors(), c.diagnostics()::toString);
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
