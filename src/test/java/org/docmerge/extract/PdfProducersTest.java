package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.docmerge.Docmerge;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.report.pdf.Turned;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed report published the ways agencies publish it (src/test/resources/pdf-producers/, made by its make.sh
 * from the merged .docx): LibreOffice plain, tagged and PDF/A-2b; a serif and a WenQuanYi font; table 三 on
 * landscape pages of its own; ideographs drawn as their Kangxi radical or CJK compatibility twins (「⼀」「⾏」「年」,
 * what some Word fonts put in the text layer); XeLaTeX (ctex), whose text layer has no spaces and places each glyph;
 * LibreOffice's HTML printed by Chromium (CJK glyphs as Type 3 fonts drawn with paths, table headers repeated).
 * Pages set under /Rotate (content turned to show upright, the way print drivers set a landscape page, or not
 * turned), content turned without /Rotate, and crop boxes inside the media box are made here from the plain one.
 * Every cell, the agency and the year read as the .docx gives them; a scanned page among them is named, and its
 * cells are not guessed; a text layer without Unicode is said to be undecodable.
 */
class PdfProducersTest {
  static final ReportSpec SPEC = org.docmerge.TestReports.spec2021();
  static final Path DIR = Path.of("src/test/resources/pdf-producers");

  @TempDir Path tmp;

  ReportData expected() throws Exception {
    Docmerge engine = Docmerge.open("gov-info-annual-2021").get();
    Path docx = tmp.resolve("seed.docx");
    Docmerge.Merged m = engine.merge(Path.of("input-samples/gongshu-investment-2021.xlsx"), docx,
        Docmerge.MergeOptions.DEFAULT);
    assertTrue(m.document().isPresent(), m.diagnostics()::toString);
    return Extracts.extract(Files.readAllBytes(docx), "seed.docx", SPEC).get();
  }

  @ParameterizedTest
  @ValueSource(strings = {"lo-default", "lo-tagged", "lo-pdfa2b", "lo-noto-serif", "lo-wqy", "lo-landscape",
      "lo-kangxi", "xelatex"})
  void everyProducersPdfReadsEveryCellRight(String name) throws Exception {
    byte[] pdf = Files.readAllBytes(DIR.resolve(name + ".pdf"));
    ReportData want = expected();
    Result<ReportData> got = Extracts.extract(pdf, name + ".pdf", SPEC);
    PdfExtractTest.assertEveryCell(name + ".pdf", SPEC, want, got);
    assertEquals(want.field("agency"), got.get().field("agency"));
    assertEquals(want.field("year"), got.get().field("year"));
  }

  /**
   * LibreOffice's HTML of the report printed by Chromium: table 四's header comes out of LibreOffice's HTML export
   * out of place (行政复议 over four columns, its 总计 under 行政诉讼), as the page shows it. That one column is not
   * read, and said so; every other cell is read right, none wrong.
   */
  @org.junit.jupiter.api.Test
  void aWebPageOfTheReportPrintedByChromiumReadsAsItShows() throws Exception {
    byte[] pdf = Files.readAllBytes(DIR.resolve("chromium-html.pdf"));
    Result<ReportData> r = Extracts.extract(pdf, "chromium-html.pdf", SPEC);
    java.util.Map<String, String> want = Extracts.values(expected());
    java.util.Map<String, String> got = Extracts.values(r.get());
    long wrong = got.entrySet().stream().filter(e -> !e.getValue().equals(want.get(e.getKey()))).count();
    System.out.println("chromium-html.pdf: cells right / total " + (got.size() - wrong) + " / " + SPEC.cells().size()
        + ", wrong " + wrong);
    assertEquals(0, wrong, got::toString);
    java.util.Set<String> unread = new java.util.TreeSet<>(want.keySet());
    unread.removeAll(got.keySet());
    assertEquals(java.util.Set.of("t4.count.review_total"), unread);
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("EXTRACT.TABLE_INCOMPLETE")
        && d.message().contains("行政复议/总计")), r.diagnostics()::toString);
    assertEquals(java.util.List.of(), r.diagnostics().stream().filter(org.docmerge.diag.Diagnostic::isError).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"upright 90", "upright 270", "upright 180", "sideways 90", "upright 90 page 3", "content 90",
      "cropped 0", "cropped 90"})
  void pagesUnderRotateReadEveryCellRight(String how) throws Exception {
    String[] w = how.split(" ");
    byte[] plain = Files.readAllBytes(DIR.resolve("lo-default.pdf"));
    int rotate = Integer.parseInt(w[1]);
    byte[] pdf = w[0].equals("upright") ? Turned.upright(plain, rotate, w.length > 3 ? Integer.parseInt(w[3]) : 0)
        : w[0].equals("content") ? Turned.contentOnly(plain, rotate)
        : w[0].equals("cropped") ? Turned.cropped(rotate == 0 ? plain : Turned.upright(plain, rotate, 0))
        : Turned.sideways(plain, rotate);
    String name = "lo-default " + how;
    PdfExtractTest.assertEveryCell(name, SPEC, expected(), Extracts.extract(pdf, name + ".pdf", SPEC));
  }

  /**
   * A scanned page among text pages (page 3, table 二's, made a picture): the message names the page, says
   * its content is not read, and no cell read from the other pages is wrong; nothing is blamed on the report.
   */
  @org.junit.jupiter.api.Test
  void aScannedPageAmongTextPagesIsNamedAndItsCellsNotGuessed() throws Exception {
    byte[] pdf;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
        Files.readAllBytes(DIR.resolve("lo-default.pdf")))) {
      java.awt.image.BufferedImage picture = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(2, 72);
      org.apache.pdfbox.pdmodel.PDPage old = doc.getPage(2);
      org.apache.pdfbox.pdmodel.PDPage scan = new org.apache.pdfbox.pdmodel.PDPage(old.getMediaBox());
      var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, picture);
      try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, scan)) {
        cs.drawImage(image, 0, 0, old.getMediaBox().getWidth(), old.getMediaBox().getHeight());
      }
      doc.getPages().insertBefore(scan, old);
      doc.removePage(old);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    }
    org.docmerge.diag.Result<ReportData> r = Extracts.extract(pdf, "mixed.pdf", SPEC);
    var said = org.docmerge.report.Reports.read(pdf, "mixed.pdf").diagnostics().stream()
        .filter(d -> d.code().equals("EXTRACT.IMAGE_PAGES")).toList();
    org.junit.jupiter.api.Assertions.assertEquals(1, said.size(), r.diagnostics()::toString);
    assertTrue(said.get(0).message().contains("第 3 页是图片") && said.get(0).message().contains("没有读取"),
        said.get(0).message());
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(),
        r.diagnostics().stream().filter(org.docmerge.diag.Diagnostic::isError).toList());
    java.util.Map<String, String> want = Extracts.values(expected());
    java.util.Map<String, String> got = Extracts.values(r.get());
    long wrong = got.entrySet().stream().filter(e -> !e.getValue().equals(want.get(e.getKey()))).count();
    System.out.println("lo-default, page 3 scanned: cells right / total " + (got.size() - wrong) + " / "
        + SPEC.cells().size() + ", wrong " + wrong);
    org.junit.jupiter.api.Assertions.assertEquals(0, wrong, got::toString);
    assertTrue(got.size() < want.size(), "page 3's cells are not read");
  }

  /**
   * A PDF whose fonts carry no Unicode map (as some print drivers embed them: copying its text gives control
   * characters and letters, not the Chinese a reader sees) is said to be undecodable, not "not a report".
   */
  @org.junit.jupiter.api.Test
  void aTextLayerWithoutUnicodeIsSaidUndecodable() throws Exception {
    byte[] pdf;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
        Files.readAllBytes(DIR.resolve("lo-default.pdf")))) {
      for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
        for (org.apache.pdfbox.cos.COSName f : page.getResources().getFontNames()) {
          page.getResources().getFont(f).getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.TO_UNICODE);
        }
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    }
    var r = org.docmerge.report.Reports.read(pdf, "driver.pdf");
    assertTrue(r.value().isEmpty());
    assertEquals("EXTRACT.UNREADABLE", r.diagnostics().get(0).code());
    assertTrue(r.diagnostics().get(0).message().contains("文字层无法解码"), r.diagnostics()::toString);
  }
}
