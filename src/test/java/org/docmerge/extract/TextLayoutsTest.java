package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.docmerge.TestReports;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.diag.Severity;
import org.docmerge.model.ReportData;
import org.docmerge.report.PublishedReport;
import org.docmerge.report.TextReport;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed report's text re-laid out the ways real copies come (a browser copy, Word's "save as plain text",
 * Markdown, a scraper's one-cell-per-line pipes, {@code pdftotext -layout} columns, a mirror site's 繁體, and a
 * mixture of these) reads back to exactly the values of the Word-copy layout, with nothing reported missing.
 */
class TextLayoutsTest {
  static final ReportSpec SPEC = TestReports.spec2021();

  /** The seed as blocks, each table re-rendered by {@code table}. */
  static String relayout(Function<List<List<String>>, String> table) {
    return relayout(List.of(table));
  }

  /** As {@link #relayout(Function)}, the i-th table rendered by the i-th function (the last one repeats). */
  static String relayout(List<Function<List<List<String>>, String>> tables) {
    PublishedReport seed = TextReport.read(TestReports.seedText(), "seed.txt");
    StringBuilder sb = new StringBuilder();
    int t = 0;
    for (PublishedReport.Block b : seed.blocks()) {
      if (b instanceof PublishedReport.Paragraph p) {
        sb.append(p.text()).append('\n');
      } else if (b instanceof PublishedReport.Table tab) {
        List<List<String>> rows = tab.rows().stream()
            .map(r -> r.stream().map(c -> c.text().replace("\n", " ")).toList()).toList();
        sb.append(tables.get(Math.min(t++, tables.size() - 1)).apply(rows)).append('\n');
      }
    }
    return sb.toString();
  }

  static String tabRows(List<List<String>> rows) {
    return String.join("\n", rows.stream().map(r -> String.join("\t", r)).toList());
  }

  static String markdown(List<List<String>> rows) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      out.add("| " + String.join(" | ", rows.get(i)) + " |");
      if (i == 0) {
        out.add("|" + "---|".repeat(rows.get(0).size()));
      }
    }
    return String.join("\n", out);
  }

  static String scraperCells(List<List<String>> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> r.forEach(c -> out.add(c.isBlank() ? "|" : c + " |")));
    return String.join("\n", out);
  }

  static String spaceColumns(List<List<String>> rows) {
    List<String> out = new ArrayList<>();
    for (List<String> r : rows) {
      List<String> shown = r.stream().filter(c -> !c.isBlank()).map(c -> c.replace(" ", "")).toList();
      out.add("    " + String.join("     ", shown));
    }
    return String.join("\n\n", out);
  }

  static String traditional(String s) {
    return s.replace("申请人情况", "申請人情況").replace("商业企业", "商業企業").replace("商业 企业", "商業 企業")
        .replace("法律服务机构", "法律服務機構").replace("本年度办理结果", "本年度辦理結果").replace("总计", "總計")
        .replace("予以公开", "予以公開").replace("结转下年度继续办理", "結轉下年度繼續辦理").replace("行政复议", "行政複議")
        .replace("行政诉讼", "行政訴訟").replace("结果维持", "結果維持").replace("结果纠正", "結果糾正")
        .replace("其他结果", "其他結果").replace("尚未审结", "尚未審結").replace("本年制发件数", "本年製發件數")
        .replace("信访举报投诉类申请", "信訪舉報投訴類申請").replace("（", "(").replace("）", ")");
  }

  static Stream<Arguments> layouts() {
    return Stream.of(
        Arguments.of("browser copy: a row per line, cells by tabs", relayout(TextLayoutsTest::tabRows)),
        Arguments.of("Markdown pipes", relayout(TextLayoutsTest::markdown)),
        Arguments.of("scraper: a cell per line ending in |", relayout(TextLayoutsTest::scraperCells)),
        Arguments.of("pdftotext -layout: runs of spaces", relayout(TextLayoutsTest::spaceColumns)),
        Arguments.of("mixture: pipes, tabs, spaces", relayout(List.of(TextLayoutsTest::markdown,
            TextLayoutsTest::tabRows, TextLayoutsTest::spaceColumns))),
        Arguments.of("繁體 mirror with half-width brackets", traditional(relayout(TextLayoutsTest::tabRows))),
        Arguments.of("Windows line ends", relayout(TextLayoutsTest::tabRows).replace("\n", "\r\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void everyLayoutReadsTheSameValues(String name, String text) {
    ReportData expected = Extracts.extract(TestReports.seedText(), "seed.txt", SPEC).get();
    Result<ReportData> r = Extracts.extract(text, "layout.txt", SPEC);
    List<Diagnostic> notes = r.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList();
    assertEquals(List.of(), notes, name);
    assertEquals(Extracts.values(expected), Extracts.values(r.get()), name);
    assertEquals(SPEC.cells().size(), r.get().values().size(), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void everyLayoutKeepsTheProse(String name, String text) {
    ReportData expected = Extracts.extract(TestReports.seedText(), "seed.txt", SPEC).get();
    ReportData r = Extracts.extract(text, "layout.txt", SPEC).get();
    assertTrue(r.paragraphs("problems").size() == expected.paragraphs("problems").size()
        && r.paragraphs("overview").size() == expected.paragraphs("overview").size(), name);
  }
}
