package org.docmerge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.docmerge.RealClients;
import org.docmerge.TestReports;
import org.docmerge.render.PdfConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documents {@code docmerge merge} writes, opened by the programs staff and readers use: LibreOffice (to
 * PDF, then pdftotext and pdffonts) and python-docx. One conversion per sample, shared by the tests.
 */
class MergedDocumentRealClientsTest {
  @TempDir static Path dir;
  static Path seedDocx;
  static Path largeDocx;

  @BeforeAll
  static void merge() {
    seedDocx = dir.resolve("seed.docx");
    largeDocx = dir.resolve("large.docx");
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(0, Main.run(new String[] {"merge", CliTest.SEED.toString(), "-o", seedDocx.toString()}, sink, sink));
    assertEquals(0, Main.run(new String[] {"merge", CliTest.LARGE.toString(), "-o", largeDocx.toString()}, sink, sink));
  }

  private static Path pdf(Path docx) throws Exception {
    RealClients.require("soffice");
    var converted = PdfConverter.fromPath().convert(Files.readAllBytes(docx), docx.getFileName().toString());
    assertFalse(converted.hasErrors(), () -> converted.diagnostics().toString());
    Path pdf = dir.resolve(docx.getFileName().toString().replace(".docx", ".pdf"));
    Files.write(pdf, converted.get());
    return pdf;
  }

  @Test
  void libreOfficeShowsEveryLabelAndNumberOfTheSeedReport() throws Exception {
    Path pdftotext = RealClients.require("pdftotext");
    Path pdf = pdf(seedDocx);
    RealClients.run(List.of(pdftotext.toString(), "-raw", pdf.toString(), "seed.txt"), dir);
    // Labels wrap inside narrow cells and pages break paragraphs, so compare without white space and page numbers.
    // A middle dot (「杭州･拱墅」) is not in the FangSong face: LibreOffice draws it from a fallback font after the
    // rest of its line, so -raw puts it out of order; it is compared by its presence, not its place.
    String raw = Files.readString(dir.resolve("seed.txt"), StandardCharsets.UTF_8);
    String text = raw
        .replaceAll("(?m)^\\s*- \\d+ -\\s*$", "")
        .replaceAll("[\\s･·・]+", "");
    assertTrue(raw.contains("･"), "the middle dot of 「杭州･拱墅」 is in the PDF");
    int from = 0;
    for (String line : TestReports.lines(TestReports.seedText())) {
      String want = line.replaceAll("[\\s･·・]+", "");
      int at = text.indexOf(want, from);
      assertTrue(at >= 0, "「" + line + "」 is not in the PDF text after position " + from);
      from = at + want.length();
    }
  }

  @Test
  void pdfEmbedsCjkFonts() throws Exception {
    Path pdffonts = RealClients.require("pdffonts");
    Path pdf = pdf(largeDocx);
    List<String> fonts = RealClients.run(List.of(pdffonts.toString(), pdf.toString()), dir);
    List<String> cjk = fonts.stream().filter(l -> l.matches("(?i).*(CJK|WenQuanYi|Zen ?Hei|Song|Fang|Hei).*")).toList();
    assertFalse(cjk.isEmpty(), String.join("\n", fonts));
    for (String f : cjk) {
      assertTrue(f.matches(".*\\byes\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"), "font not embedded: " + f);
    }
  }

  @Test
  void pythonDocxReadsTheLargeReportsNumbersInTheirCells() throws Exception {
    Path py = RealClients.python();
    String script = String.join("\n",
        "import docx, sys",
        "d = docx.Document(sys.argv[1])",
        "t3 = d.tables[1]",
        "row = [c.text for c in t3.rows[3].cells]",  // 一、本年新收政府信息公开申请数量
        "print(row[0])",
        "print(' '.join(row[3:]))",
        "print(len(d.tables), len(t3.rows))");
    List<String> out = RealClients.run(List.of(py.toString(), "-c", script, largeDocx.toString()), dir);
    assertEquals("一、本年新收政府信息公开申请数量", out.get(0));
    String[] numbers = out.get(1).split(" ");
    assertEquals(7, numbers.length, out.toString());
    long sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += Long.parseLong(numbers[i]);
    }
    assertEquals(Long.parseLong(numbers[6]), sum, "总计 = the six applicant columns, as python-docx reads them");
    assertTrue(Long.parseLong(numbers[6]) > 100, out.toString());
    assertEquals("3 28", out.get(2));
  }
}
