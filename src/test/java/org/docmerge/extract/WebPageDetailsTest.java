package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.report.PublishedReport;
import org.docmerge.report.Reports;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Test;

/**
 * What a browser shows of a web page is what is read, no more: the details of real pages that {@link
 * WebPageShapesTest} does not lay out for every report — style rules that hide nothing on screen, a page hidden
 * until its script shows it, a hidden old number inside a cell, a number wrapped by {@code <br>}, a page or archive
 * that stops before its end, an archive without a page.
 */
class WebPageDetailsTest {
  static final String PAGE = new String(HtmlExtractTest.fixture("gov-site-2022.html"), StandardCharsets.UTF_8);

  static Result<ReportData> read(String page) {
    return Extracts.extract(page, "page.html", HtmlExtractTest.SPEC);
  }

  /** What reading the file says before the extractor does: the reader's own warnings. */
  static List<Diagnostic> readerSays(byte[] b, String name) {
    return Reports.read(b, name).diagnostics();
  }

  static void allValuesRead(Result<ReportData> r) {
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    HtmlExtractTest.expected().forEach((k, v) -> assertEquals(0, v.compareTo(r.get().number(k)
        .orElseThrow(() -> new AssertionError(k + " " + r.get().values().get(k)))), k));
  }

  @Test
  void aPageHiddenUntilItsScriptShowsItIsRead() {
    allValuesRead(read(PAGE.replace("<style>", "<style>body { display: none } ")));
    allValuesRead(read(PAGE.replace("<body>", "<body style=\"visibility:hidden\">")));
  }

  @Test
  void rulesForPrintOrForHoverHideNothingOnScreen() {
    Result<ReportData> r = read(PAGE.replace("<style>", "<style>@media print { .article { display:none } }"
        + " .article:hover { display:none } </style><style media=\"print\">table { display:none }"));
    allValuesRead(r);
    assertEquals("某某区市场监督管理局", r.get().field("agency"));
  }

  @Test
  void rulesForPhonesHideNothingOnAComputersScreen() {
    allValuesRead(read(PAGE.replace("<style>", "<style>@media (max-width: 768px) { table { display:none } }"
        + " @media screen and (max-width:640px) { .article { visibility:hidden } }")));
  }

  @Test
  void contentForComputersOnlyIsShownAsOnAComputer() {
    // Bootstrap's 「d-none d-md-block」: hidden on phones, shown from 768 pixels up
    allValuesRead(read(PAGE.replace("<style>", "<style>.d-none { display:none !important }"
        + " @media (min-width: 768px) { .d-md-block { display:block !important } } ")
        .replace("<div class=\"article\">", "<div class=\"article d-none d-md-block\">")));
  }

  @Test
  void hidingRulesInsideWordsCommentWrapperOrAfterACharsetLineStillHide() {
    String number = "<td colspan=\"3\">1,234<span class=\"was\">9</span></td>";
    allValuesRead(read(PAGE.replace("<style>", "<style><!-- .was { display:none } --> ")
        .replace("<td colspan=\"3\">1,234</td>", number)));
    allValuesRead(read(PAGE.replace("<style>", "<style>@charset \"utf-8\"; @import url(print.css) print; .was{display:none} ")
        .replace("<td colspan=\"3\">1,234</td>", number)));
    // a tag with a class, an id, a descendant selector: each hides what it names
    allValuesRead(read(PAGE.replace("<style>", "<style>span.was { display:none } #gone { display:none } td .old { display:none } ")
        .replace("<td colspan=\"3\">1,234</td>", "<td colspan=\"3\">1,234<span class=\"was\">9</span><b id=\"gone\">8</b>"
            + "<i class=\"old\">7</i></td>")));
  }

  @Test
  void aPageWhoseTemplateLeavesOutBodyAndHtmlEndsIsWholeAndAllRead() {
    String sloppy = PAGE.replace("</body></html>", "");
    assertFalse(readerSays(sloppy.getBytes(StandardCharsets.UTF_8), "page.html").stream()
        .anyMatch(x -> x.code().equals("EXTRACT.TRUNCATED")));
    Result<ReportData> r = read(sloppy);
    allValuesRead(r);
    assertEquals("2023-01-18", r.get().field("published"));
  }

  @Test
  void aHiddenOldNumberInACellIsNotRead() {
    String page = PAGE.replace("<style>", "<style>.was { visibility: hidden } ")
        .replace("<td colspan=\"3\">1,234</td>", "<td colspan=\"3\">1,234<span class=\"was\">9</span></td>")
        .replace("<span>5</span>", "<span>5</span><span style=\"DISPLAY: none\">6</span><span hidden>7</span>");
    allValuesRead(read(page));
  }

  @Test
  void aNumberWrappedByBrIsReadAsTheNumber() {
    // a narrow cell's 「12⏎34」 is one number wrapped, as in a PDF's cell
    ReportData d = read(PAGE.replace("<td colspan=\"3\">1,234</td>", "<td colspan=\"3\">12<br>34</td>")).get();
    assertEquals(0, new BigDecimal(1234).compareTo(d.number("t2.license.decisions").orElseThrow()));
  }

  @Test
  void aPageThatStopsInsideARowIsReadUpToItsLastWholeRowWithAWarning() {
    String cut = PAGE.substring(0, PAGE.indexOf("<span style=\"font-size:14px\"><span>5") + 32);
    Result<ReportData> r = read(cut);
    List<Diagnostic> said = readerSays(cut.getBytes(StandardCharsets.UTF_8), "page.html");
    assertEquals(List.of("EXTRACT.TRUNCATED"), Extracts.codes(said));
    assertTrue(said.get(0).message().contains("这个网页文件在中途截断"), said::toString);
    assertFalse(readerSays(PAGE.getBytes(StandardCharsets.UTF_8), "page.html").stream()
        .anyMatch(x -> x.code().equals("EXTRACT.TRUNCATED")), "a whole page is not cut");
    ReportData d = r.get();
    assertEquals(0, new BigDecimal(1234).compareTo(d.number("t2.license.decisions").orElseThrow()));
    assertEquals(null, d.values().get("t2.penalty.decisions"), "the row cut inside its cell is not read");
    // nothing is blamed on the publisher for what the cut took away
    assertTrue(new Validator(HtmlExtractTest.SPEC).validate(d).stream().noneMatch(x -> x.code().equals("R01")),
        () -> new Validator(HtmlExtractTest.SPEC).validate(d).toString());
  }

  static String article(String page) {
    return page.substring(page.indexOf("<div class=\"article\">"), page.indexOf("<div class=\"footer\">"));
  }

  @Test
  void anArticlePrintedTwiceWhoseCopyIsHiddenByAStyleSheetNotSavedIsReadOnce() {
    // 「网页，仅 HTML」 keeps no external style sheet: the print copy it hid shows, the same cells again
    String page = PAGE.replace("<div class=\"footer\">", "<div class=\"print-version\">" + article(PAGE) + "</div>\n<div class=\"footer\">");
    assertFalse(readerSays(page.getBytes(StandardCharsets.UTF_8), "page.html").stream()
        .anyMatch(x -> x.code().equals("EXTRACT.TABLE_TWICE")));
    allValuesRead(read(page));
  }

  @Test
  void aTableShownTwiceWithDifferentNumbersIsNotReadAtAllRatherThanReadWrong() {
    String old = article(PAGE).replace("1,234", "1,230").replace("<span>5</span>", "<span>4</span>")
;
    String page = PAGE.replace("<div class=\"article\">", "<div class=\"old\">" + old + "</div>\n<div class=\"article\">");
    List<Diagnostic> said = readerSays(page.getBytes(StandardCharsets.UTF_8), "page.html");
    assertTrue(said.stream().anyMatch(x -> x.code().equals("EXTRACT.TABLE_TWICE") && x.message().contains("两张都没有读取")),
        said::toString);
    ReportData d = read(page).get();
    assertEquals(null, d.values().get("t2.license.decisions"), "neither 1,230 nor 1,234: no telling which is published");
    java.util.Map<String, BigDecimal> want = HtmlExtractTest.expected();
    d.values().forEach((k, v) -> assertTrue(v.isNumber() && want.get(k).compareTo(v.number()) == 0, k)); // no cell wrong
    assertTrue(d.values().containsKey("t3.new.total"), "the tables shown once are read");
  }

  static byte[] archive(String part) {
    return ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"=_b\"; type=\"text/html\"\r\n\r\n"
        + "--=_b\r\n" + part + "\r\n--=_b--\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void anArchiveWithoutAPageSaysSoInChinese() {
    byte[] b = archive("Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=");
    assertEquals(Reports.Form.HTML, Reports.sniff(b));
    Result<PublishedReport> r = Reports.read(b, "年报.mht");
    assertTrue(r.value().isEmpty());
    assertEquals("EXTRACT.UNREADABLE", r.diagnostics().get(0).code());
    assertTrue(r.diagnostics().get(0).message().contains("单个文件网页（.mht/.mhtml）中找不到网页正文"));
  }

  @Test
  void anArchivedPageInBase64WithItsCharsetInThePartHeaderIsRead() {
    String page = PAGE.replace("<meta charset=\"utf-8\">", "").replace("某某区", "喆堃区"); // GBK-only characters
    String b64 = java.util.Base64.getMimeEncoder().encodeToString(page.getBytes(Charset.forName("GB18030")));
    byte[] b = archive("Content-Type: text/html;\r\n charset=\"gb2312\"\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Location: file:///C:/年报.htm\r\n\r\n" + b64);
    Result<ReportData> r = Extracts.extract(b, "年报.mht", HtmlExtractTest.SPEC);
    allValuesRead(r);
    assertEquals("喆堃区市场监督管理局", r.get().field("agency"));
  }

  @Test
  void anArchiveThatStopsInsideItsPageIsReadAsFarAsItGoes() {
    String cut = PAGE.substring(0, PAGE.indexOf("<span style=\"font-size:14px\"><span>5") + 32);
    byte[] b = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"=_b\"\r\n\r\n--=_b\r\n"
        + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + WebPageShapesTest.quotedPrintable(cut.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.ISO_8859_1);
    Result<ReportData> r = Extracts.extract(b, "年报.mht", HtmlExtractTest.SPEC);
    List<Diagnostic> said = readerSays(b, "年报.mht");
    assertTrue(said.stream().anyMatch(x -> x.code().equals("EXTRACT.TRUNCATED") && x.message().contains("单个文件网页")),
        said::toString);
    assertEquals(0, new BigDecimal(1234).compareTo(r.get().number("t2.license.decisions").orElseThrow()));
    assertEquals("某某区市场监督管理局", r.get().field("agency"));
  }
}
