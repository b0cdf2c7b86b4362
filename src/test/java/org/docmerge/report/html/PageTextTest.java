package org.docmerge.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A page's bytes read as the characters a browser shows, whatever the page declares. */
class PageTextTest {
  static final String LABELS = "申请人情况 法人或其他组织 喆堃 規範性檔案";

  static String page(String meta) {
    return "<html><head>" + meta + "</head><body><table><tr><td>" + LABELS + "</td></tr></table></body></html>";
  }

  @Test
  void gb2312IsReadAsBrowsersReadItKeepingGbkOnlyCharacters() {
    byte[] b = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">").getBytes(Charset.forName("GBK"));
    // Java's own GB2312 decoder loses them; browsers (WHATWG) and docmerge read gb2312 as GBK
    assertFalse(new String(b, Charset.forName("GB2312")).contains("喆堃"));
    assertTrue(PageText.decode(b).contains(LABELS));
    for (String label : new String[] {"gbk", "x-gbk", "GB_2312-80", "euc-cn", "x-euc-cn", "chinese", "csGB2312"}) {
      assertTrue(PageText.decode(page("<meta charset=\"" + label + "\">").getBytes(Charset.forName("GB18030")))
          .contains(LABELS), label);
    }
  }

  @Test
  void aDeclarationThatLiesIsOverruledByWhatDecodesCleanly() {
    // says UTF-8, saved in GBK (a server's default): read as GBK; says GBK, saved in UTF-8: read as UTF-8
    assertTrue(PageText.decode(page("<meta charset=\"utf-8\">").getBytes(Charset.forName("GBK"))).contains(LABELS));
    assertTrue(PageText.decode(page("<meta charset=\"gbk\">").getBytes(StandardCharsets.UTF_8)).contains(LABELS));
    // says ISO-8859-1 (a template's default), saved in GBK
    assertTrue(PageText.decode(page("<meta charset=\"iso-8859-1\">").getBytes(Charset.forName("GBK"))).contains(LABELS));
  }

  @Test
  void aTraditionalChineseMirrorDeclaredBig5IsReadAsBig5() {
    String trad = "<html><head><meta charset=\"big5\"></head><body>申請人情況 規範性檔案 行政複議</body></html>";
    assertTrue(PageText.decode(trad.getBytes(Charset.forName("Big5"))).contains("申請人情況 規範性檔案 行政複議"));
  }

  @Test
  void byteOrderMarksDecideAndAUtf8PageCutInsideItsLastCharacterStaysUtf8() {
    String p = page("");
    assertEquals(p, PageText.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, p.getBytes(StandardCharsets.UTF_16LE))));
    assertEquals(p, PageText.decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, p.getBytes(StandardCharsets.UTF_16BE))));
    assertEquals(p, PageText.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, p.getBytes(StandardCharsets.UTF_8))));
    byte[] cut = (p + "报").getBytes(StandardCharsets.UTF_8);
    cut = java.util.Arrays.copyOf(cut, cut.length - 1);
    assertEquals(p, PageText.decode(cut));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
