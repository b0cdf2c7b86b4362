package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.docmerge.Docmerge;
import org.docmerge.model.ReportData;
import org.docmerge.report.PublishedReport;
import org.docmerge.report.TextReport;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.Test;

/**
 * Every real text report of the published corpus with table cells, laid out as the web pages government sites and
 * office software really produce — Word's 「另存为网页」 (MsoNormalTable cells of {@code <p class=MsoNormal><span
 * lang=EN-US>0<o:p></o:p></span></p>}, numbers split into runs, {@code <![if !supportMisalignedColumns]>} and its
 * zero-height row of width cells, VML pictures, hidden text {@code mso-hide:all}) declared {@code gb2312} but
 * holding GBK-only characters; a CMS article page ({@code <div class="TRS_Editor">} with its own style, tables split
 * into several {@code <table>}s with {@code <th>} headers, a hidden print copy and an old table in a comment — both
 * with other numbers —, share/QR/related-link blocks, hidden inputs, a text area and a select, one-cell tables
 * inside cells, {@code <br>} in labels and after numbers, {@code &#12288;}, {@code <font>} soup, a stray empty cell at
 * the end of some rows) in every encoding
 * a saved page comes in; and single-file web archives (.mht) of both, quoted-printable and base64 — reads the same
 * cells as the report as published, never one more, never a different one.
 */
class WebPageShapesTest {
  record Shape(String name, Function<PublishedReport, byte[]> page) {}

  static final Charset GB = Charset.forName("GB18030");

  static String esc(String t) {
    return RelaidCorpusTest.escape(t);
  }

  static boolean number(String c) {
    return c.strip().matches("\\d+");
  }

  /** The report's table cells as printed: rows of cell texts. */
  static List<List<String>> rows(PublishedReport.Table t) {
    return t.rows().stream().map(r -> r.stream().map(c -> c.text().replace("\n", " ")).toList()).toList();
  }

  /** The same cells with every number changed: what a hidden or commented-out old copy would say. */
  static List<List<String>> other(List<List<String>> rows) {
    return rows.stream().map(r -> r.stream().map(c -> number(c) ? String.valueOf(Long.parseLong(c.strip()) + 7) : c)
        .toList()).toList();
  }

  // ---- Word 「另存为网页」 -------------------------------------------------------------------------------------

  static String wordRun(String text) {
    if (number(text) && text.strip().length() > 1) {
      StringBuilder sb = new StringBuilder(); // Word splits runs where editing touched them, even inside a number
      String s = text.strip();
      sb.append("<span lang=EN-US>").append(s, 0, 1).append("</span><span lang=EN-US style='font-size:\n  10.5pt'>")
          .append(s.substring(1)).append("</span>");
      return sb.toString();
    }
    return "<span style='font-family:宋体;mso-ascii-font-family:\"Times New Roman\"'>" + esc(text) + "</span>";
  }

  static String wordTable(List<List<String>> rows, int n) {
    int width = rows.stream().mapToInt(List::size).max().orElse(1);
    StringBuilder sb = new StringBuilder("<div align=center>\n<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0\n"
        + " style='border-collapse:collapse;mso-table-layout-alt:fixed;border:none;mso-border-alt:solid windowtext .5pt;\n"
        + " mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n");
    int i = 0;
    for (List<String> r : rows) {
      sb.append(" <tr style='mso-yfti-irow:").append(i++).append(";height:20.0pt'>\n");
      for (String c : r) {
        sb.append("  <td width=57 valign=top style='width:42.5pt;border:solid windowtext 1.0pt;\n  padding:0cm 5.4pt 0cm 5.4pt'>\n"
            + "  <p class=MsoNormal align=center style='text-align:center'>");
        if (c.isBlank()) {
          sb.append("<span lang=EN-US><o:p>&nbsp;</o:p></span>");
        } else if (number(c)) {
          // hidden text (Word's 「隐藏文字」) is exported but not shown: an old number kept hidden must not be read
          sb.append(wordRun(c)).append("<span lang=EN-US style='display:none;mso-hide:all'>").append(n + 90)
              .append("</span><span lang=EN-US><o:p></o:p></span>");
        } else {
          sb.append(wordRun(c)).append("<span lang=EN-US><o:p></o:p></span>");
        }
        sb.append("</p>\n  </td>\n");
      }
      if (i % 2 == 0) { // rows Word had to size apart from their cells get one more, empty, zero-width cell
        sb.append("  <![if !supportMisalignedRows]>\n  <td style='height:20.0pt;border:none' width=0 height=27></td>\n"
            + "  <![endif]>\n");
      }
      sb.append(" </tr>\n");
    }
    sb.append(" <![if !supportMisalignedColumns]>\n <tr height=0>\n");
    for (int k = 0; k < width; k++) {
      sb.append("  <td width=57 style='border:none'></td>\n");
    }
    return sb.append(" </tr>\n <![endif]>\n</table>\n</div>\n").toString();
  }

  /** A page as Word's 「另存为网页」/「筛选过的网页」 writes it. Table labels in 繁體 (GBK-only), declared gb2312. */
  static byte[] word(PublishedReport r) {
    return wordHtml(r, true).getBytes(GB);
  }

  static String wordHtml(PublishedReport r, boolean meta) {
    StringBuilder sb = new StringBuilder("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\n"
        + "xmlns:o=\"urn:schemas-microsoft-com:office:office\"\nxmlns:w=\"urn:schemas-microsoft-com:office:word\"\n"
        + "xmlns=\"http://www.w3.org/TR/REC-html40\">\n\n<head>\n"
        + (meta ? "<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\n" : "")
        + "<meta name=ProgId content=Word.Document>\n<meta name=Generator content=\"Microsoft Word 15\">\n"
        + "<!--[if gte mso 9]><xml>\n <o:DocumentProperties>\n  <o:Author>办公室</o:Author>\n </o:DocumentProperties>\n"
        + "</xml><![endif]-->\n<style>\n<!--\n /* Style Definitions */\n p.MsoNormal, li.MsoNormal, div.MsoNormal\n"
        + "\t{mso-style-parent:\"\";margin:0cm;text-align:justify;font-size:10.5pt;font-family:\"Times New Roman\";}\n"
        + "@page WordSection1\n\t{size:595.3pt 841.9pt;margin:72.0pt 90.0pt 72.0pt 90.0pt;}\ndiv.WordSection1\n\t{page:WordSection1;}\n"
        + "-->\n</style>\n</head>\n\n<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\n\n"
        + "<div class=WordSection1 style='layout-grid:15.6pt'>\n\n");
    int n = 0;
    boolean picture = false;
    for (PublishedReport.Block b : r.blocks()) {
      if (b instanceof PublishedReport.Paragraph p) {
        sb.append("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;\n"
            + "font-family:仿宋_GB2312'>").append(esc(p.text())).append("<span lang=EN-US><o:p></o:p></span></span></p>\n\n");
        if (!picture) {
          picture = true; // a seal or logo: VML for Word, an <img> for browsers
          sb.append("<p class=MsoNormal><span lang=EN-US><!--[if gte vml 1]><v:shape id=\"图片_x0020_1\" o:spid=\"_x0000_i1025\"\n"
              + " type=\"#_x0000_t75\" style='width:90pt;height:90pt'>\n <v:imagedata src=\"report.files/image001.png\" o:title=\"\"/>\n"
              + "</v:shape><![endif]--><![if !vml]><img width=120 height=120 src=\"report.files/image002.jpg\" v:shapes=\"图片_x0020_1\"><![endif]></span>"
              + "<span lang=EN-US><o:p></o:p></span></p>\n\n");
        }
      } else if (b instanceof PublishedReport.Table t) {
        List<List<String>> rows = rows(t).stream()
            .map(row -> row.stream().map(RelaidCorpusTest::traditional).toList()).toList();
        sb.append(wordTable(rows, n++));
        sb.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n\n");
      }
    }
    return sb.append("</div>\n\n</body>\n\n</html>\n").toString();
  }

  // ---- a government CMS article page ------------------------------------------------------------------------

  static String cmsTable(List<List<String>> rows, int part, int parts) {
    StringBuilder sb = new StringBuilder("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"600\" align=\"center\">\n<tbody>\n");
    int header = 0;
    while (header < rows.size() && rows.get(header).stream().noneMatch(WebPageShapesTest::number)) {
      header++;
    }
    int body = rows.size() - header; // split among the body rows, each part with some (as page breaks fall)
    int from = part == 0 ? 0 : header + body * part / parts;
    int to = part == parts - 1 ? rows.size() : header + body * (part + 1) / parts;
    for (int i = from; i < to; i++) {
      List<String> r = rows.get(i);
      sb.append("<tr>");
      for (int k = 0; k < r.size(); k++) {
        String c = r.get(k);
        String tag = i < header ? "th" : "td";
        sb.append("<").append(tag).append(" style=\"border:1px solid #000\">");
        if (c.isBlank()) {
          sb.append("&nbsp;");
        } else if (number(c)) {
          sb.append("<font face=\"Times New Roman\"><span style=\"font-size:14px\">").append(c.strip())
              .append("</span></font><br>");
        } else if (k == 0 && i % 3 == 1) {
          sb.append("<table width=\"100%\" border=\"0\"><tr><td align=\"left\">&#12288;").append(esc(c))
              .append("</td></tr></table>");
        } else if (c.length() > 6 && !c.contains(" ")) {
          sb.append("<font>").append(esc(c.substring(0, 3))).append("</font><br/>\n<font>")
              .append(esc(c.substring(3))).append("</font>");
        } else {
          sb.append("<p style=\"text-align:center\"><font face=\"宋体\">").append(esc(c)).append("</font></p>");
        }
        sb.append("</").append(tag).append(">");
      }
      // an editor's stray empty cell at the end of some rows: a ragged right edge on the page, no column
      int widest = rows.stream().mapToInt(List::size).max().orElse(0);
      sb.append(i >= header && i % 2 == 0 && r.size() == widest ? "<td></td>" : "").append("</tr>\n");
    }
    return sb.append("</tbody>\n</table>\n").toString();
  }

  static String article(PublishedReport r, boolean old) {
    StringBuilder sb = new StringBuilder();
    for (PublishedReport.Block b : r.blocks()) {
      if (b instanceof PublishedReport.Paragraph p) {
        String t = esc(p.text());
        int cut = t.length() / 2;
        sb.append("<p style=\"text-indent:2em;line-height:1.8\">&#12288;&#12288;<font face=\"仿宋\" size=\"4\">")
            .append(t, 0, cut).append("</font><font face=\"仿宋\" size=\"4\">").append(t.substring(cut))
            .append("</font></p>\n");
      } else if (b instanceof PublishedReport.Table t) {
        List<List<String>> rows = old ? other(rows(t)) : rows(t);
        long body = rows.stream().filter(row -> row.stream().anyMatch(WebPageShapesTest::number)).count();
        int parts = body >= 6 ? 3 : 1;
        for (int k = 0; k < parts; k++) {
          sb.append(cmsTable(rows, k, parts)).append(k < parts - 1 ? "<p>&nbsp;</p>\n" : "");
        }
      }
    }
    return sb.toString();
  }

  static String cmsHtml(PublishedReport r, String meta) {
    return "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html>\n<head>\n" + meta
        + "<title>政府信息公开工作年度报告</title>\n<link rel=\"stylesheet\" href=\"/css/style.css\">\n"
        + "<style>.printonly{display:none} @media print { .noprint { display:none } .printonly { display:block } }"
        + " .share a:hover{display:block}</style>\n<script>var docid='2022001';</script>\n</head>\n<body>\n"
        + "<form method=\"post\" action=\"./art.aspx\" id=\"form1\">\n<input type=\"hidden\" name=\"__VIEWSTATE\" value=\"/wEPDwULLTE2\">\n"
        + "<div class=\"top noprint\"><a href=\"/\">首页</a> | <a href=\"/zwgk/\">政务公开</a></div>\n"
        + "<div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政府信息公开年报</a></div>\n"
        + "<table width=\"100%\" class=\"xxgk\"><tr><td>索引号：</td><td>000014349/2022-00012</td><td>主题分类：</td><td>年度报告</td></tr></table>\n"
        + "<div class=\"content\">\n<div class=\"TRS_Editor\"><style type=\"text/css\">\n.TRS_Editor P{margin-top:0;margin-bottom:0;"
        + "line-height:1.5;font-family:宋体;font-size:12pt;}.TRS_Editor TD,.TRS_Editor TH{font-size:12pt;}\n</style>\n"
        + "<div class=\"Custom_UnionStyle\">\n" + article(r, false) + "</div></div>\n"
        + "<!-- 旧版表格：\n" + article(r, true).replace("--", "- -") + "-->\n"
        + "<div class=\"printonly\">" + article(r, true) + "</div>\n"
        + "<div id=\"printContent\" style=\"display: none;\">" + article(r, true) + "</div>\n"
        + "</div>\n<div class=\"share noprint\">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>\n"
        + "<div class=\"qr noprint\"><img src=\"qr.png\" alt=\"二维码\"><p>扫一扫在手机打开当前页</p></div>\n"
        + "<div class=\"btns noprint\">【<a href=\"javascript:window.print()\">打印本页</a>】【<a>关闭窗口</a>】</div>\n"
        + "<div class=\"comment\"><textarea name=\"msg\">请输入您的意见 0</textarea><select name=\"y\"><option>2019</option><option>2020</option></select>"
        + "<input type=\"text\" name=\"code\" value=\"8\"></div>\n"
        + "</form>\n<div class=\"footer\">主办单位：某某市人民政府办公室 网站标识码：4403000001 ICP备案号：粤ICP备12345678号</div>\n"
        + "</body>\n</html>\n";
  }

  static final String UTF8_META = "<meta charset=\"utf-8\">\n";
  static final String GBK_META = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">\n";

  static byte[] withBom(byte[] bom, byte[] body) {
    byte[] out = java.util.Arrays.copyOf(bom, bom.length + body.length);
    System.arraycopy(body, 0, out, bom.length, body.length);
    return out;
  }

  // ---- single-file web archives (RFC 2557) ------------------------------------------------------------------

  /** Quoted-printable as RFC 2045 §6.7 writes it: lines of at most 76 characters, soft breaks {@code =\r\n}. */
  static String quotedPrintable(byte[] b) {
    StringBuilder out = new StringBuilder();
    int col = 0;
    for (int i = 0; i < b.length; i++) {
      int c = b[i] & 0xFF;
      if (c == '\n') {
        out.append("\r\n");
        col = 0;
        continue;
      }
      String enc = c >= 33 && c <= 126 && c != '=' || c == ' ' && i + 1 < b.length && b[i + 1] != '\n'
          ? String.valueOf((char) c) : String.format("=%02X", c);
      if (col + enc.length() > 75) {
        out.append("=\r\n");
        col = 0;
      }
      out.append(enc);
      col += enc.length();
    }
    return out.toString();
  }

  static String base64Lines(byte[] b) {
    return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(b);
  }

  /** A Word 「单个文件网页」 (.mht): the page quoted-printable, its charset only in the part header. */
  static byte[] wordMht(PublishedReport r) {
    String boundary = "----=_NextPart_01D8F2A1.6C3B7E40";
    String mht = "MIME-Version: 1.0\r\nX-Document-Type: Document\r\nContent-Type: multipart/related; boundary=\""
        + boundary + "\"\r\n\r\n此文档为“单个文件网页”，也称为“Web 档案”文件。\r\n\r\n--" + boundary
        + "\r\nContent-Location: file:///C:/D4E2A9B0/2022年报.htm\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        + "Content-Type: text/html; charset=\"gb2312\"\r\n\r\n" + quotedPrintable(wordHtml(r, false).getBytes(GB))
        + "\r\n\r\n--" + boundary + "\r\nContent-Location: file:///C:/D4E2A9B0/2022年报.files/image001.png\r\n"
        + "Content-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\n" + base64Lines(new byte[300])
        + "\r\n\r\n--" + boundary + "--\r\n";
    return mht.getBytes(GB);
  }

  /** A browser's 「网页，单个文件」 (Chromium's MHTML): the page base64 or quoted-printable, with its parts. */
  static byte[] browserMht(PublishedReport r, boolean base64) {
    String boundary = "----MultipartBoundary--Qx7sKJd3mVfD2gYv0ZsW1cHnq8tPbL5eRuaA4oNkXI----";
    String page = cmsHtml(r, UTF8_META);
    String style = page.substring(page.indexOf("<style>"), page.indexOf("</style>") + 8);
    // as Chromium saves it: the page's <style> becomes a linked part, the print copy is hidden only by that part
    byte[] html = page.replace(style, "<link rel=\"stylesheet\" type=\"text/css\" href=\"cid:css-2@mhtml.blink\" />")
        .getBytes(StandardCharsets.UTF_8);
    String mht = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.gov.cn/zwgk/ndbg/t20230118_1.html\r\n"
        + "Subject: =?utf-8?Q?2022=E5=B9=B4=E6=8A=A5?=\r\nDate: Wed, 18 Jan 2023 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n\r\n--" + boundary
        + "\r\nContent-Type: text/html\r\nContent-ID: <frame-7D6E@mhtml.blink>\r\nContent-Transfer-Encoding: "
        + (base64 ? "base64" : "quoted-printable")
        + "\r\nContent-Location: https://www.example.gov.cn/zwgk/ndbg/t20230118_1.html\r\n\r\n"
        + (base64 ? base64Lines(html) : quotedPrintable(html)) + "\r\n--" + boundary
        + "\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: cid:css-1@mhtml.blink\r\n\r\n"
        + quotedPrintable("@charset \"utf-8\";\n.TRS_Editor p { margin: 0px; }\n".getBytes(StandardCharsets.UTF_8))
        + "\r\n--" + boundary
        + "\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: cid:css-2@mhtml.blink\r\n\r\n"
        + quotedPrintable(("@charset \"utf-8\";\n\n" + style.substring(7, style.length() - 8)).getBytes(StandardCharsets.UTF_8))
        + "\r\n--" + boundary + "--\r\n";
    return mht.getBytes(StandardCharsets.US_ASCII);
  }

  static final List<Shape> SHAPES = List.of(
      new Shape("Word 另存为网页, gb2312 declared, GBK-only characters", WebPageShapesTest::word),
      new Shape("CMS page, UTF-8, <meta charset=utf-8>", r -> cmsHtml(r, UTF8_META).getBytes(StandardCharsets.UTF_8)),
      new Shape("CMS page, GB18030, no charset declared", r -> cmsHtml(r, "").getBytes(GB)),
      new Shape("CMS page, GBK, http-equiv charset=GBK", r -> cmsHtml(r, GBK_META).getBytes(GB)),
      new Shape("CMS page, UTF-8 with a BOM", r -> withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
          cmsHtml(r, UTF8_META).getBytes(StandardCharsets.UTF_8))),
      new Shape("CMS page, UTF-16LE with a BOM", r -> withBom(new byte[] {(byte) 0xFF, (byte) 0xFE},
          cmsHtml(r, "").getBytes(StandardCharsets.UTF_16LE))),
      new Shape("CMS page, UTF-16BE with a BOM", r -> withBom(new byte[] {(byte) 0xFE, (byte) 0xFF},
          cmsHtml(r, "").getBytes(StandardCharsets.UTF_16BE))),
      new Shape("CMS page, meta says utf-8, bytes GBK", r -> cmsHtml(r, UTF8_META).getBytes(GB)),
      new Shape("Word 单个文件网页 (.mht), quoted-printable gb2312", WebPageShapesTest::wordMht),
      new Shape("browser 单个文件 (.mhtml), quoted-printable", r -> browserMht(r, false)),
      new Shape("browser 单个文件 (.mhtml), base64", r -> browserMht(r, true)));

  /**
   * The page's menu line above the article: no name or text tells it from a report's line (an excerpt has no title
   * before which it would be left out, so it lands in the intro). The page's other blocks are not read.
   */
  static final List<String> CHROME = List.of("首页 | 政务公开");

  static Map<String, List<String>> article(Map<String, List<String>> prose) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    prose.forEach((k, v) -> out.put(k, v.stream().filter(p -> !CHROME.contains(p)).toList()));
    return out;
  }

  static Map<String, String> cells(ReportData d) {
    return RelaidCorpusTest.cells(d);
  }

  @Test
  void everyReportReadsTheSameCellsInEveryPageShape() throws IOException {
    Map<String, int[]> figures = new LinkedHashMap<>(); // shape → {compared, right, wrong, unread, extra, facts, factsRight, reports, proseSame}
    SHAPES.forEach(s -> figures.put(s.name(), new int[9]));
    List<String> failures = new ArrayList<>();
    int reports = 0;
    for (Path file : RelaidCorpusTest.textReports()) {
      String kind = Docmerge.detectKind(file).orElseThrow();
      ReportSpec spec = Docmerge.open(kind).get().kind().spec();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      ReportData asText = Extracts.extract(text, file.getFileName().toString(), spec).get();
      Map<String, String> published = cells(asText);
      PublishedReport read = TextReport.read(text, file.getFileName().toString());
      if (published.isEmpty() || !RelaidCorpusTest.rowsAsPrinted(read)) {
        continue;
      }
      reports++;
      for (Shape shape : SHAPES) {
        int[] f = figures.get(shape.name());
        String name = file.getFileName() + " / " + shape.name();
        ReportData page;
        try {
          page = Extracts.extract(shape.page().apply(read), "page.html", spec).get();
        } catch (RuntimeException | AssertionError e) {
          failures.add(name + ": " + e);
          continue;
        }
        Map<String, String> again = cells(page);
        for (Map.Entry<String, String> e : published.entrySet()) {
          String v = again.get(e.getKey());
          f[0]++;
          if (v == null) {
            f[3]++;
            failures.add(name + ": unread " + e.getKey() + " expected " + e.getValue());
          } else if (v.equals(e.getValue())) {
            f[1]++;
          } else {
            f[2]++;
            failures.add(name + ": WRONG " + e.getKey() + " " + v + " expected " + e.getValue());
          }
        }
        for (String k : again.keySet()) {
          if (!published.containsKey(k)) {
            f[4]++;
            failures.add(name + ": " + k + " read " + again.get(k) + " but not in the report as published");
          }
        }
        f[7]++;
        if (asText.prose().equals(article(page.prose()))) {
          f[8]++;
        } else {
          failures.add(name + ": prose " + page.prose() + " expected " + asText.prose());
        }
        for (String fact : List.of("year", "agency")) {
          f[5]++;
          if (java.util.Objects.equals(asText.field(fact), page.field(fact))) {
            f[6]++;
          } else {
            failures.add(name + ": " + fact + "=「" + page.field(fact) + "」 expected 「" + asText.field(fact) + "」");
          }
        }
      }
    }
    System.out.println("Web page shapes: " + reports + " real reports laid out as " + SHAPES.size() + " page shapes");
    figures.forEach((k, f) -> System.out.println("  " + k + ": cells right " + f[1] + " / " + f[0] + " (wrong " + f[2]
        + ", not read " + f[3] + ", read but not printed " + f[4] + "); year and agency right " + f[6] + " / " + f[5] + "; prose the same " + f[8] + " / " + f[7]));
    Map<String, Integer> byFile = new TreeMap<>();
    failures.forEach(x -> byFile.merge(x.substring(0, x.indexOf(" / ")), 1, Integer::sum));
    byFile.forEach((k, n) -> System.out.println("  " + n + " × " + k));
    failures.stream().limit(40).forEach(x -> System.out.println("  " + x));
    assertTrue(reports >= 20, "reports " + reports);
    assertEquals(List.of(), failures.stream().limit(20).toList());
  }

}
