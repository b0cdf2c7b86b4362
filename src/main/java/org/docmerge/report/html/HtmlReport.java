package org.docmerge.report.html;

import java.util.ArrayList;
import java.util.List;
import org.docmerge.report.PublishedReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads a report published as a web page with jsoup: block elements ({@code p}, {@code div}, {@code h1}–{@code
 * h6}, {@code li}) become paragraphs, {@code <table>} elements tables with their rowspan and colspan; a table
 * that holds other tables is page layout, so its cells are read as the page itself. Scripts, styles and navigation are skipped. Entities such as {@code
 * &nbsp;} are decoded; numbers inside {@code <span>}s are just text. Stateless.
 */
public final class HtmlReport {
  private static final java.util.Set<String> BLOCKS = java.util.Set.of(
      "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "center", "blockquote", "pre",
      "body", "main", "td", "th", "ul", "ol", "font", "tbody");
  private static final java.util.Set<String> SKIP = java.util.Set.of(
      "script", "style", "noscript", "head", "nav", "header", "footer", "iframe", "select", "button", "template");

  private HtmlReport() {}

  public static PublishedReport read(byte[] bytes, String source) {
    Document doc;
    try {
      // null charset: jsoup reads the BOM or <meta charset>, else UTF-8 (GBK pages declare themselves).
      doc = Jsoup.parse(new java.io.ByteArrayInputStream(bytes), null, "");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // not thrown for bytes in memory
    }
    return read(doc, source);
  }

  /** A page already decoded to text. */
  public static PublishedReport read(String html, String source) {
    return read(Jsoup.parse(html), source);
  }

  static PublishedReport read(Document doc, String source) {
    List<PublishedReport.Block> blocks = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    walk(doc.body() == null ? doc : doc.body(), blocks, pending);
    flush(blocks, pending);
    return new PublishedReport(source, "html", blocks);
  }

  private static void walk(Node node, List<PublishedReport.Block> blocks, StringBuilder pending) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        pending.append(t.getWholeText());
      } else if (child instanceof Element e) {
        String tag = e.normalName();
        if (SKIP.contains(tag)) {
          continue;
        }
        if (tag.equals("table") && e.getElementsByTag("table").size() > 1) {
          // A layout table around the article (common on older sites): its cells are the page, not data.
          flush(blocks, pending);
          walk(e, blocks, pending);
          flush(blocks, pending);
        } else if (tag.equals("table")) {
          flush(blocks, pending);
          blocks.add(table(e));
        } else if (tag.equals("br")) {
          flush(blocks, pending);
        } else if (BLOCKS.contains(tag)) {
          flush(blocks, pending);
          walk(e, blocks, pending);
          flush(blocks, pending);
        } else {
          walk(e, blocks, pending);
        }
      }
    }
  }

  private static void flush(List<PublishedReport.Block> blocks, StringBuilder pending) {
    String text = clean(pending.toString());
    pending.setLength(0);
    if (!text.isEmpty()) {
      blocks.add(new PublishedReport.Paragraph(text));
    }
  }

  /** Collapses HTML white space (source line breaks are not visible), keeps no-break spaces out. */
  private static String clean(String s) {
    return s.replace('\u00A0', ' ').replaceAll("[\\s\\u3000]+", " ").strip();
  }

  private static PublishedReport.Table table(Element table) {
    List<List<PublishedReport.Cell>> rows = new ArrayList<>();
    for (Element tr : rows(table)) {
      List<PublishedReport.Cell> cells = new ArrayList<>();
      for (Element td : tr.children()) {
        if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
          continue;
        }
        cells.add(new PublishedReport.Cell(cellText(td), span(td, "colspan"), span(td, "rowspan")));
      }
      rows.add(cells);
    }
    return new PublishedReport.Table(rows, true);
  }

  /** The table's own rows (thead, tbody, tfoot or direct), not those of nested tables. */
  private static List<Element> rows(Element table) {
    List<Element> out = new ArrayList<>();
    for (Element c : table.children()) {
      if (c.normalName().equals("tr")) {
        out.add(c);
      } else if (List.of("thead", "tbody", "tfoot").contains(c.normalName())) {
        for (Element tr : c.children()) {
          if (tr.normalName().equals("tr")) {
            out.add(tr);
          }
        }
      }
    }
    return out;
  }

  /** A cell's text: paragraphs and {@code <br>} as line breaks, everything else run together. */
  private static String cellText(Element td) {
    StringBuilder sb = new StringBuilder();
    cellText(td, sb);
    List<String> lines = new ArrayList<>();
    for (String line : sb.toString().split("\n")) {
      String c = clean(line);
      if (!c.isEmpty()) {
        lines.add(c);
      }
    }
    return String.join("\n", lines);
  }

  private static void cellText(Node node, StringBuilder sb) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        sb.append(t.getWholeText().replaceAll("[\\r\\n]+", " "));
      } else if (child instanceof Element e) {
        if (SKIP.contains(e.normalName())) {
          continue;
        }
        if (e.normalName().equals("br")) {
          sb.append('\n');
        } else if (BLOCKS.contains(e.normalName()) || e.normalName().equals("tr")) {
          sb.append('\n');
          cellText(e, sb);
          sb.append('\n');
        } else {
          cellText(e, sb);
        }
      }
    }
  }

  private static int span(Element td, String attr) {
    String v = td.attr(attr).strip();
    if (!v.matches("\\d{1,4}")) {
      return 1;
    }
    return Math.max(1, Math.min(1000, Integer.parseInt(v)));
  }
}
