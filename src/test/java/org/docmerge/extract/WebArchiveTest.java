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
 * reads the same cells and cover facts as the page itself. An RTF file named .doc is refused with a message.
 */
class WebArchiveTest {
  static final ReportSpec SPEC = org.docmerge.TestReports.spec2021();

  static String quotedPrintable(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    int line = 0;
    for (byte x : bytes) {
      int c = x & 0xFF;
      String piece;
      if (c == '\n') {
        sb.append("\r\n");
        line = 0;
        continue;
      } else if (c == '\r') {
        continue;
      } else if (c >= 33 && c <= 126 && c != '=' || c == ' ') {
        piece = String.valueOf((char) c);
      } else {
        piece = String.format("=%02X", c);
      }
      if (line + piece.length() > 75) {
        sb.append("=\r\n");
        line = 0;
      }
      sb.append(piece);
      line += piece.length();
    }
    return sb.toString();
  }

  static byte[] mht(String html, boolean base64) {
    String boundary = "----=_NextPart_01D7F3A1.5C2B3E40";
    Charset cs = base64 ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    byte[] page = html.getBytes(cs);
    String body = base64 ? java.util.Base64.getMimeEncoder().encodeToString(page) : quotedPrintable(page);
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

  @ParameterizedTest
  @ValueSource(strings = {"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}} 2021年政府信息公开工作年度报告\\par }"})
  void anRtfFileNamedDocIsRefusedWithWhatToDo(String rtf) {
    Result<org.docmerge.report.PublishedReport> r = Reports.read(rtf.getBytes(StandardCharsets.UTF_8), "2021年报.doc");
    assertTrue(r.value().isEmpty());
    assertEquals("EXTRACT.NOT_REPORT", r.diagnostics().get(0).code());
    assertTrue(r.diagnostics().get(0).message().contains("RTF") && r.diagnostics().get(0).message().contains(".docx"));
  }
}
