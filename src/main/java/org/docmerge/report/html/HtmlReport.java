package org.docmerge.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docmerge.report.PublishedReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads a report published as a web page with jsoup: block elements ({@code p}, {@code div}, {@code h1}–{@code
 * h6}, {@code li}) become paragraphs, {@code <table>} elements tables with their rowspan and colspan; a table
 * that holds other tables is page layout, so its cells are read as the page itself (a one-cell table inside a
 * cell is just that cell's text). Only what a browser shows is read: scripts, styles, navigation, form fields,
 * comments (also Word's conditional {@code <![if …]>} blocks) and elements hidden by {@code display:none},
 * {@code visibility:hidden}, Word's {@code mso-hide:all} or the {@code hidden} attribute — inline or by a simple
 * rule of the page's own {@code <style>} (not one for print only) — are skipped, so a hidden print copy of the
 * article or an old number kept hidden is not read; Word's zero-height row that fixes column widths is no row, its
 * zero-width cell that fixes a row's height no cell.
 * Entities such as {@code &nbsp;} are decoded; numbers inside {@code <span>}s and {@code <font>}s are just text.
 * Stateless.
 */
public final class HtmlReport {
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "center", "blockquote", "pre",
      "body", "main", "td", "th", "ul", "ol", "tbody", "dd", "dt", "dl", "address", "caption", "form", "fieldset");
  private static final Set<String> SKIP = Set.of(
      "script", "style", "noscript", "head", "nav", "header", "footer", "iframe", "select", "button", "template",
      "textarea", "input", "option", "datalist", "object", "embed", "svg", "canvas", "audio", "video", "xml",
      "title", "map", "applet");
  private HtmlReport() {}

  /** A page's bytes, decoded as {@link PageText#decode} says. */
  public static PublishedReport read(byte[] bytes, String source) {
    return read(PageText.decode(bytes), source);
  }

  /** A page already decoded to text. */
  public static PublishedReport read(String html, String source) {
    return read(Jsoup.parse(html), Map.of(), source);
  }

  private static final Pattern FINISHED = Pattern.compile("</(?:tr|table|p|div|li|h[1-6]|td|th)\\s*>",
      Pattern.CASE_INSENSITIVE);

  /**
   * Whether a page stops before its end: it opens {@code <html>} or {@code <body>} but closes neither (a download or
   * copy that stopped; a saved page ends with them), and it ends inside a tag or text, or inside a table.
   */
  public static boolean cutShort(String html) {
    String head = html.substring(0, Math.min(html.length(), 65536)).toLowerCase(Locale.ROOT);
    String tail = html.substring(Math.max(0, html.length() - 65536)).toLowerCase(Locale.ROOT);
    if (!(head.contains("<html") || head.contains("<body")) || tail.contains("</html") || tail.contains("</body")) {
      return false;
    }
    // a sloppy template may leave both out: such a page still ends with a tag, outside any table
    String end = tail.stripTrailing();
    return !end.endsWith(">") || tail.lastIndexOf("<table") > tail.lastIndexOf("</table");
  }

  /**
   * A page that stops before its end, up to its last finished row or block: a row cut off inside a cell would
   * show its missing cells as blank ones, blamed on the publisher.
   */
  public static String finishedPart(String html) {
    Matcher m = FINISHED.matcher(html);
    int end = -1;
    while (m.find()) {
      end = m.end();
    }
    return end < 0 ? html : html.substring(0, end);
  }

  /** A page out of a single-file archive, with the style sheets it links (by the address it links them with). */
  public static PublishedReport read(Mhtml.Page page, String source) {
    return read(Jsoup.parse(page.html()), page.sheets(), source);
  }

  static PublishedReport read(Document doc, Map<String, String> sheets, String source) {
    return readOnce(doc, sheets, source).report();
  }

  /**
   * A page read, with the first label of each table it holds twice with different numbers (both left out: a hidden
   * old version or print copy this reader could not see as hidden, and no telling which one is published).
   */
  public record Read(PublishedReport report, List<String> conflicting) {
    public Read {
      conflicting = List.copyOf(conflicting);
    }
  }

  /** A page out of a single-file archive or decoded by {@link PageText}, with the tables it holds twice. */
  public static Read readOnce(Mhtml.Page page, String source) {
    return readOnce(Jsoup.parse(page.html()), page.sheets(), source);
  }

  private static Read readOnce(Document doc, Map<String, String> sheets, String source) {
    Set<Element> hidden = StyleHiding.hidden(doc, sheets);
    List<PublishedReport.Block> blocks = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    new Walker(hidden).walk(doc.body() == null ? doc : doc.body(), blocks, pending);
    flush(blocks, pending);
    List<String> conflicting = new ArrayList<>();
    List<PublishedReport.Block> kept = once(blocks, conflicting);
    return new Read(new PublishedReport(source, "html", kept), conflicting);
  }

  /**
   * The blocks with a table printed twice read once: a second copy with the same cells is left out; two with the
   * same labels but different numbers are both left out (their first label added to {@code conflicting}).
   */
  static List<PublishedReport.Block> once(List<PublishedReport.Block> blocks, List<String> conflicting) {
    Set<Integer> drop = new java.util.HashSet<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (!(blocks.get(i) instanceof PublishedReport.Table a) || drop.contains(i) || !labelled(a)) {
        continue;
      }
      for (int j = i + 1; j < blocks.size(); j++) {
        if (!(blocks.get(j) instanceof PublishedReport.Table b) || drop.contains(j) || !sameLabels(a, b)) {
          continue;
        }
        drop.add(j);
        if (!a.rows().equals(b.rows())) {
          drop.add(i);
          conflicting.add(firstLabel(a));
          break;
        }
      }
    }
    List<PublishedReport.Block> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (!drop.contains(i)) {
        out.add(blocks.get(i));
      }
    }
    return out;
  }

  /** A value cell: a number, or what stands for one (blank, 「/」「—」「无」). */
  private static boolean value(String text) {
    String t = text.strip();
    return t.isEmpty() || t.matches("(?s).*[0-9０-９].*") || t.matches("[/／\\\\—–\\-－无]+");
  }

  /** At least two rows, and a label of two characters or more. */
  private static boolean labelled(PublishedReport.Table t) {
    return t.rows().size() >= 2 && t.rows().stream().flatMap(List::stream)
        .anyMatch(c -> !value(c.text()) && c.text().strip().length() >= 2);
  }

  private static boolean sameLabels(PublishedReport.Table a, PublishedReport.Table b) {
    if (a.rows().size() != b.rows().size()) {
      return false;
    }
    for (int r = 0; r < a.rows().size(); r++) {
      List<PublishedReport.Cell> x = a.rows().get(r);
      List<PublishedReport.Cell> y = b.rows().get(r);
      if (x.size() != y.size()) {
        return false;
      }
      for (int c = 0; c < x.size(); c++) {
        PublishedReport.Cell p = x.get(c);
        PublishedReport.Cell q = y.get(c);
        if (p.colspan() != q.colspan() || p.rowspan() != q.rowspan() || value(p.text()) != value(q.text())
            || !value(p.text()) && !p.text().equals(q.text())) {
          return false;
        }
      }
    }
    return true;
  }

  private static String firstLabel(PublishedReport.Table t) {
    return t.rows().stream().flatMap(List::stream).map(c -> c.text().replace('\n', ' ').strip())
        .filter(c -> !value(c) && c.length() >= 2).findFirst().orElse("");
  }

  private record Walker(Set<Element> hidden) {
    boolean skipped(Element e) {
      return SKIP.contains(e.normalName()) || hidden.contains(e) || e.normalName().startsWith("v:") || chrome(e);
    }

    void walk(Node node, List<PublishedReport.Block> blocks, StringBuilder pending) {
      for (Node child : node.childNodes()) {
        if (child instanceof TextNode t) {
          pending.append(t.getWholeText());
        } else if (child instanceof Element e) {
          String tag = e.normalName();
          if (skipped(e)) {
            continue;
          }
          if (tag.equals("table") && layout(e)) {
            // A layout table around the article (common on older sites): its cells are the page, not data.
            flush(blocks, pending);
            walk(e, blocks, pending);
            flush(blocks, pending);
          } else if (tag.equals("table")) {
            flush(blocks, pending);
            PublishedReport.Table t = table(e);
            if (!t.rows().isEmpty()) {
              blocks.add(t);
            }
          } else if (tag.equals("br")) {
            flush(blocks, pending);
          } else if (BLOCKS.contains(tag) || tag.equals("tr") || tag.equals("table")) {
            flush(blocks, pending);
            walk(e, blocks, pending);
            flush(blocks, pending);
          } else {
            walk(e, blocks, pending);
          }
        }
      }
    }

    /** A table holding a table other than a one-cell box inside a cell is page layout. */
    boolean layout(Element table) {
      for (Element inner : table.getElementsByTag("table")) {
        if (inner != table && !box(inner)) {
          return true;
        }
      }
      return false;
    }

    private PublishedReport.Table table(Element table) {
      List<List<PublishedReport.Cell>> rows = new ArrayList<>();
      for (Element tr : rows(table)) {
        if (skipped(tr)) {
          continue;
        }
        List<PublishedReport.Cell> cells = new ArrayList<>();
        for (Element td : tr.children()) {
          if (!td.normalName().equals("td") && !td.normalName().equals("th") || skipped(td)) {
            continue;
          }
          String text = cellText(td);
          if (text.isEmpty() && td.attr("width").strip().equals("0")) {
            continue; // Word's <![if !supportMisalignedRows]> cell of no width that sets a row's height: no column
          }
          cells.add(new PublishedReport.Cell(text, span(td, "colspan"), span(td, "rowspan")));
        }
        if (widthsOnly(tr, cells)) {
          continue; // Word's <tr height=0> of empty cells that fixes the column widths: shows nothing
        }
        rows.add(cells);
      }
      return new PublishedReport.Table(trimmed(rows), true);
    }

    /** A cell's text: paragraphs and {@code <br>} as line breaks, everything else run together. */
    private String cellText(Element td) {
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

    private void cellText(Node node, StringBuilder sb) {
      for (Node child : node.childNodes()) {
        if (child instanceof TextNode t) {
          sb.append(t.getWholeText().replaceAll("[\\r\\n]+", " "));
        } else if (child instanceof Element e) {
          if (skipped(e)) {
            continue;
          }
          if (e.normalName().equals("br")) {
            sb.append('\n');
          } else if (BLOCKS.contains(e.normalName()) || e.normalName().equals("tr")
              || e.normalName().equals("table")) {
            sb.append('\n');
            cellText(e, sb);
            sb.append('\n');
          } else {
            cellText(e, sb);
          }
        }
      }
    }
  }

  /**
   * The site's own blocks around the article, by the names CMS templates give them (class or id 「footer」
   * 「share」「bdsharebuttonbox」「breadcrumb」「position」「dqwz」「ewm」「related」…): not the report. Never a block
   * that holds a table, so no cell can be lost to a name.
   */
  private static boolean chrome(Element e) {
    if (!e.hasAttr("class") && !e.hasAttr("id") || e.normalName().equals("body") || e.normalName().equals("html")) {
      return false;
    }
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    return CHROME.matcher(names).find() && e.getElementsByTag("table").isEmpty();
  }

  private static final Pattern CHROME = Pattern.compile("(?:^|[\\s_-])(?:footer|foot|share|sharebox|bdsharebuttonbox"
      + "|bdshare|breadcrumbs?|crumbs?|position|dqwz|qr|qrcode|ewm|erweima|related|xgxx|xglj|navbar|nav|menu)(?:[\\s_-]|$)");

  /**
   * The rows without empty cells that stick out to the right of the table: past the last grid column any row fills
   * with text (a stray {@code <td></td>} an editor left at a row's end). The page shows them as a ragged edge, not a
   * column; kept, they would make the rows of unequal width and their values be read by position.
   */
  static List<List<PublishedReport.Cell>> trimmed(List<List<PublishedReport.Cell>> rows) {
    List<int[]> starts = new ArrayList<>(); // per row, each cell's first grid column
    Map<Integer, Integer> coveredUntil = new java.util.HashMap<>(); // grid column → last row a rowspan covers
    int width = 0;
    for (int r = 0; r < rows.size(); r++) {
      int[] at = new int[rows.get(r).size()];
      int col = 0;
      for (int c = 0; c < rows.get(r).size(); c++) {
        while (coveredUntil.getOrDefault(col, -1) >= r) {
          col++;
        }
        PublishedReport.Cell cell = rows.get(r).get(c);
        at[c] = col;
        for (int k = 0; k < cell.colspan(); k++) {
          coveredUntil.put(col + k, r + cell.rowspan() - 1);
        }
        col += cell.colspan();
        if (!cell.text().isEmpty()) {
          width = Math.max(width, col);
        }
      }
      starts.add(at);
    }
    List<List<PublishedReport.Cell>> out = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<PublishedReport.Cell> row = new ArrayList<>(rows.get(r));
      while (!row.isEmpty() && row.get(row.size() - 1).text().isEmpty() && starts.get(r)[row.size() - 1] >= width) {
        row.remove(row.size() - 1);
      }
      out.add(row);
    }
    return out;
  }

  /** A table of one row and one cell, holding no table: a box around a cell's text. */
  private static boolean box(Element table) {
    if (table.getElementsByTag("table").size() > 1) {
      return false;
    }
    List<Element> rows = rows(table);
    return rows.size() <= 1 && (rows.isEmpty() || rows.get(0).children().stream()
        .filter(c -> c.normalName().equals("td") || c.normalName().equals("th")).count() <= 1);
  }

  /** Word's zero-height row of empty cells (one per grid column), kept only so old browsers size the columns. */
  private static boolean widthsOnly(Element tr, List<PublishedReport.Cell> cells) {
    return tr.attr("height").strip().equals("0") && cells.stream().allMatch(c -> c.text().isEmpty());
  }

  /** A line of the page's buttons: 「【打印本页】【关闭窗口】」「[打印] [关闭]」. */
  private static final Pattern PAGE_BUTTONS = Pattern.compile(
      "(?:\\s*[【\\[](?:打印|关闭|返回|收藏|保存|顶部|字号|分享)[^】\\]]{0,6}[】\\]])+\\s*");

  private static void flush(List<PublishedReport.Block> blocks, StringBuilder pending) {
    String text = clean(pending.toString());
    pending.setLength(0);
    if (!text.isEmpty() && !PAGE_BUTTONS.matcher(text).matches()) {
      blocks.add(new PublishedReport.Paragraph(text));
    }
  }

  /** Collapses HTML white space (source line breaks are not visible), keeps no-break spaces out. */
  private static String clean(String s) {
    return s.replace('\u00A0', ' ').replaceAll("[\\s\\u3000]+", " ").strip();
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

  private static int span(Element td, String attr) {
    String v = td.attr(attr).strip();
    if (!v.matches("\\d{1,4}")) {
      return 1;
    }
    return Math.max(1, Math.min(1000, Integer.parseInt(v)));
  }

}
