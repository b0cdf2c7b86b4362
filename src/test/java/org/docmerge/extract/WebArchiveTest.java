package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.report.Reports;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Word's 「单个文件网页」 (.mht), which office systems often publish under a .doc name: each of our web-page reports
 * wrapped as Word writes it (quoted-printable in GB2312, or base64 in UTF-8, with an image part after the page)
 * reads the same cells and cover facts as the page itself; so does a .docx whose body is the page imported whole
 * ({@code w:altChunk}, as web editors export), with the page as HTML or as .mht. An RTF file named .doc is refused
 * with a message.
 */
class WebArchiveTest {
  static final ReportSpec SPEC = org.docmerge.TestReports.spec2021();

  static byte[] mht(String html, boolean base64) {
    String boundary = "----=_NextPart_01D7F3A1.5C2B3E40";
    Charset cs = base64 ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    byte[] page = html.getBytes(cs);
    String body = base64 ? java.util.Base64.getMimeEncoder().encodeToString(page) : WebPageShapesTest.quotedPrintable(page);
    String s = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"" + boundary + "\"\r\n\r\n"
        + "此文档为“单个文件网页”，也称为“Web 档案”文件。\r\n\r\n"
        + "--" + boundary + "\r\nContent-Location: file:///C:/D8A1/report.htm\r\n"
        + "Content-Transfer-Encoding: " + (base64 ? "base64" : "quoted-printable") + "\r\n"
        + "Content-Type: text/html; charset=\"" + (base64 ? "utf-8" : "gb2312") + "\"\r\n\r\n" + body + "\r\n\r\n"
        + "--" + boundary + "\r\nContent-Location: file:///C:/D8A1/report.files/image001.png\r\n"
        + "Content-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ\r\n\r\n"
        + "--" + boundary + "--\r\n";
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gov-site-2022", "blank-total-2022", "odd-cells-2022", "single-table-2022"})
  void aSingleFileWebPageNamedDocReadsAsThePage(String name) throws Exception {
    byte[] page = Files.readAllBytes(Path.of("src/test/resources/html/" + name + ".html"));
    ReportData expected = Extracts.extract(page, name + ".html", SPEC).get();
    Map<String, String> want = Extracts.values(expected);
    assertFalse(want.isEmpty());
    String html = new String(page, StandardCharsets.UTF_8);
    for (boolean base64 : new boolean[] {false, true}) {
      byte[] archive = mht(html, base64);
      assertEquals(Reports.Form.HTML, Reports.sniff(archive));
      Result<ReportData> r = Extracts.extract(archive, name + ".doc", SPEC);
      assertEquals(want, Extracts.values(r.get()), (base64 ? "base64" : "quoted-printable") + " " + r.diagnostics());
      for (String f : java.util.List.of("agency", "year", "published")) {
        assertEquals(expected.field(f), r.get().field(f), f);
      }
    }
  }

  /** A .docx (the seed's package) whose body is only an altChunk of {@code chunk}. */
  static byte[] altChunk(byte[] chunk, String partName) throws Exception {
    org.docmerge.Docmerge engine = org.docmerge.Docmerge.open("gov-info-annual-2021").get();
    byte[] seed = engine.render(engine.readAny(Path.of("input-samples/gongshu-investment-2021.xlsx")).get());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(seed));
        var z = new java.util.zip.ZipOutputStream(out)) {
      java.util.zip.ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] b = in.readAllBytes();
        String xml = new String(b, StandardCharsets.UTF_8);
        if (e.getName().equals("word/document.xml")) {
          xml = xml.replaceAll("(?s)<w:body>.*?(<w:sectPr)", "<w:body><w:altChunk r:id=\"rIdChunk1\"/>$1");
          b = xml.getBytes(StandardCharsets.UTF_8);
        } else if (e.getName().equals("word/_rels/document.xml.rels")) {
          b = xml.replace("</Relationships>", "<Relationship Id=\"rIdChunk1\" Type=\"http://schemas.openxmlformats.org/"
              + "officeDocument/2006/relationships/aFChunk\" Target=\"" + partName + "\"/></Relationships>")
              .getBytes(StandardCharsets.UTF_8);
        }
        z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        z.write(b);
        z.closeEntry();
      }
      z.putNextEntry(new java.util.zip.ZipEntry("word/" + partName));
      z.write(chunk);
      z.closeEntry();
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gov-site-2022", "odd-cells-2022"})
  void aDocxThatImportsThePageWholeReadsAsThePage(String name) throws Exception {
    byte[] page = Files.readAllBytes(Path.of("src/test/resources/html/" + name + ".html"));
    ReportData expected = Extracts.extract(page, name + ".html", SPEC).get();
    for (byte[] docx : new byte[][] {altChunk(page, "afchunk.htm"),
        altChunk(mht(new String(page, StandardCharsets.UTF_8), false), "afchunk.mht")}) {
      assertEquals(Reports.Form.DOCX, Reports.sniff(docx));
      Result<ReportData> r = Extracts.extract(docx, name + ".docx", SPEC);
      assertEquals(Extracts.values(expected), Extracts.values(r.get()), r.diagnostics()::toString);
      assertEquals(expected.field("agency"), r.get().field("agency"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}} 2021年政府信息公开工作年度报告\\par }"})
  void anRtfFileNamedDocIsRefusedWithWhatToDo(String rtf) {
    Result<org.docmerge.report.PublishedReport> r = Reports.read(rtf.getBytes(StandardCharsets.UTF_8), "2021年报.doc");
    assertTrue(r.value().isEmpty());
    assertEquals("EXTRACT.NOT_REPORT", r.diagnostics().get(0).code());
    assertTrue(r.diagnostics().get(0).message().contains("RTF") && r.diagnostics().get(0).message().contains(".docx"));
  }
}
