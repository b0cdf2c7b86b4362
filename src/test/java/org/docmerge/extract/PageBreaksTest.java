package org.docmerge.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.docmerge.Docmerge;
import org.docmerge.report.PublishedReport;
import org.docmerge.report.TextReport;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.Test;

/**
 * A table split over two pages, as a PDF's text or a printed-and-copied report gives it: in the middle of every
 * table of every real text report with rows, a page footer (「第 2 页」, 「第2页 共5页」, 「- 2 -」, 「2 / 5」), the
 * running header (the report's title), a form feed, and the table's header rows repeated on the new page. The
 * same cells are read as without the break, in every row-keeping layout; nothing is read from the page lines.
 */
class PageBreaksTest {
  static final List<String> FOOTERS = List.of("第 2 页", "第2页 共5页", "- 2 -", "— 2 —", "2 / 5", "第 2 页 共 5 页");

  /** The break: a footer, a form feed or not, the running header; then (optionally) the header rows again. */
  static List<List<String>> broken(List<List<String>> rows, String footer, String title, boolean repeatHeader) {
    int header = 0;
    while (header < rows.size() && rows.get(header).stream().noneMatch(c -> c.strip().matches("[0-9０-９]+(\\.\\d+)?"))) {
      header++;
    }
    int middle = header + (rows.size() - header) / 2;
    if (middle <= header || middle >= rows.size()) {
      return null;
    }
    List<List<String>> out = new ArrayList<>(rows.subList(0, middle));
    out.add(List.of("\u0001" + footer)); // page lines are written as lines of their own, not as cells
    out.add(List.of("\u0001\f" + title));
    if (repeatHeader) {
      // a printed table repeats its column headers; table 二's block captions (第二十条第（一）项) are not repeated
      rows.subList(0, header).stream().filter(r -> r.stream().noneMatch(c -> c.contains("第二十条") || c.contains("第二十條")))
          .forEach(out::add);
    }
    out.addAll(rows.subList(middle, rows.size()));
    return out;
  }

  static String layout(List<List<String>> rows, java.util.function.Function<List<List<String>>, String> table) {
    StringBuilder sb = new StringBuilder();
    List<List<String>> run = new ArrayList<>();
    for (List<String> r : rows) {
      if (r.size() == 1 && r.get(0).startsWith("\u0001")) {
        if (!run.isEmpty()) {
          sb.append(table.apply(run)).append('\n');
          run.clear();
        }
        sb.append(r.get(0).substring(1)).append('\n');
      } else {
        run.add(r);
      }
    }
    if (!run.isEmpty()) {
      sb.append(table.apply(run)).append('\n');
    }
    return sb.toString();
  }

  @Test
  void aTableBrokenOverPagesReadsTheSameCells() throws IOException {
    List<String> failures = new ArrayList<>();
    int runs = 0;
    for (Path file : RelaidCorpusTest.textReports()) {
      String kind = Docmerge.detectKind(file).orElseThrow();
      ReportSpec spec = Docmerge.open(kind).get().kind().spec();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      PublishedReport read = TextReport.read(text, file.getFileName().toString());
      if (!RelaidCorpusTest.rowsAsPrinted(read)) {
        continue;
      }
      String title = read.blocks().stream().filter(b -> b instanceof PublishedReport.Paragraph)
          .map(b -> ((PublishedReport.Paragraph) b).text()).filter(t -> t.contains("年度报告") && t.length() <= 60)
          .findFirst().orElse("政府信息公开工作年度报告");
      for (RelaidCorpusTest.Layout layout : RelaidCorpusTest.LAYOUTS) {
        if (!layout.blanksKept() || layout.name().equals("web page")) {
          continue; // (a web page has no pages)
        }
        boolean words = read.blocks().stream().noneMatch(b -> b instanceof PublishedReport.Table t && t.blanksVisible());
        if (words && !layout.rowPerLine()) {
          continue;
        }
        Map<String, String> whole = RelaidCorpusTest.cells(Extracts.extract(
            RelaidCorpusTest.relaid(read, List.of(layout), RelaidCorpusTest.RETYPES.get(0)), "whole.txt", spec).get());
        for (String footer : FOOTERS) {
          for (boolean repeat : List.of(false, true)) {
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            for (PublishedReport.Block b : read.blocks()) {
              if (b instanceof PublishedReport.Paragraph p) {
                sb.append(p.text()).append('\n');
              } else if (b instanceof PublishedReport.Table t) {
                List<List<String>> rows = t.rows().stream()
                    .map(r -> r.stream().map(c -> c.text().replace("\n", " ")).toList()).toList();
                List<List<String>> split = broken(rows, footer, title, repeat);
                any |= split != null;
                sb.append('\n').append(layout(split == null ? rows : split, layout.table())).append('\n');
              }
            }
            if (!any) {
              continue;
            }
            runs++;
            String name = file.getFileName() + " / " + layout.name() + " / 「" + footer + "」" + (repeat ? " + header again" : "");
            Map<String, String> again;
            try {
              again = RelaidCorpusTest.cells(Extracts.extract(sb.toString(), "paged.txt", spec).get());
            } catch (RuntimeException | AssertionError e) {
              failures.add(name + ": " + e);
              continue;
            }
            for (Map.Entry<String, String> e : whole.entrySet()) {
              if (!e.getValue().equals(again.get(e.getKey()))) {
                failures.add(name + ": " + e.getKey() + " " + again.get(e.getKey()) + " expected " + e.getValue());
              }
            }
            again.keySet().stream().filter(k -> !whole.containsKey(k))
                .forEach(k -> failures.add(name + ": " + k + " read " + again.get(k) + " from a page line"));
          }
        }
      }
    }
    System.out.println("Tables broken over pages: " + runs + " runs, " + failures.size() + " differences");
    java.util.Map<String, Integer> byKind = new java.util.TreeMap<>();
    failures.forEach(f -> byKind.merge(f.substring(0, f.indexOf(':')), 1, Integer::sum));
    byKind.forEach((k, n) -> System.out.println("  " + n + " × " + k));
    failures.stream().limit(40).forEach(f -> System.out.println("  " + f));
    assertTrue(runs > 50, "runs " + runs);
    assertEquals(List.of(), failures.stream().limit(20).toList());
  }
}
