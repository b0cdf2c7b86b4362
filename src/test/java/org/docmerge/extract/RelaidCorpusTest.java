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
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.docmerge.Docmerge;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.report.PublishedReport;
import org.docmerge.report.TextReport;
import org.docmerge.spec.Labels;
import org.docmerge.spec.ReportSpec;
import org.junit.jupiter.api.Test;

/**
 * Every real text report of the published corpus with table cells, its tables re-laid in each layout the text
 * reader supports (a row per line with tabs, Markdown pipes, a scraper's cell per line ending in 「|」, Word's copy
 * with a cell per line, runs of spaces, a mixture, and a web page whose tables lost their colspan/rowspan) and its
 * cells re-typed the ways copies come (full-width spaces,
 * 繁體 labels, {@code \r\n} line ends, no-break spaces, zero-width characters, full-width digits, thousands
 * separators 「1,234」, counts written 「0件」): each reads the same cells as the report as published. Runs of
 * spaces leave no trace of a blank cell, so there a row with blanks may stay unread — but what is read is the same.
 */
class RelaidCorpusTest {
  /** Cell text → cell text, applied to every cell of every table. */
  record Retype(String name, UnaryOperator<String> cell, UnaryOperator<String> whole) {}

  record Layout(String name, Function<List<List<String>>, String> table, boolean blanksKept, boolean rowPerLine) {}

  static final String TRAD = "業业務务機机構构織织請请數数處处結结轉转開开辦办計计總总複复議议訴诉訟讼規规範范強强費费"
      + "許许罰罚國国險险經经濟济無无關关錄录條条項项與与況况類类內内糾纠審审維维個个製制發发廢废認认織织";

  static String traditional(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      int i = TRAD.indexOf(c);
      sb.append(i > 0 && i % 2 == 1 ? TRAD.charAt(i - 1) : c);
    }
    return sb.toString();
  }

  static boolean integer(String s) {
    return s.strip().matches("\\d+");
  }

  static final List<Retype> RETYPES = List.of(
      new Retype("as published", c -> c, t -> t),
      new Retype("full-width spaces", c -> integer(c) || c.isBlank() ? c : "\u3000" + c.replace(" ", "\u3000"), t -> t),
      new Retype("繁體 labels", RelaidCorpusTest::traditional, t -> t),
      new Retype("\\r\\n line ends", c -> c, t -> t.replace("\n", "\r\n")),
      new Retype("no-break spaces", c -> c.isBlank() ? c : "\u00A0" + c.replace(" ", "\u00A0") + "\u00A0", t -> t),
      new Retype("zero-width characters",
          c -> integer(c) ? c + "\u200B" : c.length() >= 2 ? c.charAt(0) + "\u200B" + c.substring(1) + "\u200D" : c,
          t -> t),
      new Retype("full-width digits", c -> integer(c) ? c.strip().chars()
          .collect(StringBuilder::new, (sb, ch) -> sb.append((char) (ch - '0' + '０')), StringBuilder::append)
          .toString() : c, t -> t),
      new Retype("thousands separators", c -> integer(c)
          ? String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(c.strip())) : c, t -> t),
      new Retype("counts with 件", c -> integer(c) ? c.strip() + "件" : c, t -> t));

  static String tabRows(List<List<String>> rows) {
    return String.join("\n", rows.stream().map(r -> String.join("\t", r)).toList());
  }

  static String markdown(List<List<String>> rows) {
    return String.join("\n", rows.stream().map(r -> "| " + String.join(" | ", r) + " |").toList());
  }

  static String scraperCells(List<List<String>> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> r.forEach(c -> out.add(c.isBlank() ? "|" : c + " |")));
    return String.join("\n", out);
  }

  static String wordCopy(List<List<String>> rows) {
    List<String> out = new ArrayList<>();
    for (List<String> r : rows) {
      r.forEach(c -> out.add("\t" + c));
      out.add("");
    }
    return String.join("\n", out);
  }

  static String spaceColumns(List<List<String>> rows) {
    return String.join("\n", rows.stream().map(r -> "  " + String.join("     ",
        r.stream().filter(c -> !c.isBlank()).map(c -> c.replace(" ", "")).toList())).toList());
  }

  static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String htmlTable(List<List<String>> rows) {
    StringBuilder sb = new StringBuilder("<table border=\"1\">");
    rows.forEach(r -> {
      sb.append("<tr>");
      r.forEach(c -> sb.append("<td><p>").append(escape(c).replace("\u00A0", "&nbsp;")).append("</p></td>"));
      sb.append("</tr>\n");
    });
    return sb.append("</table>").toString();
  }

  static final List<Layout> LAYOUTS = List.of(
      new Layout("tab rows", RelaidCorpusTest::tabRows, true, true),
      new Layout("Markdown pipes", RelaidCorpusTest::markdown, true, true),
      new Layout("a cell per line ending in |", RelaidCorpusTest::scraperCells, true, false),
      new Layout("Word copy, a cell per line", RelaidCorpusTest::wordCopy, true, false),
      new Layout("runs of spaces", RelaidCorpusTest::spaceColumns, false, true),
      new Layout("web page", RelaidCorpusTest::htmlTable, true, true));

  /** The report's text with its tables re-laid (table i by layouts[i % n]) and its cells re-typed. */
  static String relaid(PublishedReport report, List<Layout> layouts, Retype retype) {
    boolean html = layouts.stream().anyMatch(l -> l.name().equals("web page"));
    StringBuilder sb = new StringBuilder(html ? "<!DOCTYPE html><html><body>\n" : "");
    int t = 0;
    for (PublishedReport.Block b : report.blocks()) {
      if (b instanceof PublishedReport.Paragraph p) {
        sb.append(html ? "<p>" + escape(p.text()) + "</p>" : p.text()).append('\n');
      } else if (b instanceof PublishedReport.Table tab) {
        List<List<String>> rows = tab.rows().stream()
            .map(r -> r.stream().map(c -> retype.cell().apply(c.text().replace("\n", " "))).toList()).toList();
        sb.append('\n').append(layouts.get(t++ % layouts.size()).table().apply(rows)).append("\n\n");
      }
    }
    return retype.whole().apply(sb.append(html ? "</body></html>\n" : "").toString());
  }

  /** The table cells read, in comparison form: numbers plain, text simplified without invisible characters. */
  static Map<String, String> cells(ReportData d) {
    Map<String, String> out = new TreeMap<>();
    d.values().forEach((k, v) -> out.put(k, shown(v)));
    return out;
  }

  static String shown(CellValue v) {
    return v.isNumber() ? v.number().stripTrailingZeros().toPlainString()
        : "「" + Labels.norm(v.text()).replaceAll("[\u200B-\u200D\u2060]", "") + "」";
  }

  /**
   * Whether the report's tables were read as the rows they were printed in (a row per line). A scraper's text with
   * one cell per line is read as a stream of cells, not rows: re-laid "a row per line" it would be a text no copy
   * gives, so such reports are re-laid only through those that keep it (they are in the corpus as they came).
   */
  static boolean rowsAsPrinted(PublishedReport r) {
    long rows = 0;
    long wide = 0;
    for (PublishedReport.Block b : r.blocks()) {
      if (b instanceof PublishedReport.Table t) {
        for (List<PublishedReport.Cell> row : t.rows()) {
          rows++;
          wide += row.size() >= 2 ? 1 : 0;
        }
      }
    }
    return rows > 0 && wide * 2 > rows;
  }

  static List<Path> textReports() throws IOException {
    return PublishedCorpusTest.reports().stream().filter(p -> p.toString().endsWith(".txt")).toList();
  }

  @Test
  void everyReportReadsTheSameCellsInEveryLayoutAndTyping() throws IOException {
    List<String> failures = new ArrayList<>();
    int runs = 0;
    int compared = 0;
    for (Path file : textReports()) {
      String kind = Docmerge.detectKind(file).orElseThrow();
      ReportSpec spec = Docmerge.open(kind).get().kind().spec();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Map<String, String> published = cells(Extracts.extract(text, file.getFileName().toString(), spec).get());
      if (published.isEmpty()) {
        continue;
      }
      PublishedReport read = TextReport.read(text, file.getFileName().toString());
      if (!rowsAsPrinted(read)) {
        continue;
      }
      List<List<Layout>> mixes = new ArrayList<>();
      LAYOUTS.forEach(l -> mixes.add(List.of(l)));
      mixes.add(List.of(LAYOUTS.get(1), LAYOUTS.get(0), LAYOUTS.get(2), LAYOUTS.get(3)));
      boolean words = read.blocks().stream().noneMatch(b -> b instanceof PublishedReport.Table t && t.blanksVisible());
      for (List<Layout> mix : mixes) {
        if (words && mix.stream().anyMatch(l -> !l.rowPerLine())) {
          continue; // a PDF's text layer: its "cells" are words of a line, which no copy gives one per line
        }
        for (Retype retype : RETYPES) {
          if (!mix.get(0).blanksKept() && retype.name().equals("full-width spaces")) {
            continue; // full-width spaces between words are the cell gaps of that layout
          }
          runs++;
          String name = file.getFileName() + " / " + String.join("+", mix.stream().map(Layout::name).toList())
              + " / " + retype.name();
          Map<String, String> again;
          try {
            again = cells(Extracts.extract(relaid(read, mix, retype), "relaid.txt", spec).get());
          } catch (RuntimeException | AssertionError e) {
            failures.add(name + ": " + e);
            continue;
          }
          boolean blanksKept = mix.stream().allMatch(Layout::blanksKept);
          for (Map.Entry<String, String> e : published.entrySet()) {
            String v = again.get(e.getKey());
            compared++;
            if (v == null ? blanksKept : !v.equals(e.getValue())) {
              failures.add(name + ": " + e.getKey() + " " + v + " expected " + e.getValue());
            }
          }
          again.keySet().stream().filter(k -> !published.containsKey(k))
              .forEach(k -> failures.add(name + ": " + k + " read " + again.get(k) + " but not in the report as published"));
        }
      }
    }
    System.out.println("Re-laid corpus: " + runs + " re-layouts, " + compared + " cells compared, "
        + failures.size() + " differences");
    Map<String, Integer> byKind = new TreeMap<>();
    failures.forEach(f -> byKind.merge(f.substring(f.indexOf(" / ") + 3, f.indexOf(':', f.indexOf(" / "))), 1, Integer::sum));
    byKind.forEach((k, n) -> System.out.println("  " + n + " × " + k));
    Map<String, Integer> byFile = new TreeMap<>();
    failures.forEach(f -> byFile.merge(f.substring(0, f.indexOf(" / ")), 1, Integer::sum));
    byFile.forEach((k, n) -> System.out.println("  " + n + " × " + k));
    failures.stream().limit(40).forEach(f -> System.out.println("  " + f));
    assertTrue(runs > 100, "runs " + runs);
    assertEquals(List.of(), failures.stream().limit(20).toList());
  }

  /**
   * A page's cells one per paragraph leave no trace of a blank cell (an empty paragraph shows nothing): a row whose
   * zeros were left blank must not be read at all, rather than its numbers shifted to the first columns.
   */
  @Test
  void cellsOnePerParagraphWithBlanksForZeroReadNoCellWrong() throws IOException {
    Path file = PublishedCorpusTest.DIR.resolve("35-longgang-dept-2024.txt");
    ReportSpec spec = Docmerge.open(Docmerge.detectKind(file).orElseThrow()).get().kind().spec();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Map<String, String> published = cells(Extracts.extract(text, "p.txt", spec).get());
    StringBuilder paragraphs = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.contains("|")) {
        paragraphs.append(line).append("\n");
        continue;
      }
      for (String c : line.split("\\|")) {
        if (!c.isBlank() && !c.strip().equals("0")) {
          paragraphs.append(c.strip()).append("\n\n"); // zeros left blank: their paragraphs are empty
        }
      }
    }
    Map<String, String> read = cells(Extracts.extract(paragraphs.toString(), "p.txt", spec).get());
    read.forEach((k, v) -> assertEquals(published.get(k), v, k));
    // the rows printed whole are read (table 二's 行政规范性文件 5 1 25)
    assertEquals("25", read.get("t2.normative.valid"));
  }
}
