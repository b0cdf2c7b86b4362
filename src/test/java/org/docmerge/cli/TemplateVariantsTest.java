package org.docmerge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.docmerge.RealClients;
import org.docmerge.TestReports;
import org.docmerge.report.docx.DocxText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offices adjust the template: a one-line title, a signature block with 发布日期, a typo, a copy re-saved by
 * another word processor. {@code inspect} and {@code merge --template} must take the good ones and refuse the
 * bad ones with the tag's location, never writing a document with a leftover tag.
 */
class TemplateVariantsTest {
  static final Path SHIPPED = Path.of("templates/gov-info-annual-2021/template.docx");

  @TempDir Path tmp;

  /** The shipped template with its document.xml changed. */
  static byte[] edited(UnaryOperator<String> change) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(SHIPPED)));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals("word/document.xml")) {
          String changed = change.apply(new String(data, StandardCharsets.UTF_8));
          data = changed.getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static String para(String text, String align) {
    return "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/><w:jc w:val=\"" + align + "\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
        + text + "</w:t></w:r></w:p>";
  }

  @Test
  void inspectListsEveryTagOfTheShippedTemplate() {
    CliTest.Run r = CliTest.run("inspect", SHIPPED.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("共有 211 处标签"), r.out());
    assertTrue(r.out().contains("{{t3.new.natural}}"), r.out());
    assertTrue(r.out().contains("模板可以使用"), r.out());
  }

  @Test
  void aTypoInATagIsRefusedWithItsLocationByInspectAndMerge() throws Exception {
    Path typo = tmp.resolve("typo.docx");
    Files.write(typo, edited(x -> x.replace("{{t3.new.natural}}", "{{t3.new.natual}}")));
    CliTest.Run inspect = CliTest.run("inspect", typo.toString());
    assertEquals(1, inspect.code(), inspect.out());
    assertTrue(inspect.out().contains("TEMPLATE.UNKNOWN_TAG"), inspect.out());
    assertTrue(inspect.out().contains("{{t3.new.natual}}") && inspect.out().contains("{{t3.new.natural}}"), inspect.out());
    assertTrue(inspect.out().matches("(?s).*表2 第4行.*"), inspect.out());

    Path out = tmp.resolve("报告.docx");
    CliTest.Run merge = CliTest.run("merge", CliTest.SEED.toString(), "-o", out.toString(), "--template", typo.toString());
    assertEquals(1, merge.code(), merge.out());
    assertFalse(Files.exists(out));
  }

  @Test
  void aTemplateWithoutAnOfficialCellIsRefused() throws Exception {
    Path missing = tmp.resolve("missing.docx");
    Files.write(missing, edited(x -> x.replace("{{t4.count.after_total}}", "")));
    CliTest.Run r = CliTest.run("inspect", missing.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("TEMPLATE.MISSING_CELL") && r.out().contains("t4.count.after_total"), r.out());
  }

  @Test
  void oneLineTitleAndSignatureBlockWithThePublicationDate() throws Exception {
    Path custom = tmp.resolve("本单位模板.docx");
    Files.write(custom, edited(x -> {
      String twoLines = x.substring(0, x.indexOf("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/>"));
      String oneLine = twoLines
          .replace("{{year}}年政府信息公开工作年度报告", "{{agency}}{{year}}年政府信息公开工作年度报告")
          .replaceFirst("<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">（\\{\\{agency\\}\\}）</w:t></w:r></w:p>", "");
      String rest = x.substring(twoLines.length());
      int sect = rest.lastIndexOf("<w:sectPr");
      // the signature: the agency's name and the date, split over runs as Word splits them when typed
      String signature = para("{{agency}}", "right")
          + "<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:t>{{pub</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
          + "<w:t>lished}}</w:t></w:r></w:p>";
      return oneLine + rest.substring(0, sect) + signature + rest.substring(sect);
    }));
    CliTest.Run inspect = CliTest.run("inspect", custom.toString());
    assertEquals(0, inspect.code(), inspect.out());

    Path out = tmp.resolve("区报告.docx");
    CliTest.Run r = CliTest.run("merge", CliTest.LARGE.toString(), "-o", out.toString(), "--template", custom.toString());
    assertEquals(0, r.code(), r.out());
    List<String> lines = DocxText.lines(Files.readAllBytes(out));
    assertEquals("某某区人民政府办公室2021年政府信息公开工作年度报告", lines.get(0));
    assertFalse(lines.get(1).startsWith("（"), "the second title line is gone: " + lines.get(1));
    assertEquals("2022年3月25日", lines.get(lines.size() - 1));
    assertTrue(lines.stream().noneMatch(l -> l.contains("{{")), "no leftover tag");
  }

  @Test
  void aTemplateResavedByLibreOfficeMergesToTheSameText() throws Exception {
    Path soffice = RealClients.require("soffice");
    Path copy = tmp.resolve("template.docx");
    Files.copy(SHIPPED, copy);
    RealClients.run(List.of(soffice.toString(), "--headless", "--norestore",
        "-env:UserInstallation=" + tmp.resolve("profile").toUri(), "--convert-to", "docx:MS Word 2007 XML",
        "--outdir", tmp.resolve("lo").toString(), copy.toString()), tmp);
    Path resaved = tmp.resolve("lo/template.docx");
    assertTrue(Files.size(resaved) > 0);
    Path out = tmp.resolve("报告.docx");
    CliTest.Run r = CliTest.run("merge", CliTest.SEED.toString(), "-o", out.toString(), "--template", resaved.toString());
    assertEquals(0, r.code(), r.out());
    assertEquals(TestReports.lines(TestReports.seedText()), DocxText.lines(Files.readAllBytes(out)));
  }

  @Test
  void draftRendersDespiteErrorsMarkedAndWithTheProblemList() throws Exception {
    Path out = tmp.resolve("草稿.docx");
    CliTest.Run r = CliTest.run("merge", CliTest.BROKEN.toString(), "-o", out.toString(), "--draft");
    assertEquals(1, r.code(), "the data still has errors: " + r.out());
    assertTrue(Files.exists(out), r.out());
    List<String> lines = DocxText.lines(Files.readAllBytes(out));
    assertTrue(lines.get(0).startsWith("【草稿，不得发布】"), lines.get(0));
    int list = lines.indexOf(lines.stream().filter(l -> l.contains("问题清单")).findFirst().orElseThrow());
    assertTrue(lines.subList(list, lines.size()).stream().anyMatch(l -> l.startsWith("表二!B5 错误 R01")), lines.toString());
    try (var zip = new java.util.zip.ZipFile(out.toFile())) {
      String footer = new String(zip.getInputStream(zip.getEntry("word/footer1.xml")).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(footer.contains("草稿"), "every page's footer says 草稿: " + footer);
    }
  }

  @Test
  void draftShadesItsFaultyCellsAndSetsItsProblemListFlushLeft() throws Exception {
    Path out = tmp.resolve("草稿.docx");
    assertEquals(1, CliTest.run("merge", CliTest.BROKEN.toString(), "-o", out.toString(), "--draft").code());
    String doc;
    try (var zip = new java.util.zip.ZipFile(out.toFile())) {
      doc = new String(zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes(), StandardCharsets.UTF_8);
    }
    assertFalse(doc.contains("docmerge:faulty"), "the marks never reach the file");
    // every shaded cell is a cell an error points at: 表三!J7 (二、上年结转 总计 = 5 while its row adds up to 0)
    java.util.regex.Matcher shaded = java.util.regex.Pattern
        .compile("<w:tc><w:tcPr>(?:(?!</w:tc>).)*?w:fill=\"FFC7CE\"(?:(?!</w:tc>).)*?<w:t[^>]*>([^<]*)</w:t>", java.util.regex.Pattern.DOTALL)
        .matcher(doc);
    List<String> values = new java.util.ArrayList<>();
    while (shaded.find()) {
      values.add(shaded.group(1));
    }
    assertTrue(values.contains("5"), values.toString());
    assertTrue(values.size() >= 3 && values.size() <= 12, "only the faulty cells, not whole tables: " + values);
    // the problem list: flush left, not justified (justified lines spread 「-1」 and short lines apart)
    String list = doc.substring(doc.indexOf("问题清单"));
    assertTrue(list.contains("<w:jc w:val=\"left\"/>"), list);
    assertFalse(list.contains("<w:jc w:val=\"both\"/>"), list);
  }

  @Test
  void extractOfADraftSaysSoAndDoesNotReadItsProblemListAsPartSix() throws Exception {
    Path draft = tmp.resolve("草稿.docx");
    assertEquals(1, CliTest.run("merge", CliTest.BROKEN.toString(), "-o", draft.toString(), "--draft").code());
    Path xlsx = tmp.resolve("读回.xlsx");
    CliTest.Run r = CliTest.run("extract", draft.toString(), "-o", xlsx.toString());
    assertTrue(r.out().contains("EXTRACT.DRAFT") && r.out().contains("草稿"), r.out());
    CliTest.Run check = CliTest.run("check", draft.toString());
    assertTrue(check.out().contains("EXTRACT.DRAFT"), check.out());
    Path again = tmp.resolve("再读.xlsx");
    var data = org.docmerge.Docmerge.open("gov-info-annual-2021").get().extract(draft, again, false).data().orElseThrow();
    String other = String.join("\n", data.paragraphs("other"));
    assertFalse(other.contains("问题清单") || other.contains("R01") || other.contains("表二!"), other);
    assertFalse(data.paragraphs("intro").stream().anyMatch(p -> p.contains("草稿")), data.paragraphs("intro").toString());
  }

  @Test
  void documentPropertiesCarryTheTitleAndTheAgency() throws Exception {
    Path out = tmp.resolve("报告.docx");
    assertEquals(0, CliTest.run("merge", CliTest.SEED.toString(), "-o", out.toString()).code());
    Path py = RealClients.python();
    List<String> props = RealClients.run(List.of(py.toString(), "-c",
        "import docx,sys; p=docx.Document(sys.argv[1]).core_properties; print(p.title); print(p.author)",
        out.toString()), tmp);
    assertEquals(List.of("拱墅区投资促进局2021年政府信息公开工作年度报告", "拱墅区投资促进局"), props);
  }

  @Test
  void pdfIsWrittenBesideTheDocument() throws Exception {
    RealClients.require("soffice");
    Path pdftotext = RealClients.require("pdftotext");
    Path out = tmp.resolve("报告.docx");
    CliTest.Run r = CliTest.run("merge", CliTest.SEED.toString(), "-o", out.toString(), "--pdf");
    assertEquals(0, r.code(), r.out());
    Path pdf = tmp.resolve("报告.pdf");
    assertTrue(Files.size(pdf) > 1000);
    String text = String.join("", RealClients.run(List.of(pdftotext.toString(), "-raw", pdf.toString(), "-"), tmp));
    assertTrue(text.replaceAll("\\s", "").contains("三、本年度办理结果"));
    CliTest.Run onlyPdf = CliTest.run("merge", CliTest.SEED.toString(), "-o", tmp.resolve("仅PDF.pdf").toString(),
        "--format", "pdf");
    assertEquals(0, onlyPdf.code(), onlyPdf.out());
    assertTrue(Files.exists(tmp.resolve("仅PDF.pdf")));
    assertFalse(Files.exists(tmp.resolve("仅PDF.pdf.docx")));
  }
}
