package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.docmerge.Docmerge;
import org.docmerge.report.PublishedReport;
import org.docmerge.report.Reports;
import org.docmerge.report.TextReport;
import org.docmerge.serve.ServePageBrowserTest;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Single-file web archives as a real browser writes them: real corpus reports laid out as a Word 「另存为网页」 page
 * (gb2312 declared, GBK bytes) and a CMS article page, opened in Chromium and saved as MHTML (DevTools
 * {@code Page.captureSnapshot}, what 「网页，单个文件」 writes), read back with the same cells as the report as
 * published and its paragraphs once. Needs chromium and chromedriver (skipped without them locally, failing in CI).
 */
class WebArchiveChromiumTest {
  @TempDir
  Path tmp;

  @Test
  void chromiumsMhtmlOfWordAndCmsPagesReadsEveryCell() throws Exception {
    List<String> names = List.of("10-xuwen-undated.txt", "35-longgang-dept-2024.txt", "66-haizhu-guanzhou-street-2023.txt");
    ChromeDriver chrome = ServePageBrowserTest.chromium(tmp.resolve("profile"), tmp.resolve("downloads"));
    try {
      int compared = 0;
      for (String n : names) {
        Path file = PublishedCorpusTest.DIR.resolve(n);
        ReportSpec spec = Docmerge.open(Docmerge.detectKind(file).orElseThrow()).get().kind().spec();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        org.docmerge.model.ReportData asText = Extracts.extract(text, n, spec).get();
        Map<String, String> published = RelaidCorpusTest.cells(asText);
        assertTrue(published.size() > 20, n + " " + published.size());
        PublishedReport read = TextReport.read(text, n);
        Map<String, byte[]> pages = Map.of("word.htm", WebPageShapesTest.word(read),
            "cms.html", WebPageShapesTest.cmsHtml(read, WebPageShapesTest.UTF8_META).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> page : pages.entrySet()) {
          Path html = Files.write(tmp.resolve(page.getKey()), page.getValue());
          chrome.get(html.toUri().toString());
          Object data = chrome.executeCdpCommand("Page.captureSnapshot", Map.of("format", "mhtml")).get("data");
          byte[] mhtml = data.toString().getBytes(StandardCharsets.UTF_8);
          Files.write(tmp.resolve(page.getKey() + ".mhtml"), mhtml);
          Files.write(Path.of("/tmp/html/" + n + page.getKey() + ".mhtml"), mhtml); Files.write(Path.of("/tmp/html/" + n + page.getKey()), page.getValue());
          assertTrue(data.toString().contains("multipart/related"), () -> data.toString().substring(0, 400));
          assertEquals(Reports.Form.HTML, Reports.sniff(mhtml));
          org.docmerge.model.ReportData saved = Extracts.extract(mhtml, "saved.mhtml", spec).get();
          assertEquals(published, RelaidCorpusTest.cells(saved), n + " " + page.getKey());
          // the print copy, hidden by a rule Chromium moved into a linked style part, is not read a second time
          assertEquals(asText.prose(), WebPageShapesTest.article(saved.prose()), n + " " + page.getKey());
          compared += published.size();
        }
      }
      System.out.println("Chromium MHTML: " + compared + " cells read right from " + names.size() * 2 + " archives");
    } finally {
      chrome.quit();
    }
  }
}
