package org.docmerge.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.model.ReportData;
import org.docmerge.spec.Labels;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.ReportSpec.Block;
import org.docmerge.spec.ReportSpec.Line;
import org.docmerge.spec.ReportSpec.Table;

/**
 * A table from plain text, whatever its layout: rows and spans are not to be trusted there (a scraper may put
 * every cell on its own line, a PDF's text wraps a long label over two lines), so the table is read as the stream
 * of its cells in reading order. A row's values are the value cells (numbers, blanks, 「/」「—」「无」) right after
 * its label, up to the number of columns; a label cell cut by a line wrap is matched by its beginning and its
 * continuation is skipped. Table 四's row without a label is the values after the last header label. Where blank
 * cells leave no trace (runs of spaces), a row with fewer values than columns is not read at all: which of its
 * columns are blank cannot be told. Stateless.
 */
final class PlainTable {
  private PlainTable() {}

  /** One cell of the stream: its text, comparison form, and where it was printed. */
  private record Tok(String text, String norm, int row, int cell) {
    boolean value() {
      return PlainTable.valueLike(text);
    }
  }

  static boolean valueLike(String text) {
    String t = CellText.strip(text);
    if (t.isEmpty() || CellText.value(t, Location.NONE).isNumber()) {
      return true;
    }
    String n = Labels.norm(t);
    if (n.matches("[+-]?[0-9][0-9,]*(\\.[0-9]+)?万?元")) {
      return true; // an amount printed with its unit (「976.81万元」): a value cell, read in the column's unit
    }
    if (n.matches("[增减][0-9]+(\\.[0-9]+)?")) {
      return true; // 「本年增/减」 written in words (「减4」): a value cell, read as text, so R01 says it is not a number
    }
    return n.length() <= 2 && (n.matches("[/\\\\\u2014\u2015\u2013\u2012\\-－—–]+") || n.equals("无") || n.equals("空")
        || n.equals("/") || n.equals("0件"));
  }

  static void read(String file, Table st, List<Tables.Row> rows, boolean blanksVisible, ReportData.Builder out,
      Diagnostics d) {
    read(file, st, rows, blanksVisible, false, out, d);
  }

  /**
   * {@code cut}: the text ends inside this table (an excerpt or a copy that stopped mid-row), so its last row may
   * show only its first cells; see {@link #cutRow}.
   */
  static void read(String file, Table st, List<Tables.Row> rows, boolean blanksVisible, boolean cut,
      ReportData.Builder out, Diagnostics d) {
    List<Tok> all = new ArrayList<>();
    for (Tables.Row r : rows) {
      for (int k = 0; k < r.cells().size(); k++) {
        all.add(new Tok(r.cells().get(k), Labels.norm(r.cells().get(k)), r.number(), k + 1));
      }
    }
    // Regions: a captioned block runs from its caption to the next caption.
    List<Block> blocks = st.blocks();
    boolean captions = blocks.stream().anyMatch(b -> b.caption() != null);
    Map<Integer, List<Tok>> regions = new HashMap<>();
    // A block whose caption is nowhere in the table (a page that cut every caption to 「第二十条第」) begins at a row
    // label that only it has.
    boolean[] captionSeen = new boolean[blocks.size()];
    Map<String, Integer> ownLeaf = new HashMap<>();
    for (int b = 0; b < blocks.size(); b++) {
      String cap = blocks.get(b).caption();
      for (Tok t : all) {
        captionSeen[b] |= cap != null && Labels.sameCaption(t.text(), cap);
      }
      for (Line l : blocks.get(b).rows()) {
        if (!l.label().isEmpty()) {
          ownLeaf.merge(Labels.norm(l.leaf()), b, (x, y) -> -1);
        }
      }
    }
    ownLeaf.values().removeIf(b -> b < 0);
    int current = 0; // cells before the first caption (its line may have been taken for a paragraph): block one
    for (Tok t : all) {
      if (captions) {
        for (int b = 0; b < blocks.size(); b++) {
          String cap = blocks.get(b).caption();
          if (cap != null && Labels.sameCaption(t.text(), cap)) {
            current = b;
          }
        }
        if (!t.value()) {
          Integer own = Labels.find(t.text(), ownLeaf.keySet()).map(ownLeaf::get).orElse(null);
          if (own != null && own != current && !captionSeen[own]) {
            current = own;
          }
        }
      }
      if (current >= 0) {
        regions.computeIfAbsent(current, k -> new ArrayList<>()).add(t);
      }
    }
    Map<Integer, Tables.Row> byNumber = new HashMap<>();
    rows.forEach(r -> byNumber.put(r.number(), r));
    for (Tables.Row r : rows) {
      boolean hasLeaf = r.cells().stream().anyMatch(c -> blocks.stream().anyMatch(
          b -> b.rows().stream().anyMatch(l -> !l.label().isEmpty() && Labels.matches(c, l.leaf()))));
      if (!hasLeaf) {
        Tables.subtotal(file, st, r, r.cells(), Map.of(), d);
      }
    }
    List<Map<String, List<Tok>>> foundByBlock = new ArrayList<>();
    Map<String, Integer> labelAt = new HashMap<>(); // a labelled row's label: its index in its block's region
    for (int b = 0; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      List<Tok> region = regions.getOrDefault(b, List.of());
      int n = block.columns().size();
      boolean labelled = block.rows().stream().anyMatch(r -> !r.label().isEmpty());
      Map<String, List<Tok>> found = new HashMap<>();
      if (labelled) {
        Map<String, Line> byLeaf = new HashMap<>();
        block.rows().forEach(r -> byLeaf.put(Labels.norm(r.leaf()), r));
        for (int i = 0; i < region.size(); i++) {
          Tok t = region.get(i);
          if (t.value()) {
            continue;
          }
          Line line = Labels.find(t.text(), byLeaf.keySet()).map(byLeaf::get).orElse(null);
          if (line == null || found.containsKey(line.id())) {
            continue;
          }
          found.put(line.id(), values(region, i, n, leaves(block), blanksVisible));
          labelAt.put(line.id(), i);
        }
        unnamedRow(file, st, block, region, found, labelAt, blanksVisible, d);
      } else {
        Set<String> header = new LinkedHashSet<>();
        block.columns().forEach(c -> c.label().forEach(l -> header.add(Labels.norm(l))));
        int last = -1;
        for (int i = 0; i < region.size(); i++) {
          if (!region.get(i).value() && Labels.find(region.get(i).text(), header).isPresent()) {
            last = i;
          }
        }
        if (last >= 0) {
          // Table 四's row has no label: the first values after the header, past any header words left over
          // from a PDF's wrapped header (「结果」「维持」…).
          while (last + 1 < region.size() && !region.get(last + 1).value()) {
            last++;
          }
          List<Tok> v = values(region, last, n, leaves(block), blanksVisible);
          if (!v.isEmpty()) {
            found.put(block.rows().get(0).id(), v);
          }
        }
      }
      foundByBlock.add(found);
    }
    String cutRow = cut && !blanksVisible && !all.isEmpty()
        ? cutRow(blocks, regions, foundByBlock, labelAt, all.get(all.size() - 1)) : null;
    List<String> missingRows = new ArrayList<>();
    List<String> shortRows = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      int n = block.columns().size();
      Map<String, List<Tok>> found = foundByBlock.get(b);
      for (Line row : block.rows()) {
        String name = row.label().isEmpty() ? "数据行" : row.leaf();
        List<Tok> v = found.get(row.id());
        if (v == null) {
          missingRows.add(row.label().isEmpty() ? "数据行" : row.path());
          continue;
        }
        if (v.size() < n) {
          boolean readCut = row.id().equals(cutRow);
          shortRows.add(name + "（只读到 " + v.size() + " 格"
              + (readCut ? "，文字在这一行中断：读了前 " + v.size() + " 格，其余 " + (n - v.size()) + " 格没有读到"
                  : blanksVisible ? "" : "，分不清哪几格是空的，这一行没有读取") + "）");
          if (!blanksVisible && !readCut) {
            continue;
          }
        }
        for (int c = 0; c < n && c < v.size(); c++) {
          Tok t = v.get(c);
          Location at = Location.detail(file, st.sheet() + " 第" + t.row() + "行 第" + t.cell() + "格");
          out.value(ReportSpec.cellId(st.id(), row.id(), block.columns().get(c).id()), CellText.value(t.text(), at,
              new ReportSpec.CellSpec(st, block, row, block.columns().get(c)).unit()));
        }
      }
    }
    Tables.incomplete(file, st, missingRows, new LinkedHashSet<>(), shortRows, d);
  }

  /**
   * The row cut by the end of the text whose visible cells can be read in order, or null. Where blank cells leave
   * no trace, a row with fewer values than columns cannot say which are blank; but a row the text ends inside,
   * in a table whose style writes every cell, shows its first cells: read so when the row's values are the very
   * last cells of the text and follow its label directly, one after the other, and every other row of the table
   * read in this report shows exactly all its cells (no blanks left out anywhere, no surplus value that would
   * mean a shift), at least one such row. Otherwise (a report that leaves blanks, a stray cell) nothing is read.
   */
  private static String cutRow(List<Block> blocks, Map<Integer, List<Tok>> regions,
      List<Map<String, List<Tok>>> found, Map<String, Integer> labelAt, Tok lastOfText) {
    String cut = null;
    int complete = 0;
    for (int b = 0; b < blocks.size(); b++) {
      List<Tok> region = regions.getOrDefault(b, List.of());
      int n = blocks.get(b).columns().size();
      for (Map.Entry<String, List<Tok>> e : found.get(b).entrySet()) {
        List<Tok> v = e.getValue();
        if (!v.isEmpty() && v.size() < n && v.get(v.size() - 1).equals(lastOfText) && labelAt.containsKey(e.getKey())
            && cut == null) {
          int at = labelAt.get(e.getKey());
          boolean adjacent = true;
          for (int k = 0; k < v.size(); k++) {
            adjacent &= at + 1 + k < region.size() && region.get(at + 1 + k).equals(v.get(k));
          }
          if (!adjacent) {
            return null;
          }
          cut = e.getKey();
          continue;
        }
        if (v.size() != n) {
          return null; // a row with a cell left out (or its values elsewhere): blanks are not all written
        }
        int next = region.indexOf(v.get(v.size() - 1)) + 1;
        if (next < region.size() && region.get(next).value()) {
          return null; // more values than columns: which belong to which row cannot be told
        }
        complete++;
      }
    }
    return complete > 0 ? cut : null;
  }

  /**
   * A row whose label was lost (a page that printed the 规章 row's label as a blank paragraph): the one row of the
   * block the page does not name takes the values standing exactly in its slot — after the block's header (when
   * it is the first row) or after the previous row's full values, up to the next named row's label (or, for the
   * last row, the end of the run of values) — when that slot holds nothing but its values: exactly as many as the
   * block has columns, after one blank cell (the blank label, as the row's first cell) where blank cells are
   * printed, or without it (a reader that drops an empty first cell, a blank paragraph). The rows of a block
   * come in the format's fixed order, so nothing else can stand there. Refused (the row stays unread) when more
   * than one row of the block is unnamed, no other row is named, the previous row is not complete, or the slot
   * holds a label or a different number of values. A note says the row was placed by its position.
   */
  private static void unnamedRow(String file, Table st, Block block, List<Tok> region, Map<String, List<Tok>> found,
      Map<String, Integer> labelAt, boolean blanksVisible, Diagnostics d) {
    List<Line> rows = block.rows();
    int n = block.columns().size();
    List<Integer> unnamed = new ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      if (!found.containsKey(rows.get(k).id())) {
        unnamed.add(k);
      }
    }
    if (unnamed.size() != 1 || rows.size() < 2 || rows.stream().anyMatch(r -> r.label().isEmpty())) {
      return;
    }
    int m = unnamed.get(0);
    int from; // the slot's first cell
    if (m == 0) {
      Set<String> header = new LinkedHashSet<>();
      block.columns().forEach(c -> c.label().forEach(l -> header.add(Labels.norm(l))));
      int next = labelAt.getOrDefault(rows.get(1).id(), -1);
      int last = -1;
      for (int i = 0; i < next; i++) {
        if (!region.get(i).value() && Labels.find(region.get(i).text(), header).isPresent()) {
          last = i;
        }
      }
      if (last < 0) {
        return;
      }
      from = last + 1;
    } else {
      List<Tok> prev = found.get(rows.get(m - 1).id());
      if (prev == null || prev.size() != n) {
        return;
      }
      from = region.indexOf(prev.get(n - 1)) + 1;
    }
    int to; // one past the slot's last cell
    if (m + 1 < rows.size()) {
      Integer next = labelAt.get(rows.get(m + 1).id());
      if (next == null || next < from) {
        return;
      }
      to = next;
    } else {
      to = from;
      while (to < region.size() && region.get(to).value()) {
        to++;
      }
    }
    List<Tok> slot = region.subList(from, to);
    if (slot.stream().anyMatch(t -> !t.value())) {
      return;
    }
    List<Tok> values;
    if (blanksVisible && slot.size() == n + 1 && CellText.strip(slot.get(0).text()).isEmpty()
        && slot.get(0).cell() == 1) {
      values = slot.subList(1, slot.size());
    } else if (slot.size() == n && (!blanksVisible || !CellText.strip(slot.get(0).text()).isEmpty())) {
      // where blanks are printed, a first blank of n could be the blank label with a cell left out: refused
      values = slot;
    } else {
      return;
    }
    Line row = rows.get(m);
    found.put(row.id(), new ArrayList<>(values));
    Tok first = values.get(0);
    d.info("EXTRACT.GUESSED", Location.detail(file, st.sheet() + " 第" + first.row() + "行 第" + first.cell() + "格"),
        st.sheet() + "中有一行的行标题是空白的（页面上没有印出「" + row.leaf() + "」），它的 " + n + " 个数正好在「"
            + row.leaf() + "」这一行的位置（" + (m == 0 ? "表头之后" : "「" + rows.get(m - 1).leaf() + "」之后")
            + (m + 1 < rows.size() ? "、「" + rows.get(m + 1).leaf() + "」之前" : "") + "），按位置读作「" + row.leaf()
            + "」。请核对原报告");
  }

  private static int rowSize(List<Tok> region, int row) {
    return (int) region.stream().filter(t -> t.row() == row).count();
  }

  private static Set<String> leaves(Block block) {
    Set<String> out = new LinkedHashSet<>();
    block.rows().forEach(r -> {
      if (!r.label().isEmpty()) {
        out.add(Labels.norm(r.leaf()));
      }
    });
    return out;
  }

  /**
   * The value cells after the label at {@code at}: the rest of a label cut by line wraps and the labels of its
   * groups (「止公开」, 「（三）不予」, a PDF's words in other columns) are skipped, up to three cells on the next two
   * lines; then value cells up to {@code n}, stopping at the next row's label. Where blanks leave no trace (a PDF),
   * a row's values split over two lines by a wrapped label are joined past the label's words between them. Blank
   * cells right after the label on its own row are a merged label cell's remains when the row has more cells than
   * columns.
   */
  private static List<Tok> values(List<Tok> region, int at, int n, Set<String> leaves, boolean blanksVisible) {
    int i = at + 1;
    int skipped = 0;
    int labelRow = region.get(at).row();
    while (i < region.size() && !region.get(i).value() && skipped < 3
        && Labels.find(region.get(i).text(), leaves).isEmpty() && region.get(i).row() <= labelRow + 2) {
      i++;
      skipped++;
    }
    List<Tok> out = new ArrayList<>();
    int sameRow = 0;
    for (int k = i; k < region.size() && region.get(k).row() == labelRow && region.get(k).value(); k++) {
      sameRow++;
    }
    while (sameRow > n && i < region.size() && CellText.strip(region.get(i).text()).isEmpty()) {
      i++;
      sameRow--;
    }
    int junk = 0;
    for (; i < region.size() && out.size() < n; i++) {
      Tok t = region.get(i);
      if (!t.value()) {
        if (!blanksVisible && !out.isEmpty() && junk < 3 && Labels.find(t.text(), leaves).isEmpty()
            && t.row() <= labelRow + 3) {
          junk++;
          continue;
        }
        break;
      }
      out.add(t);
    }
    if (skipped > 0 && out.size() == n && junk == 0 && i < region.size() && !region.get(i).value()
        && Labels.find(region.get(i).text(), leaves).isEmpty()) {
      // 「其他对外管理服务事项 | 行政检查 | 0 | 0 | 0 | 行政确认 | 0 | 0 | 0 |」: the cell skipped after the label was a
      // sub-row's label, and another sub-row with as many values follows; the row's own values are not printed.
      int more = 0;
      for (int k = i + 1; k < region.size() && region.get(k).value() && more < n; k++) {
        more++;
      }
      if (more == n) {
        return List.of();
      }
    }
    return out;
  }
}
