package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.docmerge.Docmerge;
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
 * what some Word fonts put in the text layer); XeLaTeX (ctex), whose text layer has no spaces and places each glyph.
 * Pages set under /Rotate (content turned to show upright, the way print drivers set a landscape page, or not
 * turned) are made here from the plain one. Every cell reads as the .docx gives it.
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
    PdfExtractTest.assertEveryCell(name + ".pdf", SPEC, expected(), Extracts.extract(pdf, name + ".pdf", SPEC));
  }

  @ParameterizedTest
  @ValueSource(strings = {"upright 90", "upright 270", "upright 180", "sideways 90", "upright 90 page 3"})
  void pagesUnderRotateReadEveryCellRight(String how) throws Exception {
    String[] w = how.split(" ");
    byte[] plain = Files.readAllBytes(DIR.resolve("lo-default.pdf"));
    int rotate = Integer.parseInt(w[1]);
    byte[] pdf = w[0].equals("upright") ? Turned.upright(plain, rotate, w.length > 3 ? Integer.parseInt(w[3]) : 0)
        : Turned.sideways(plain, rotate);
    String name = "lo-default " + how;
    PdfExtractTest.assertEveryCell(name, SPEC, expected(), Extracts.extract(pdf, name + ".pdf", SPEC));
  }
}
